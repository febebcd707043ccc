import { RULE_EFFECTS, RULE_SUBJECTS } from '@acervo/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
} from 'class-validator';

/** An explicit permission or denial on a process (DOMAIN §4.3). */
export class CreatePermissionDto {
  @ApiProperty({ enum: RULE_SUBJECTS })
  @IsIn(RULE_SUBJECTS)
  subjectType: (typeof RULE_SUBJECTS)[number];

  @ApiProperty({ format: 'uuid', description: 'The user or the group' })
  @IsUUID()
  subjectId: string;

  @ApiProperty({ enum: RULE_EFFECTS, description: 'DENY wins over ALLOW, which wins over the level table' })
  @IsIn(RULE_EFFECTS)
  effect: (typeof RULE_EFFECTS)[number];

  @ApiPropertyOptional({ format: 'date-time', description: 'After this instant the rule no longer applies' })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;

  @ApiPropertyOptional({ description: "Recorded in the rule's event" })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  justification?: string;
}

/** The same over documents, all of one level, named again as the check the manual asks for. */
export class CreateDocumentPermissionsDto extends CreatePermissionDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 200 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  documentIds: string[];

  @ApiProperty({ minimum: 0, maximum: 5, description: "Must equal every document's secrecy level" })
  @IsIn([0, 1, 2, 3, 4, 5])
  level: number;
}

export class CreatedPermissionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
}

export class CreatedDocumentPermissionsDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'One rule per document, in the order asked' })
  ids: string[];
}

export class PermissionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['PROCESS', 'DOCUMENT'] })
  on: 'PROCESS' | 'DOCUMENT';

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  documentId: string | null;

  @ApiProperty({ enum: RULE_SUBJECTS })
  subjectType: string;

  @ApiProperty({ format: 'uuid' })
  subjectId: string;

  @ApiProperty({ description: "The user's full name or the group's name" })
  subjectName: string;

  @ApiProperty({ enum: RULE_EFFECTS })
  effect: string;

  @ApiProperty({ type: Number, nullable: true, description: 'Documents: the level it was granted at' })
  level: number | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  expiresAt: string | null;

  @ApiProperty({ description: 'Past its expiry: listed, no longer applied' })
  expired: boolean;

  @ApiProperty({ format: 'uuid' })
  grantedBy: string;

  @ApiProperty()
  grantedByName: string;

  @ApiProperty({ type: String, format: 'date-time' })
  grantedAt: string;
}

export class PermissionListDto {
  @ApiProperty({ type: [PermissionDto] })
  items: PermissionDto[];
}
