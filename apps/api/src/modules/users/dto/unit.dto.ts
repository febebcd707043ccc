import { UFS, UNIT_CODE_PATTERN, UNIT_KINDS, type Uf, type UnitKind } from '@acervo/domain';
import { ApiProperty, PartialType, PickType } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { IsVersion } from '../../../common/stale-version';

export class CreateUnitDto {
  @ApiProperty({ example: '058', description: 'Goes into process numbers: 2–10 digits or capital letters' })
  @Matches(UNIT_CODE_PATTERN, { message: 'code deve ter de 2 a 10 dígitos ou letras maiúsculas' })
  code: string;

  @ApiProperty({ example: '58ª Promotoria de Justiça da Capital' })
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS)
  kind: UnitKind;

  @ApiProperty({ example: 'Maceió' })
  @IsString()
  @Length(2, 100)
  city: string;

  @ApiProperty({ enum: UFS, example: 'AL' })
  @IsIn(UFS)
  uf: Uf;
}

/** The code is fixed once given: it is part of the numbers already issued. */
export class UpdateUnitDto extends PartialType(PickType(CreateUnitDto, ['name', 'kind', 'city', 'uf'] as const)) {
  @ApiProperty({ description: 'The version read; a stale one gets 409' })
  @IsVersion()
  version: number;
}

export class UnitDto extends CreateUnitDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  version: number;
}

export class UnitListDto {
  @ApiProperty({ type: [UnitDto] })
  items: UnitDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class CreatedDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
}
