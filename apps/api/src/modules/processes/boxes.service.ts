import { type Clock, type DeadlineKind, ValidationFailed } from '@acervo/domain';
import {
  BOX_BRANCHES,
  BOX_PREDICATES,
  boxTotalSql,
  branchedPageSql,
  BoxCountsStore,
  DATE_ORDER_ONLY,
  deadlineStateSql,
  preparedQuery,
  rowDetailSql,
  rowIdSql,
  sinceSql,
  sourceSql,
  visibleSql,
  wholePageSql,
} from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectClock } from '../../common/app-config';
import type { Actor } from '../../common/auth/actor';
import { decodeCursor, encodeCursor } from '../../common/pagination';
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
  /** On the first page only. */
  total?: number;
}

/**
 * Box pages with keyset pagination: priority first (then oldest arrival) or by date;
 * Saída newest first. The sort is an allow-list; the cursor holds the sort key in
 * microseconds, as PostgreSQL compares it.
 */
@Injectable()
export class BoxesService {
  private readonly tallies: BoxCountsStore;

  constructor(
    private readonly dataSource: DataSource,
    @InjectClock() private readonly clock: Clock,
  ) {
    this.tallies = new BoxCountsStore(dataSource.manager);
  }

  async page(viewer: Actor, box: Box, query: BoxQuery): Promise<BoxPageDto> {
    const now = this.clock.now();
    const params: unknown[] = [viewer.userId, now];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const filters = [BOX_PREDICATES[box], visibleSql(box)];
    if (query.classCode) filters.push(`p.class_code = ${bind(query.classCode)}`);
    if (query.subjectCode) filters.push(`p.subject_code = ${bind(query.subjectCode)}`);
    if (query.number) filters.push(`p.number LIKE ${bind(`%${query.number.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    if (query.deadlineState) filters.push(`${deadlineStateSql(box)} = ${bind(query.deadlineState)}`);
    const byPriority = !DATE_ORDER_ONLY.has(box) && (query.sort ?? 'priority') === 'priority';
    // Rows are processes, or their documents or deadlines: `row_id` keeps the cursor unique.
    const columns = `${rowIdSql(box)} AS row_id, p.id, p.number, p.version, p.priority, ${deadlineStateSql(box)} AS deadline_state,
             p.class_code, p.subject_code, p.summary, p.unit_id, p.location, p.holder_id, p.secrecy_level,
             ${byPriority ? 'CASE WHEN p.priority THEN 0 ELSE 1 END' : '0'} AS rank, ${sinceSql(box)} AS since_at,
             ${rowDetailSql(box)}`;
    const inner = `SELECT ${columns} FROM ${sourceSql(box)} WHERE ${filters.join(' AND ')}`;
    // The total comes with the first page only, in the same statement: the sidebar has it,
    // and later pages need not pay for counting the whole box again.
    const after = decodeCursor(query.cursor);
    const filtered = {
      any: Boolean(query.classCode || query.subjectCode || query.number),
      deadlineState: Boolean(query.deadlineState),
    };
    const total = after ? undefined : boxTotalSql(box, filtered, inner, filters.slice(1));

    const position = after && { key: parseKey(after.key), id: after.id };
    const branches = BOX_BRANCHES[box];
    const sql = branches
      ? branchedPageSql(branches, columns, filters, byPriority, position, bind, query.limit, total)
      : wholePageSql(box, inner, position, bind, query.limit, total);
    const rows = await preparedQuery<Row[]>(this.dataSource.manager, sql, params);
    const items = rows.slice(0, query.limit);
    const last = rows.length > query.limit ? items[items.length - 1] : undefined;
    return {
      items: items.map(toItem),
      nextCursor: last ? encodeCursor({ key: JSON.stringify([last.rank, last.since]), id: last.row_id }) : null,
      // An empty first page is an empty box: the total's own predicates are the page's.
      ...(total === undefined ? {} : { total: rows[0]?.total ?? 0 }),
    };
  }

  /** The sidebar: how many rows each box holds for the viewer. */
  async counts(viewer: Actor): Promise<BoxCountDto[]> {
    const counts = await this.tallies.counts(viewer.userId, this.clock.now());
    return BOXES.map((box) => ({ box, count: counts[box] }));
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
