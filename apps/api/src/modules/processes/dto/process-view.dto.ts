import { LOCATIONS, type Location, OFFERED_ACTIONS, type ProcessAction, type Profile, PROFILES } from '@acervo/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { DeadlineDto } from '../../deadlines/dto/deadline.dto';
import { DistributionRecordDto } from '../../distribution/dto/distribution.dto';

export class PartyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: '"Parte sigilosa" for a secret party, to anyone without full content' })
  name: string;

  @ApiProperty()
  type: string;

  @ApiProperty({ type: String, nullable: true })
  document: string | null;

  @ApiProperty()
  secret: boolean;
}

export class EventDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Numbered per process, from 1' })
  sequence: number;

  @ApiProperty({ example: '900001' })
  code: string;

  @ApiProperty({ example: 'Registro (autuação)' })
  name: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorId: string | null;

  @ApiProperty({ type: String, nullable: true })
  actorName: string | null;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ type: String, format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  details: Record<string, unknown>;

  @ApiProperty({ type: [String], format: 'uuid' })
  documentIds: string[];
}

export class AttachedProcessDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  number: string;
}

export class ProcessDocumentSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  typeCode: string;

  @ApiProperty()
  typeName: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: ['HTML', 'PDF'] })
  format: 'HTML' | 'PDF';

  @ApiProperty({ enum: ['DRAFT', 'SIGNED'] })
  status: 'DRAFT' | 'SIGNED';

  @ApiProperty()
  secrecyLevel: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  signedAt: string | null;
}

/** A process as its viewer may see it: `details` carries the cover only (level 1, by number). */
export class ProcessViewDto {
  @ApiProperty({ enum: ['full', 'details'] })
  visibility: 'full' | 'details';

  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '058.2026.000123' })
  number: string;

  @ApiProperty()
  version: number;

  @ApiProperty({ minimum: 0, maximum: 5 })
  secrecyLevel: number;

  @ApiProperty({ enum: LOCATIONS })
  location: Location;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Concluso to' })
  holderId: string | null;

  @ApiProperty({ type: String, nullable: true })
  holderName: string | null;

  @ApiProperty({ format: 'uuid', description: 'Where it is now' })
  unitId: string;

  @ApiProperty()
  unitName: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  responsibleMemberId: string | null;

  @ApiProperty({ type: String, nullable: true })
  responsibleMemberName: string | null;

  @ApiProperty()
  classCode: string;

  @ApiProperty()
  className: string;

  @ApiProperty()
  subjectCode: string;

  @ApiProperty()
  subjectName: string;

  @ApiProperty({ type: String, format: 'date-time' })
  registeredAt: string;

  @ApiProperty()
  priority: boolean;

  @ApiPropertyOptional({ description: 'Full content only' })
  summary?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  originNumber?: string | null;

  @ApiPropertyOptional()
  oldProcess?: boolean;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  instauratedOn?: string | null;

  @ApiPropertyOptional({ format: 'uuid' })
  creatingUnitId?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  externalOrgan?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Attached (anexado) to' })
  principalId?: string | null;

  @ApiPropertyOptional({ description: 'Chave do processo (public consultation of level 1); full content only' })
  accessKey?: string;

  @ApiPropertyOptional({
    enum: OFFERED_ACTIONS,
    isArray: true,
    description:
      'What the viewer may do with the process as it stands (operations, draft, sign); full content only. ' +
      'The act itself is checked again when asked.',
  })
  allowedActions?: ProcessAction[];

  @ApiPropertyOptional({ type: [PartyDto] })
  parties?: PartyDto[];

  @ApiPropertyOptional({
    type: [AttachedProcessDto],
    description: 'Processes attached (anexados) to this one that the viewer may see',
  })
  attached?: AttachedProcessDto[];

  @ApiPropertyOptional({
    type: [ProcessDocumentSummaryDto],
    description: 'Documents the viewer may see, outside the trash',
  })
  documents?: ProcessDocumentSummaryDto[];

  @ApiPropertyOptional({ type: [DeadlineDto], description: 'Its deadlines, legal and internal, running ones first' })
  deadlines?: DeadlineDto[];

  @ApiPropertyOptional({
    type: [DistributionRecordDto],
    description: 'Its distributions, latest first (the first one feeds the ${distribuicao.*} tags)',
  })
  distributions?: DistributionRecordDto[];

  @ApiPropertyOptional({ type: [EventDto], description: 'The history, oldest first' })
  events?: EventDto[];
}

/** Someone a process may be concluded to. */
export class ConclusionTargetDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  fullName: string;

  @ApiProperty({ enum: PROFILES, description: 'Its profile in the unit' })
  profile: Profile;
}

export class ConclusionTargetListDto {
  @ApiProperty({ type: [ConclusionTargetDto] })
  items: ConclusionTargetDto[];
}

export class ProcessSearchQuery extends PageQuery {
  @ApiPropertyOptional({ example: '058.2026.000123', description: 'Exact number' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  number?: string;

  @ApiPropertyOptional({
    example: 'merenda escolar',
    description:
      'Words of the number, origin number, summary or a non-secret party name, with or without accents; websearch syntax ("phrase", -word, or), newest first (docs/search.md)',
  })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  q?: string;
}

export class ProcessSearchDto {
  @ApiProperty({ type: [ProcessViewDto] })
  items: ProcessViewDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class EventPageDto {
  @ApiProperty({ type: [EventDto] })
  items: EventDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class EventsQuery extends PageQuery {}
