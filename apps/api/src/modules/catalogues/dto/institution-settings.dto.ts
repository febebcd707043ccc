import { PROFILES } from '@acervo/domain';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsObject, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsVersion } from '../../../common/stale-version';

const SECRECY_ASSIGNMENT_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  description: 'DOMAIN §4.2: the highest level each profile may assign (null: none)',
  properties: Object.fromEntries(PROFILES.map((p) => [p, { type: 'integer', minimum: 0, maximum: 5, nullable: true }])),
  additionalProperties: false,
};

export class InstitutionSettingsDto {
  @ApiProperty({ example: 'America/Sao_Paulo' })
  timeZone: string;

  @ApiProperty({ description: 'Days a released browser skips the 2FA code' })
  trustedDeviceDays: number;

  @ApiProperty({ description: 'Deadlines due within these days are "near expiry"' })
  deadlineWarningDays: number;

  @ApiProperty({ description: 'The year-end recess (20/12–20/01) suspends legal deadlines' })
  yearEndRecess: boolean;

  @ApiProperty(SECRECY_ASSIGNMENT_SCHEMA)
  secrecyAssignment: Record<string, number | null>;

  @ApiProperty()
  version: number;
}

export class UpdateInstitutionSettingsDto {
  @ApiProperty({ description: 'The version read; a stale one gets 409' })
  @IsVersion()
  version: number;

  @ApiPropertyOptional({ example: 'America/Manaus' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  timeZone?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 365 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  trustedDeviceDays?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 60 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  deadlineWarningDays?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  yearEndRecess?: boolean;

  @ApiPropertyOptional(SECRECY_ASSIGNMENT_SCHEMA)
  @IsOptional()
  @IsObject()
  secrecyAssignment?: Record<string, unknown>;
}
