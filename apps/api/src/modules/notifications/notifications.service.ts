import { type Clock, NotFound } from '@acervo/domain';
import { fullContentSql } from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectClock } from '../../common/app-config';
import type { Actor } from '../../common/auth/actor';
import { cursorInstantSql, decodeTimeCursor, toPage } from '../../common/pagination';
import type {
  NotificationDto,
  NotificationKind,
  NotificationPageDto,
  NotificationsQuery,
} from './dto/notification.dto';

interface Row {
  id: string;
  kind: NotificationKind;
  deadline_id: string;
  process_id: string;
  number: string;
  description: string;
  due_at: Date;
  created_at: Date;
  read_at: Date | null;
  since: string;
}

/** Notices of a process the reader can no longer see are not listed, not counted. */
const VISIBLE = `n.user_id = $1 AND ${fullContentSql('p', { user: '$1', now: '$2' })}`;

/** The user's deadline notices (DOMAIN §6), newest first; the worker writes them. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async page(viewer: Actor, query: NotificationsQuery): Promise<NotificationPageDto> {
    const params: unknown[] = [viewer.userId, this.clock.now()];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const where = [VISIBLE];
    if (query.unread) where.push('n.read_at IS NULL');
    // Checked before it reaches SQL: a crafted cursor is a 400, not a cast error.
    const after = decodeTimeCursor(query.cursor);
    if (after) where.push(`(n.created_at, n.id) < (${bind(after.key[0])}::timestamptz, ${bind(after.id)}::uuid)`);
    const rows = await this.dataSource.query<Row[]>(
      `SELECT n.id, n.kind, n.deadline_id, n.process_id, p.number, dl.description, n.due_at, n.created_at, n.read_at,
              ${cursorInstantSql('n.created_at')} AS since
         FROM notifications n JOIN processes p ON p.id = n.process_id JOIN deadlines dl ON dl.id = n.deadline_id
        WHERE ${where.join(' AND ')}
        ORDER BY n.created_at DESC, n.id DESC LIMIT ${bind(query.limit + 1)}`,
      params,
    );
    const [{ unread }] = await this.dataSource.query<{ unread: number }[]>(
      `SELECT count(*)::int AS unread FROM notifications n JOIN processes p ON p.id = n.process_id
        WHERE ${VISIBLE} AND n.read_at IS NULL`,
      [viewer.userId, this.clock.now()],
    );
    const page = toPage(rows, query.limit, (r) => r.since);
    return { items: page.items.map(toDto), nextCursor: page.nextCursor, unread };
  }

  async markRead(viewer: Actor, id: string): Promise<void> {
    const marked = await this.dataSource.query<unknown[]>(
      `WITH marked AS (
         UPDATE notifications SET read_at = coalesce(read_at, $3) WHERE id = $2 AND user_id = $1 RETURNING 1)
       SELECT 1 FROM marked`,
      [viewer.userId, id, this.clock.now()],
    );
    if (!marked.length) throw new NotFound('Notificação não encontrada.');
  }
}

function toDto(r: Row): NotificationDto {
  return {
    id: r.id,
    kind: r.kind,
    deadlineId: r.deadline_id,
    processId: r.process_id,
    processNumber: r.number,
    description: r.description,
    dueAt: r.due_at.toISOString(),
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at?.toISOString() ?? null,
  };
}
