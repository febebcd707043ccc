import { type Clock, type DeadlineKind, ValidationFailed } from '@acervo/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectClock } from '../../common/app-config';
import type { Actor } from '../../common/auth/actor';
import { cursorInstantSql, decodeCursor, encodeCursor } from '../../common/pagination';
import {
  BOX_PREDICATES,
  DATE_ORDER_ONLY,
  deadlineStateSql,
  MY_UNITS_SQL,
  NEWEST_FIRST,
  PRAZOS_PROCESSES_SQL,
  prazosCountSql,
  ROW_BOXES,
  rowDetailSql,
  rowIdSql,
  sinceSql,
  sourceSql,
  visibleSql,
} from './box-queries';
import { type Box, BOXES, type BoxCountDto, type BoxItemDto, type BoxPageDto, type BoxQuery } from './dto/box.dto';

interface Row {
  row_id: string;
  id: string;
  document_id: string | null;
  document_title: string | null;
  document_type: string | null;
  deadline_id: string | null;
  deadline_kind?: DeadlineKind;
  deadline_description?: string;
  deadline_wait?: boolean;
  deadline_due_at?: Date;
  deadline_due_soon?: boolean;
  number: string;
  version: number;
  priority: boolean;
  deadline_state: BoxItemDto['deadlineState'];
  class_code: string;
  subject_code: string;
  summary: string;
  unit_id: string;
  location: BoxItemDto['location'];
  holder_id: string | null;
  secrecy_level: number;
  rank: number;
  since: string;
}

/**
 * Box pages with keyset pagination: priority first (then oldest arrival) or by date;
 * Saída newest first. The sort is an allow-list; the cursor holds the sort key in
 * microseconds, as PostgreSQL compares it.
 */
