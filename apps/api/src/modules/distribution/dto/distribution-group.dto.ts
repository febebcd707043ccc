import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../../common/pagination';

export class DistributionMemberInput {
  @ApiProperty({ format: 'uuid', description: 'A member (MEMBER, CHIEF or ON_DUTY) of some unit' })
  @IsUUID()
  userId: string;

  @ApiPropertyOptional({ default: 1, minimum: 0.01, maximum: 100, description: 'Share of the draws' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(100)
  weight?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "The member's unit (where a process drawn to it is sent at once); defaults to its only member assignment",
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'In exercise from this day' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true })
  startsOn?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'In exercise until this day' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true })
  endsOn?: string | null;
}

export class CreateDistributionGroupDto {
  @ApiProperty({ example: 'Distribuição Cível da Capital' })
  @IsString()
  @Length(2, 120)
  name: string;

  @ApiProperty({ format: 'uuid', description: 'The unit that runs the draws (distribution centre)' })
  @IsUUID()
  unitId: string;

  @ApiPropertyOptional({ type: [DistributionMemberInput] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => DistributionMemberInput)
  members?: DistributionMemberInput[];
}

export class DistributionMemberDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  username: string;

  @ApiProperty()
  fullName: string;

  @ApiProperty()
  weight: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Where a process drawn to it is sent' })
  unitId: string | null;

  @ApiProperty({ description: 'Distributions received in the group that count (compensation)' })
  received: number;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  startsOn: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  endsOn: string | null;
}

export class DistributionGroupDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ type: [DistributionMemberDto] })
  members: DistributionMemberDto[];

  @ApiProperty()
  version: number;
}

export class DistributionGroupListDto {
  @ApiProperty({ type: [DistributionGroupDto] })
  items: DistributionGroupDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class DistributionGroupsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}
