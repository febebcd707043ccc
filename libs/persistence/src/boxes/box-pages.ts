import type { Box } from '@acervo/domain';
import { cursorInstantSql } from '../sql';
import { talliedTotalSql, TALLIED_BOXES, type TalliedBox } from './box-counts.store';
import { type BoxBranch, NEWEST_FIRST, PRAZOS_PROCESSES_SQL, prazosCountSql } from './box-sql';

/**
 * The statement of one box page (DOMAIN §3.1), keyset after the cursor: `inner` or the
 * branches carry the box's predicate, its visibility and the user's filters.
 */

/** Where the next page starts: the last row's sort key (rank, instant) and id. */
export interface Position {
  key: [number, string];
  id: string;
}

/** Binds a value as the next placeholder and returns it (`$n`). */
export type Bind = (value: unknown) => string;

/** `, <total> AS total` when the page carries its box's total (a scalar subquery, run once). */
const totalColumn = (total: string | undefined) => (total ? `, ${total} AS total` : '');

/** A page read from the whole box, then ordered (boxes of documents, deadlines, departures). */
export function wholePageSql(
  box: Box,
  inner: string,
  after: Position | undefined,
  bind: Bind,
  limit: number,
  total?: string,
): string {
  const descending = NEWEST_FIRST.has(box);
  let keyset = '';
  if (after) {
    const [rank, since] = after.key;
    keyset = descending
      ? `WHERE (x.since_at, x.row_id) < (${bind(since)}::timestamptz, ${bind(after.id)}::uuid)`
      : `WHERE (x.rank, x.since_at, x.row_id) > (${bind(rank)}::int, ${bind(since)}::timestamptz, ${bind(after.id)}::uuid)`;
  }
  const order = descending ? 'x.since_at DESC, x.row_id DESC' : 'x.rank, x.since_at, x.row_id';
  return `SELECT x.*, ${cursorInstantSql('x.since_at')} AS since${totalColumn(total)} FROM (${inner}) x ${keyset}
    ORDER BY ${order} LIMIT ${bind(limit + 1)}`;
}

/**
 * A page merged from the first rows of each of the box's partitions (BOX_BRANCHES), each
 * split by priority so that every part is one ordered index range after the cursor: no
 * sort of the box, and page 200 costs what page 1 costs. By priority, the priority part
 * comes first and is skipped once the cursor has left it; by date, both parts are merged.
 * `total`, when given, is a column of every row.
 */
export function branchedPageSql(
  branches: readonly BoxBranch[],
  columns: string,
  filters: string[],
  byPriority: boolean,
  after: Position | undefined,
  bind: Bind,
  limit: number,
  total?: string,
): string {
  const parts: { priority: boolean; fromCursor: boolean }[] = !after
    ? [
        { priority: true, fromCursor: false },
        { priority: false, fromCursor: false },
      ]
    : !byPriority
      ? [
          { priority: true, fromCursor: true },
          { priority: false, fromCursor: true },
        ]
      : after.key[0] === 0
        ? [
            { priority: true, fromCursor: true },
            { priority: false, fromCursor: false },
          ]
        : [{ priority: false, fromCursor: true }];
  const keyset = after ? `(p.located_at, p.id) > (${bind(after.key[1])}::timestamptz, ${bind(after.id)}::uuid)` : '';
  const n = bind(limit + 1);
  const selects = branches.flatMap((branch) =>
    parts.map((part) => {
      const where = [branch.prefix, `p.priority = ${part.priority}`, ...(part.fromCursor ? [keyset] : []), ...filters];
      return `(${branch.around(`SELECT ${columns} FROM processes p WHERE ${where.join(' AND ')} ORDER BY p.located_at, p.id LIMIT ${n}`)})`;
    }),
  );
  return `SELECT x.*, ${cursorInstantSql('x.since_at')} AS since${totalColumn(total)} FROM (${selects.join(' UNION ALL ')}) x
    ORDER BY x.rank, x.since_at, x.row_id LIMIT ${n}`;
}

/**
 * A box's total with its filters, as a scalar subquery over the page's own parameters, for
 * its first page to carry. Unfiltered, the boxes of where processes are come from the tallies
 * (docs/decisions/0007); Prazos without a deadline-state filter (which is per deadline) sums
 * its processes' running deadlines instead of counting joined rows; anything else counts
 * `inner`, the page's own rows.
 */
export function boxTotalSql(
  box: Box,
  filtered: { any: boolean; deadlineState: boolean },
  inner: string,
  processFilters: string[],
): string {
  if (!filtered.any && !filtered.deadlineState && TALLIED_BOXES.has(box)) return talliedTotalSql(box as TalliedBox);
  return box === 'deadlines' && !filtered.deadlineState
    ? `(SELECT ${prazosCountSql()} FROM processes p WHERE ${[PRAZOS_PROCESSES_SQL, ...processFilters].join(' AND ')})`
    : `(SELECT count(*)::int FROM (${inner}) x)`;
}
