import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQuery } from '../../../common/pagination';

export class AuditRecordsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'user', description: 'unit, user, group, duty_period, distribution_group, class, …' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601()
  to?: string;
}

export class AuditRecordItem {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'user.updated' })
  action: string;

  @ApiProperty()
  entityType: string;

  @ApiProperty()
  entityId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for the system (seeds)' })
  actorId: string | null;

  @ApiProperty({ type: String, nullable: true })
  actorUsername: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  before: Record<string, unknown> | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  after: Record<string, unknown> | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
}

export class AuditRecordPage {
  @ApiProperty({ type: [AuditRecordItem] })
  items: AuditRecordItem[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
