import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { CATALOGUE_CODE_MAX } from '../../catalogues/dto/coded.dto';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { IsVersion } from '../../../common/stale-version';

/** Documents one operation names at once; `each` alone would take a lone id string as a list. */
const DOCUMENT_IDS_MAX = 200;

export class CreateDraftDto {
  @ApiProperty({ example: 'DESPACHO', description: 'A document type of the catalogue' })
  @IsString()
  @Length(1, CATALOGUE_CODE_MAX)
  typeCode: string;

  @ApiProperty({ example: 'Despacho inicial' })
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiProperty({ description: 'Rich text (HTML); sanitised — no script survives' })
  @IsString()
  @MaxLength(2_000_000)
  content: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 5, description: "At least the process's level (its default)" })
  @IsOptional()
  @IsIn([0, 1, 2, 3, 4, 5])
  secrecyLevel?: number;
}

/** The fields of a multipart PDF upload besides `file`. */
export class UploadDraftDto {
  @ApiProperty({ example: 'OFICIO' })
  @IsString()
  @Length(1, CATALOGUE_CODE_MAX)
  typeCode: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsIn([0, 1, 2, 3, 4, 5])
  secrecyLevel?: number;
}

export class StandaloneDocumentDto extends CreateDraftDto {
  @ApiProperty({ format: 'uuid', description: 'The unit it is addressed to, where it waits to join a process' })
  @IsUUID()
  unitId: string;
}

/** The fields of a multipart standalone PDF besides `file`. */
export class StandaloneUploadDto extends UploadDraftDto {
  @ApiProperty({ format: 'uuid', description: 'The unit it is addressed to' })
  @IsUUID()
  unitId: string;
}

export class UpdateDraftDto {
  @ApiProperty()
  @IsVersion()
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2_000_000)
  content?: string;
}

export class DocumentVersionDto {
  @ApiProperty()
  @IsVersion()
  version: number;
}

export class DocumentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  processId: string | null;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty()
  typeCode: string;

  @ApiProperty()
  typeName: string;

  @ApiProperty()
  decisory: boolean;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: ['HTML', 'PDF'] })
  format: 'HTML' | 'PDF';

  @ApiProperty({ type: String, nullable: true, description: 'Sanitised HTML (format HTML)' })
  html: string | null;

  @ApiProperty()
  secrecyLevel: number;

  @ApiProperty({ enum: ['DRAFT', 'SIGNED'] })
  status: 'DRAFT' | 'SIGNED';

  @ApiProperty()
  standalone: boolean;

  @ApiProperty({ format: 'uuid' })
  createdBy: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  signedBy: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  signedAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the content, frozen at signing' })
  sha256: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'In the trash (lixeira) since' })
  trashedAt: string | null;

  @ApiProperty()
  version: number;
}

export class DocumentListDto {
  @ApiProperty({ type: [DocumentDto] })
  items: DocumentDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: null;
}

/** `GET /documents/standalone`: a page of the pending ones, optionally of one addressed unit. */
export class StandaloneQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only those addressed to this unit' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

/** A standalone document waiting to join a process, as lists show it (no content). */
export class PendingStandaloneDto extends PickType(DocumentDto, [
  'id',
  'unitId',
  'typeCode',
  'typeName',
  'decisory',
  'title',
  'format',
  'secrecyLevel',
  'createdBy',
  'createdAt',
  'version',
] as const) {
  @ApiProperty({ description: 'Who registered it (Protocolo)' })
  createdByName: string;
}

export class PendingStandalonePageDto {
  @ApiProperty({ type: [PendingStandaloneDto] })
  items: PendingStandaloneDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class DocumentListQuery {
  @ApiPropertyOptional({ description: 'true: the trash (lixeira) instead' })
  @IsOptional()
  @Type(() => String)
  @IsIn(['true', 'false'])
  trashed?: 'true' | 'false';
}

export class DocumentIdsDto {
  @ApiProperty()
  @IsVersion()
  version: number;

  @ApiProperty({ type: [String], format: 'uuid', maxItems: DOCUMENT_IDS_MAX })
  @IsArray()
  @ArrayMaxSize(DOCUMENT_IDS_MAX)
  @IsUUID('all', { each: true })
  documentIds: string[];
}

export class LinkDraftDto {
  @ApiProperty()
  @IsVersion()
  version: number;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  documentId: string;
}

export class MoveDto {
  @ApiProperty()
  @IsVersion()
  version: number;

  @ApiProperty({ example: '900031', description: 'A movement of the taxonomy' })
  @IsString()
  @Length(1, 30)
  movementCode: string;

  @ApiPropertyOptional({ description: 'What happened, in a line' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  description?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: DOCUMENT_IDS_MAX,
    description: 'Signed documents of the process it refers to',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(DOCUMENT_IDS_MAX)
  @IsUUID('all', { each: true })
  documentIds?: string[];
}

export class PortariaInput {
  @ApiProperty({ example: 'Portaria de instauração de Inquérito Civil' })
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiProperty({ description: 'Rich text (HTML), sanitised' })
  @IsString()
  @MaxLength(2_000_000)
  content: string;
}

export class ConvertDto {
  @ApiProperty()
  @IsVersion()
  version: number;

  @ApiProperty({ example: 'IC' })
  @IsString()
  @Length(1, 30)
  classCode: string;

  @ApiPropertyOptional({
    type: PortariaInput,
    description:
      'Required when instaurating a PP or an IC: the instauration portaria, written as a draft for the member to sign',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PortariaInput)
  portaria?: PortariaInput;

  @ApiPropertyOptional({ description: "To a judicial class: the court's CNJ number" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  originNumber?: string;
}

export class DocumentLevelDto {
  @ApiProperty()
  @IsVersion()
  version: number;

  @ApiProperty({ minimum: 0, maximum: 5, description: "At least the process's level" })
  @IsIn([0, 1, 2, 3, 4, 5])
  level: number;

  @ApiPropertyOptional({ description: 'Recorded with the event' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  justification?: string;
}
