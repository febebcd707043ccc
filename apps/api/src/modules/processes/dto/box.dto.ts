import { type Box, BOXES, DEADLINE_KINDS, type DeadlineKind, LOCATIONS, type Location } from '@acervo/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQuery } from '../../../common/pagination';

export { BOXES, type Box } from '@acervo/domain';

export const DEADLINE_STATES = ['NONE', 'PENDING', 'EXPIRED'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

export class BoxQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'NF' })
  @IsOptional()
  @IsString()
  @Length(1, 30)
  classCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 30)
  subjectCode?: string;

  @ApiPropertyOptional({ description: 'Part of the process number' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  number?: string;

  @ApiPropertyOptional({ enum: DEADLINE_STATES })
  @IsOptional()
  @IsIn(DEADLINE_STATES)
  deadlineState?: DeadlineState;

  @ApiPropertyOptional({
    enum: ['priority', 'date'],
    default: 'priority',
    description:
      'priority: priority first, then oldest; date: oldest first. Saída and Lixeira read newest first, Prazos soonest due first, whatever is asked',
  })
  @IsOptional()
  @IsIn(['priority', 'date'])
  sort?: 'priority' | 'date';
}

export class BoxDocumentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  typeCode: string;
}

export class BoxDeadlineDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: DEADLINE_KINDS })
  kind: DeadlineKind;

  @ApiProperty()
  description: string;

  @ApiProperty({ description: 'A waiting deadline keeps the process in Em espera until due or closed' })
  wait: boolean;

  @ApiProperty({ format: 'date-time' })
  dueAt: string;

  @ApiProperty({ description: "Due within the institution's warning days (or already past due)" })
  dueSoon: boolean;
}

export class BoxItemDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  number: string;

  @ApiProperty({ description: 'The version operations on the process must carry (bulk operations from a box)' })
  version: number;

  @ApiProperty()
  priority: boolean;

  @ApiProperty({ enum: DEADLINE_STATES })
  deadlineState: DeadlineState;

  @ApiProperty()
  classCode: string;

  @ApiProperty()
  subjectCode: string;

  @ApiProperty()
  summary: string;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ enum: LOCATIONS })
  location: Location;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  holderId: string | null;

  @ApiProperty({ type: String, format: 'date-time', description: 'Arrival where it is (outbox: when it left)' })
  since: string;

  @ApiProperty()
  secrecyLevel: number;

  @ApiPropertyOptional({ type: BoxDocumentDto, description: 'Minutas pendentes and Lixeira: the document of the row' })
  document?: BoxDocumentDto;

  @ApiPropertyOptional({
    type: BoxDeadlineDto,
    description: 'Prazos: the deadline of the row (deadlineState is its own)',
  })
  deadline?: BoxDeadlineDto;
}

export class BoxPageDto {
  @ApiProperty({ type: [BoxItemDto] })
  items: BoxItemDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;

  @ApiPropertyOptional({ description: 'Items in the box with these filters (first page only)' })
  total?: number;
}

export class BoxCountDto {
  @ApiProperty({ enum: BOXES })
  box: Box;

  @ApiProperty()
  count: number;
}
