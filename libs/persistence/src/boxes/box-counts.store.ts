import { type Box, BOXES } from '@acervo/domain';
import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../prepared';
import { fullContentSql, levelTableSql, ruledProcessesSql, type ViewerSql } from '../secrecy';
import { BOX_PREDICATES, MY_UNITS_SQL, sourceSql, visibleSql, WAITING_SQL, WITH_ME_SQL } from './box-sql';

const VIEWER: ViewerSql = { user: '$1', now: '$2' };

/**
 * The boxes counted from `box_tallies` (docs/decisions/0007-box-counts-from-tallies.md):
 * their predicates read only columns the tally key has, under the same names, so the
 * tally aliased `p` is judged by the very predicates the pages use.
 */
const TALLIED = ['secretaria', 'conclusos', 'external', 'archived', 'distributed-to-me'] as const;
// …and what is with the viewer (WITH_ME_SQL), waiting or not: the inbox is that less Em espera.
const PRAZOS = `p.unit_id = ANY(${MY_UNITS_SQL}) AND p.location <> 'ATTACHED'`;
/** Boxes that read custody or documents, counted live from their own indexes. */
const LIVE = ['outbox', 'drafts', 'trash'] as const;
type LiveBox = (typeof LIVE)[number];
/** The boxes whose count comes from the tallies (all but LIVE). */
export type TalliedBox = Exclude<Box, LiveBox>;
export const TALLIED_BOXES: ReadonlySet<Box> = new Set(BOXES.filter((box) => !(LIVE as readonly Box[]).includes(box)));

/** What the tally arrays hold, in order: each box of TALLIED, what is with the viewer, Prazos. */
const SUMMED = [...TALLIED, 'with-me', 'deadlines'] as const;
/** The position (1-based, as SQL arrays count) of `sum` in the tally arrays. */
const at = (sum: (typeof SUMMED)[number]) => SUMMED.indexOf(sum) + 1;

/** Per entry of SUMMED, `sum(weight)` over the rows of `from` that are in it. */
function sums(weight: string, deadlines: string): string {
  return [
    ...TALLIED.map((box) => `coalesce(sum(${weight}) FILTER (WHERE ${BOX_PREDICATES[box]}), 0)`),
    `coalesce(sum(${weight}) FILTER (WHERE ${WITH_ME_SQL}), 0)`,
    `coalesce(sum(${deadlines}) FILTER (WHERE ${PRAZOS}), 0)`,
  ].join(', ');
}

const LEVEL_TABLE = levelTableSql('p.secrecy_level', 'p.unit_id', 'p.responsible_member_id', VIEWER);
const REACHABLE = `(p.unit_id = ANY(${MY_UNITS_SQL}) OR p.holder_id = $1 OR p.responsible_member_id = $1)`;

/**
 * One statement: the tally rows whose key the level table lets the viewer see; then each
 * process the viewer's rules name, adding what its rule changes (−1, 0 or +1: sees, less
 * what the table alone would say); Em espera live, through its partial indexes; and, when
 * asked, Saída and the document boxes live.
 */
function countsSql(live: readonly LiveBox[]): string {
  return `
  SELECT ARRAY[${sums('p.processes', 'p.open_deadlines')}]::int[] AS tallied,
         (SELECT ARRAY[${sums('x.delta', 'x.delta * p.open_deadlines')}]::int[]
            FROM processes p,
                 LATERAL (SELECT (${fullContentSql('p', VIEWER)})::int - (${LEVEL_TABLE})::int AS delta) x
           WHERE p.id = ANY(${ruledProcessesSql(VIEWER)}) AND p.location <> 'ATTACHED') AS corrections,
         (SELECT count(*)::int FROM processes p WHERE ${WITH_ME_SQL} AND ${WAITING_SQL} AND ${visibleSql('waiting')}) AS waiting
         ${live.map((box) => `, (SELECT count(*)::int FROM ${sourceSql(box)} WHERE ${BOX_PREDICATES[box]} AND ${visibleSql(box)}) AS "${box}"`).join('')}
    FROM box_tallies p
   WHERE ${REACHABLE} AND ${LEVEL_TABLE}`;
}
const ALL_COUNTS_SQL = countsSql(LIVE);
const TALLIED_COUNTS_SQL = countsSql([]);

/**
 * A tallied box's count for the viewer ($1) at $2 as a scalar subquery, for a statement to
 * carry beside what it reads: a box page's total comes with its first page, not in a
 * round trip of its own. The counts below read the very same arrays.
 */
export function talliedTotalSql(box: TalliedBox): string {
  const sum = (name: (typeof SUMMED)[number]) => `c.tallied[${at(name)}] + c.corrections[${at(name)}]`;
  const value = box === 'waiting' ? 'c.waiting' : box === 'inbox' ? `${sum('with-me')} - c.waiting` : sum(box);
  return `(SELECT ${value} FROM (${TALLIED_COUNTS_SQL}) c)`;
}

interface CountsRow extends Partial<Record<LiveBox, number>> {
  tallied: number[];
  corrections: number[];
  waiting: number;
}

/** How many rows each box holds for a viewer, exact for its secrecy (DOMAIN §3.1, §4). */
export class BoxCountsStore {
  constructor(private readonly db: EntityManager) {}

  /** Every box. */
  async counts(viewerId: string, now: Date): Promise<Record<Box, number>> {
    const [row] = await preparedQuery<CountsRow[]>(this.db, ALL_COUNTS_SQL, [viewerId, now]);
    const sum = (name: (typeof SUMMED)[number]) => row.tallied[at(name) - 1] + row.corrections[at(name) - 1];
    const counts: Record<Box, number> = {
      ...(Object.fromEntries(TALLIED.map((box) => [box, sum(box)])) as Record<(typeof TALLIED)[number], number>),
      inbox: sum('with-me') - row.waiting,
      waiting: row.waiting,
      deadlines: sum('deadlines'),
      outbox: row.outbox!,
      drafts: row.drafts!,
      trash: row.trash!,
    };
    return Object.fromEntries(BOXES.map((box) => [box, counts[box]])) as Record<Box, number>;
  }
}
