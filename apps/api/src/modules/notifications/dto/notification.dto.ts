import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '../../../common/pagination';
import { OptionalQueryBoolean } from '../../../common/query-boolean';

export const NOTIFICATION_KINDS = ['DUE_SOON', 'EXPIRED'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export class NotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only those not yet marked read' })
  @OptionalQueryBoolean()
  unread?: boolean;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind: NotificationKind;

  @ApiProperty({ format: 'uuid' })
  deadlineId: string;

  @ApiProperty({ format: 'uuid' })
  processId: string;

  @ApiProperty()
  processNumber: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ format: 'date-time' })
  dueAt: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] })
  items: NotificationDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;

  @ApiProperty({ description: 'Unread notices the caller may still see' })
  unread: number;
}
