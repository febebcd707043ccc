import { UFS } from '@acervo/domain';
import { HOLIDAY_SCOPES, type HolidayScope } from '@acervo/persistence';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';

export class CreateHolidayDto {
  @ApiProperty({ format: 'date', example: '2026-12-25' })
  @IsISO8601({ strict: true })
  @Length(10, 10, { message: 'date: AAAA-MM-DD' })
  date: string;

  @ApiProperty({ example: 'Natal' })
  @IsString()
  @Length(2, 120)
  name: string;

  @ApiPropertyOptional({ enum: HOLIDAY_SCOPES, default: 'NATIONAL' })
  @IsOptional()
  @IsIn(HOLIDAY_SCOPES)
  scope?: HolidayScope;

  @ApiPropertyOptional({ enum: UFS, description: 'For STATE and MUNICIPAL holidays' })
  // Checked whenever sent: a field the scope ignores is still no place for garbage.
  @ValidateIf((o: CreateHolidayDto) => o.scope === 'STATE' || o.scope === 'MUNICIPAL' || o.uf != null)
  @IsIn(UFS)
  uf?: string;

  @ApiPropertyOptional({ description: 'For MUNICIPAL holidays' })
  @ValidateIf((o: CreateHolidayDto) => o.scope === 'MUNICIPAL' || o.city != null)
  @IsString()
  @Length(2, 100)
  city?: string;
}

export class HolidayDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date' })
  date: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: HOLIDAY_SCOPES })
  scope: HolidayScope;

  @ApiProperty({ type: String, nullable: true })
  uf: string | null;

  @ApiProperty({ type: String, nullable: true })
  city: string | null;
}

export class HolidayListDto {
  @ApiProperty({ type: [HolidayDto] })
  items: HolidayDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: null;
}

export class HolidaysQuery {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2200)
  year?: number;
}
