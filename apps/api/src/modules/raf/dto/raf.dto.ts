import { XML_SAFE_TEXT } from '@acervo/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { IsCalendarDay } from '../../../common/calendar-day';
import { PageQuery } from '../../../common/pagination';

const COMPETENCIA = /^\d{4}-\d{2}$/;

export class MonthQuery {
  @ApiProperty({ example: '2026-11', description: 'Competência, YYYY-MM' })
  @IsString()
  @Matches(COMPETENCIA, { message: 'month: competência no formato AAAA-MM' })
  month: string;
}

export class PreviewQuery extends PageQuery {
  @ApiProperty({ example: '2026-11', description: 'Competência, YYYY-MM' })
  @IsString()
  @Matches(COMPETENCIA, { message: 'month: competência no formato AAAA-MM' })
  month: string;
}

export class ExportRequestDto {
  @ApiProperty({ example: '2026-11', description: 'Competência, YYYY-MM' })
  @IsString()
  @Matches(COMPETENCIA, { message: 'month: competência no formato AAAA-MM' })
  month: string;
}

export class CreateActivityDto {
  @ApiProperty({ format: 'date', example: '2026-11-03' })
  @IsCalendarDay()
  occurredOn: string;

  @ApiProperty({ example: 'REUNIAO', description: 'GET /raf/activity-kinds' })
  @IsString()
  @Length(1, 40)
  kindCode: string;

  @ApiProperty({ example: 'Reunião com o Conselho Tutelar sobre acolhimento institucional' })
  @IsString()
  @Length(1, 2000)
  // Text pasted from elsewhere may carry control characters no XML file can hold.
  @Matches(XML_SAFE_TEXT, { message: 'description: contém caracteres de controle' })
  description: string;

  @ApiProperty({ format: 'uuid', description: 'A unit where the member holds a member assignment' })
  @IsUUID()
  unitId: string;

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 10000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  quantity?: number;
}

export class ActivityKindDto {
  @ApiProperty()
  code: string;

  @ApiProperty()
  name: string;
}

export class ActivityDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date' })
  occurredOn: string;

  @ApiProperty()
  kindCode: string;

  @ApiProperty()
  kindName: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty()
  unitCode: string;

  @ApiProperty()
  quantity: number;
}

export class ActivityListDto {
  @ApiProperty({ type: [ActivityDto] })
  items: ActivityDto[];
}

export class RafEventDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty()
  processNumber: string;

  @ApiProperty()
  sequence: number;

  @ApiProperty()
  classCode: string;

  @ApiProperty()
  subjectCode: string;

  @ApiProperty()
  movementCode: string;

  @ApiProperty()
  movementName: string;

  @ApiProperty({ type: String, format: 'date-time' })
  occurredAt: string;

  @ApiProperty()
  unitCode: string;

  @ApiProperty({ enum: ['PERFORMED', 'RESPONSIBLE', 'BOTH'] })
  basis: 'PERFORMED' | 'RESPONSIBLE' | 'BOTH';
}

export class RafTotalDto {
  @ApiProperty()
  movementCode: string;

  @ApiProperty()
  movementName: string;

  @ApiProperty()
  unitCode: string;

  @ApiProperty()
  count: number;
}

export class RafPreviewDto {
  @ApiProperty({ example: '2026-11' })
  month: string;

  @ApiProperty({ description: 'Events in the month (the totals add up to it)' })
  eventCount: number;

  @ApiProperty({ type: [RafTotalDto] })
  totals: RafTotalDto[];

  @ApiProperty({ type: [RafEventDto], description: 'A page of the events, in time order' })
  events: RafEventDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Cursor of the next page of events' })
  nextCursor: string | null;

  @ApiProperty({ type: [ActivityDto] })
  activities: ActivityDto[];

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Earlier exports of this month: exporting again duplicates records on import',
  })
  earlierExportIds: string[];

  @ApiProperty({ type: [String], description: 'What the member should know before exporting, e.g. no matrícula' })
  warnings: string[];
}

export class RafExportDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2026-11' })
  month: string;

  @ApiProperty({ type: String, format: 'date-time' })
  generatedAt: string;

  @ApiProperty({ description: 'SHA-256 (hex) of the file' })
  hash: string;

  @ApiProperty({ description: 'Bytes' })
  size: number;

  @ApiProperty()
  eventCount: number;

  @ApiProperty()
  activityCount: number;

  @ApiProperty({ description: 'This month was exported before: importing both duplicates records in the RAF' })
  reexport: boolean;

  @ApiProperty({ type: [String], format: 'uuid' })
  earlierExportIds: string[];

  @ApiPropertyOptional({ type: [String], description: 'What the member should know before sending it (the export)' })
  warnings?: string[];
}

export class RafExportListDto {
  @ApiProperty({ type: [RafExportDto] })
  items: RafExportDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
