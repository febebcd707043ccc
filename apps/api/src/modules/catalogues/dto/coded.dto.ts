import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { CLASS_KINDS, type ClassKind } from '@acervo/persistence';
import { OptionalQueryBoolean } from '../../../common/query-boolean';
import { IsVersion } from '../../../common/stale-version';

/** Codes up to 40 characters: the seeded TERMO_CANCELAMENTO_DISTRIBUICAO alone has 31. */
export const CATALOGUE_CODE_MAX = 40;
const CODE = new RegExp(`^[0-9A-Z_]{1,${CATALOGUE_CODE_MAX}}$`);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

/** What every coded catalogue entry is created with: a code that never changes, and a name. */
export class CodedCreateDto {
  @ApiProperty({ description: 'Never changes; upper-case letters, digits and _ (case is ignored)' })
  @Transform(upper)
  @Matches(CODE, { message: `code: até ${CATALOGUE_CODE_MAX} letras maiúsculas, dígitos ou _` })
  code: string;

  @ApiProperty()
  @IsString()
  @Length(2, 200)
  name: string;
}

export class CodedUpdateDto {
  @ApiProperty({ description: 'The version read; a stale one gets 409' })
  @IsVersion()
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(2, 200)
  name?: string;

  @ApiPropertyOptional({ description: 'Inactive entries stay in history but are no longer offered' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CodedItemDto {
  @ApiProperty()
  code: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  active: boolean;

  @ApiProperty()
  version: number;
}

export class MovementTypeItemDto extends CodedItemDto {
  @ApiProperty({
    description:
      'Recorded by a person with "Movimentar" (`move`); false: a system movement, written only by its own operation. ' +
      'Types an administrator adds are manual.',
  })
  manual: boolean;
}

export class CreateClassDto extends CodedCreateDto {
  @ApiProperty({ enum: CLASS_KINDS })
  @IsIn(CLASS_KINDS)
  kind: ClassKind;
}

export class UpdateClassDto extends CodedUpdateDto {
  @ApiPropertyOptional({ enum: CLASS_KINDS })
  @IsOptional()
  @IsIn(CLASS_KINDS)
  kind?: ClassKind;
}

export class ClassItemDto extends CodedItemDto {
  @ApiProperty({ enum: CLASS_KINDS })
  kind: ClassKind;
}

export class CreateSubjectDto extends CodedCreateDto {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Code of the parent subject' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(upper)
  @Matches(CODE)
  parentCode?: string | null;
}

export class UpdateSubjectDto extends CodedUpdateDto {
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(upper)
  @Matches(CODE)
  parentCode?: string | null;
}

export class SubjectItemDto extends CodedItemDto {
  @ApiProperty({ type: String, nullable: true })
  parentCode: string | null;
}

export class CreateDocumentTypeDto extends CodedCreateDto {
  @ApiPropertyOptional({ default: false, description: 'Decisory documents show in public consultation' })
  @IsOptional()
  @IsBoolean()
  decisory?: boolean;
}

export class UpdateDocumentTypeDto extends CodedUpdateDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  decisory?: boolean;
}

export class DocumentTypeItemDto extends CodedItemDto {
  @ApiProperty()
  decisory: boolean;
}

export class CatalogueQuery {
  @ApiPropertyOptional({ description: 'true: only active entries' })
  @OptionalQueryBoolean()
  active?: boolean;
}
