import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../../common/pagination';

export class CreateDutyPeriodDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId: string;

  @ApiProperty({ format: 'uuid', description: 'A user holding ON_DUTY in the unit' })
  @IsUUID()
  memberId: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ format: 'date-time', description: 'Exclusive' })
  @IsISO8601({ strict: true })
  endsAt: string;
}

export class DutyPeriodDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ format: 'uuid' })
  memberId: string;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;
}

export class DutyPeriodListDto {
  @ApiProperty({ type: [DutyPeriodDto] })
  items: DutyPeriodDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class DutyPeriodsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Periods ending after this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
}