@Injectable()
export class BoxesService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async page(viewer: Actor, box: Box, query: BoxQuery): Promise<BoxPageDto> {
    const params: unknown[] = [viewer.userId, this.clock.now()];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const filters = [BOX_PREDICATES[box], visibleSql(box)];
    if (query.classCode) filters.push(`p.class_code = ${bind(query.classCode)}`);
    if (query.subjectCode) filters.push(`p.subject_code = ${bind(query.subjectCode)}`);
    if (query.number) filters.push(`p.number LIKE ${bind(`%${query.number.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    if (query.deadlineState) filters.push(`${deadlineStateSql(box)} = ${bind(query.deadlineState)}`);
    const rank =
      !DATE_ORDER_ONLY.has(box) && (query.sort ?? 'priority') === 'priority'
        ? 'CASE WHEN p.priority THEN 0 ELSE 1 END'
        : '0';
    // Rows are processes, or their documents or deadlines: `row_id` keeps the cursor unique.
    const inner = `
      SELECT ${rowIdSql(box)} AS row_id, p.id, p.number, p.version, p.priority, ${deadlineStateSql(box)} AS deadline_state,
             p.class_code, p.subject_code, p.summary, p.unit_id, p.location, p.holder_id, p.secrecy_level,
             ${rank} AS rank, ${sinceSql(box)} AS since_at, ${rowDetailSql(box)}
        FROM ${sourceSql(box)}
       WHERE ${filters.join(' AND ')}`;
    // The total is counted for the first page only: the sidebar has it, and later pages need
    // not pay for counting the whole box again.
    const after = decodeCursor(query.cursor);
    const total = after ? undefined : await this.total(box, query, inner, filters.slice(1), params);

    const descending = NEWEST_FIRST.has(box);
    const keyset: string[] = [];
    if (after) {
      const [r, since] = parseKey(after.key);
      keyset.push(
        descending
          ? `(x.since_at, x.row_id) < (${bind(since)}::timestamptz, ${bind(after.id)}::uuid)`
          : `(x.rank, x.since_at, x.row_id) > (${bind(r)}::int, ${bind(since)}::timestamptz, ${bind(after.id)}::uuid)`,
      );
    }
    const order = descending ? 'x.since_at DESC, x.row_id DESC' : 'x.rank, x.since_at, x.row_id';
    const rows = await this.dataSource.query<Row[]>(
      `SELECT x.*, ${cursorInstantSql('x.since_at')} AS since
         FROM (${inner}) x ${keyset.length ? `WHERE ${keyset.join(' AND ')}` : ''}
        ORDER BY ${order} LIMIT ${bind(query.limit + 1)}`,
      params,
    );
    const items = rows.slice(0, query.limit);
    const last = rows.length > query.limit ? items[items.length - 1] : undefined;
    return {
      items: items.map(toItem),
      nextCursor: last ? encodeCursor({ key: JSON.stringify([last.rank, last.since]), id: last.row_id }) : null,
      ...(total === undefined ? {} : { total }),
    };
  }

  /**
   * A box's total with its filters. Prazos without a deadline-state filter (which is per
   * deadline) sums its processes' running deadlines instead of counting joined rows.
   */
  private async total(box: Box, query: BoxQuery, inner: string, processFilters: string[], params: unknown[]) {
    const sql =
      box === 'deadlines' && !query.deadlineState
        ? `SELECT ${prazosCountSql()} AS total FROM processes p WHERE ${[PRAZOS_PROCESSES_SQL, ...processFilters].join(' AND ')}`
        : `SELECT count(*)::int AS total FROM (${inner}) x`;
    return (await this.dataSource.query<{ total: number }[]>(sql, params))[0].total;
  }

  /** The sidebar: how many processes each box holds for the viewer. */
  async counts(viewer: Actor): Promise<BoxCountDto[]> {
    // The process boxes in one pass over the processes that can be in any of them (the
    // viewer's units, held by or distributed to the viewer), each counted by its FILTER —
    // Prazos too, by the running deadlines each process carries; the Saída and the
    // document boxes, which read other tables, by their own queries.
    const single = BOXES.filter((box) => box !== 'outbox' && !ROW_BOXES.has(box));
    const apart = BOXES.filter((box) => !single.includes(box) && box !== 'deadlines');
    const selects = [
      ...single.map((box) => `count(*) FILTER (WHERE ${BOX_PREDICATES[box]})::int AS "${box}"`),
      `${prazosCountSql(PRAZOS_PROCESSES_SQL)} AS "deadlines"`,
      ...apart.map(
        (box) =>
          `(SELECT count(*)::int FROM ${sourceSql(box)} WHERE ${BOX_PREDICATES[box]} AND ${visibleSql(box)}) AS "${box}"`,
      ),
    ];
    const [row] = await this.dataSource.query<Record<Box, number>[]>(
      `SELECT ${selects.join(', ')}
         FROM processes p
        WHERE (p.unit_id = ANY(${MY_UNITS_SQL}) OR p.holder_id = $1 OR p.responsible_member_id = $1)
          AND ${visibleSql('inbox')}`,
      [viewer.userId, this.clock.now()],
    );
    return BOXES.map((box) => ({ box, count: row[box] }));
  }
}

function parseKey(key: string): [number, string] {
  try {
    const [rank, since] = JSON.parse(key) as unknown[];
    if (typeof rank === 'number' && typeof since === 'string' && !Number.isNaN(Date.parse(since))) return [rank, since];
  } catch {
    // fall through
  }
  throw new ValidationFailed([{ field: 'cursor', message: 'cursor inválido' }]);
}

function toItem(r: Row): BoxItemDto {
  return {
    id: r.id,
    number: r.number,
    version: r.version,
    priority: r.priority,
    deadlineState: r.deadline_state,
    classCode: r.class_code,
    subjectCode: r.subject_code,
    summary: r.summary,
    unitId: r.unit_id,
    location: r.location,
    holderId: r.holder_id,
    since: r.since,
    secrecyLevel: r.secrecy_level,
    ...(r.document_id ? { document: { id: r.document_id, title: r.document_title!, typeCode: r.document_type! } } : {}),
    ...(r.deadline_id
      ? {
          deadline: {
            id: r.deadline_id,
            kind: r.deadline_kind!,
            description: r.deadline_description!,
            wait: r.deadline_wait!,
            dueAt: r.deadline_due_at!.toISOString(),
            dueSoon: r.deadline_due_soon!,
          },
        }
      : {}),
  };
}
