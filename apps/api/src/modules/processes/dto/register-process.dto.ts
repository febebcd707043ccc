import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDay } from '../../../common/calendar-day';

export class PartyInput {
  @ApiProperty({ example: 'Associação de Moradores do Jacintinho' })
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiProperty({ example: 'Representante', description: 'Representante, Investigado, Vítima, …' })
  @IsString()
  @Length(2, 60)
  type: string;

  @ApiPropertyOptional({ description: 'CPF or CNPJ' })
  @IsOptional()
  @IsString()
  @Matches(/^[\d./-]{11,18}$/, { message: 'document: CPF ou CNPJ' })
  document?: string;

  @ApiPropertyOptional({ default: false, description: 'Interessado sigiloso: "Parte sigilosa" to others' })
  @IsOptional()
  @IsBoolean()
  secret?: boolean;
}

export class RegisterProcessDto {
  @ApiProperty({ format: 'uuid', description: 'The unit registering it (its code starts the number)' })
  @IsUUID()
  unitId: string;

  @ApiProperty({ example: 'NF' })
  @IsString()
  @Length(1, 30)
  classCode: string;

  @ApiProperty({ example: '10011' })
  @IsString()
  @Length(1, 30)
  subjectCode: string;

  @ApiProperty({ description: 'Ementa: short, without party names' })
  @IsString()
  @Matches(/\S/, { message: 'summary não pode ser vazio' })
  @MaxLength(2000)
  summary: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 5, default: 0 })
  @IsOptional()
  @IsIn([0, 1, 2, 3, 4, 5])
  secrecyLevel?: number;

  @ApiPropertyOptional({ type: [PartyInput] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PartyInput)
  parties?: PartyInput[];

  @ApiPropertyOptional({ description: "Judicial: the court's CNJ number (check digits verified)" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  originNumber?: string;

  @ApiPropertyOptional({ default: false, description: 'Registered from the inventory of an older procedure' })
  @IsOptional()
  @IsBoolean()
  oldProcess?: boolean;

  @ApiPropertyOptional({ format: 'date', description: 'Old processes: when it was instaurated' })
  @IsOptional()
  @IsCalendarDay()
  instauratedOn?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Manual distribution: the responsible member' })
  @IsOptional()
  @IsUUID()
  responsibleMemberId?: string;
}

export class FieldWarning {
  @ApiProperty()
  field: string;

  @ApiProperty()
  message: string;
}

export class RegisteredProcessDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '058.2026.000123' })
  number: string;

  @ApiProperty()
  version: number;

  @ApiProperty({ type: [FieldWarning], description: 'Accepted, but worth a second look' })
  warnings: FieldWarning[];
}
