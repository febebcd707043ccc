import { DEADLINE_KINDS, DEADLINE_VIEW_STATES, type DeadlineKind, type DeadlineViewState } from '@acervo/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsCalendarDay } from '../../../common/calendar-day';

export class SetDeadlineDto {
  @ApiProperty({ example: 'Resposta ao Ofício nº 12/2026' })
  @IsString()
  @Length(1, 500)
  description: string;

  @ApiPropertyOptional({ description: 'Calendar days from today (or give dueDate)', minimum: 1, maximum: 3650 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  days?: number;

  @ApiPropertyOptional({ example: '2026-12-15', description: 'The due day (or give days)' })
  @IsOptional()
  @IsCalendarDay()
  dueDate?: string;

  @ApiPropertyOptional({ default: true, description: 'Moves the process to Em espera until due or closed' })
  @IsOptional()
  @IsBoolean()
  wait?: boolean;

  @ApiPropertyOptional({ description: "The process's version read (optional: a deadline does not depend on it)" })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class SetDeadlineResultDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time', description: "End of the due day in the institution's time zone" })
  dueAt: string;

  @ApiProperty({ description: "The process's new version" })
  processVersion: number;
}

export class CloseDeadlineDto {
  @ApiPropertyOptional({ description: "The deadline's version read" })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ example: 'Resposta recebida em 20/11', description: 'Recorded in the event' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string;
}

export class ExtendDeadlineDto {
  @ApiPropertyOptional({ description: "The deadline's version read" })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ description: 'Required for a legal deadline, which extends by its class rule' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  justification?: string;

  @ApiPropertyOptional({ description: 'Internal deadline: days added to the current due day', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  days?: number;

  @ApiPropertyOptional({ example: '2027-01-15', description: 'Internal deadline: the new due day' })
  @IsOptional()
  @IsCalendarDay()
  dueDate?: string;
}

export class DeadlineDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  processId: string;

  @ApiProperty({ enum: DEADLINE_KINDS })
  kind: DeadlineKind;

  @ApiProperty()
  description: string;

  @ApiProperty()
  wait: boolean;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  dueAt: string;

  @ApiProperty({ enum: DEADLINE_VIEW_STATES, description: 'Derived from the due time when read' })
  state: DeadlineViewState;

  @ApiProperty({ description: 'Extensions granted so far' })
  extensions: number;

  @ApiProperty({ type: String, nullable: true })
  legalBasis: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Closed or ended at' })
  endedAt: string | null;

  @ApiProperty()
  version: number;
}

export class DeadlineListDto {
  @ApiProperty({ type: [DeadlineDto] })
  items: DeadlineDto[];
}
