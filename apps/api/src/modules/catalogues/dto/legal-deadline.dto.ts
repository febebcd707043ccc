import { DURATION_UNITS, type DurationUnit } from '@acervo/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsVersion } from '../../../common/stale-version';
import { CATALOGUE_CODE_MAX } from './coded.dto';

export class DurationDto {
  @ApiProperty({ minimum: 1, maximum: 3650 })
  @IsInt()
  @Min(1)
  @Max(3650)
  amount: number;

  @ApiProperty({ enum: DURATION_UNITS })
  @IsIn(DURATION_UNITS)
  unit: DurationUnit;
}

export class LegalDeadlineRuleDto {
  @ApiProperty({ example: 'NF' })
  @IsString()
  @Length(1, CATALOGUE_CODE_MAX)
  classCode: string;

  @ApiProperty({ type: DurationDto })
  // ValidateNested alone lets a missing value or a list through.
  @IsObject()
  @ValidateNested()
  @Type(() => DurationDto)
  duration: DurationDto;

  @ApiProperty({ type: DurationDto, nullable: true, description: 'Null: not extendable' })
  @ValidateIf((_, v) => v !== null)
  @IsObject()
  @ValidateNested()
  @Type(() => DurationDto)
  extension: DurationDto | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Null: as often as justified' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(100)
  maxExtensions: number | null = null;

  @ApiProperty({ example: 'Res. CNMP 174/2017, art. 3º' })
  @IsString()
  @Length(2, 300)
  legalBasis: string;
}

/** The whole table: a PUT replaces it (classes left out have no legal deadline). */
export class ReplaceLegalDeadlinesDto {
  @ApiProperty({ type: [LegalDeadlineRuleDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => LegalDeadlineRuleDto)
  items: LegalDeadlineRuleDto[];

  @ApiPropertyOptional({
    description:
      "The table's version read; a replacement from an older read is refused (409). Without it, the table is replaced whatever its version (last write wins).",
  })
  @IsOptional()
  @IsVersion()
  version?: number;
}

export class LegalDeadlineTableDto {
  @ApiProperty({ type: [LegalDeadlineRuleDto] })
  items: LegalDeadlineRuleDto[];

  @ApiProperty({ description: 'The version of the whole table, to send with the next replacement' })
  version: number;
}
