import { fullContentSql, type ViewerSql } from './secrecy';

/**
 * How many of the newest processes (after the cursor) the first attempt of a full-text
 * search reads. A common word fills a page among them; PostgreSQL cannot know that — word
 * pairs are correlated, its estimate is per word — and for "licitação direcionada" chose
 * the GIN bitmap over all 63 000 matches of a million processes (docs/performance.md).
 */
export const SEARCH_WINDOW = 2000;

/**
 * Every process's search vector anew, as the triggers of migration SearchMaintained keep it,
 * for writers that load with triggers off (the bench generator) and for the migration
 * itself; the GIN index is rebuilt once rather than updated row by row.
 */
export const REWRITE_PROCESS_SEARCH_SQL = [
  `DROP INDEX "IDX_processes_search"`,
  `UPDATE processes SET search = process_search_document(id, number, origin_number, summary)`,
  `CREATE INDEX "IDX_processes_search" ON "processes" USING gin ("search")`,
];

export interface SearchPageSql {
  /** The websearch query's parameter, e.g. `$1`. */
  query: string;
  viewer: ViewerSql;
  /** The page's size plus one, as a parameter. */
  limit: string;
  /** The keyset, `(registered_at, id)` of the last item shown, as parameters. */
  after?: { at: string; id: string };
  /** Only among the newest `window` processes after the cursor: see searchPages. */
  window?: number;
}

/**
 * The ids of a page of full-text matches the viewer sees in full, newest first. Secrecy
 * decides inside the statement, as everywhere (fullContentSql). The query is parsed once
 * per statement (an InitPlan), not once per row read; `search_query` and the vector it
 * matches are the database's (migration SearchMaintained, docs/search.md).
 */
export function searchPageIdsSql(o: SearchPageSql): string {
  const keyset = o.after ? `(h.registered_at, h.id) < (${o.after.at}::timestamptz, ${o.after.id}::uuid)` : 'true';
  const [processes, after] = o.window
    ? [
        `(SELECT * FROM processes h WHERE ${keyset} ORDER BY h.registered_at DESC, h.id DESC LIMIT ${o.window}) h`,
        'true',
      ]
    : ['processes h', keyset];
  return `SELECT h.id FROM ${processes}
           WHERE h.search @@ (SELECT search_query(${o.query})) AND ${fullContentSql('h', o.viewer)} AND ${after}
           ORDER BY h.registered_at DESC, h.id DESC LIMIT ${o.limit}`;
}

/**
 * A page of a full-text search in at most two statements: first among the newest
 * `SEARCH_WINDOW` processes after the cursor — when they hold the whole page (its size plus
 * one), it is exactly the page the whole table gives, since they come first in its order —
 * else over every match, with PostgreSQL's own plan (the GIN index, for a rare word).
 */
export async function searchPages<T>(
  run: (idsSql: string, plan: 'generic' | 'auto') => Promise<T[]>,
  o: Omit<SearchPageSql, 'window'>,
  pageAndOne: number,
): Promise<T[]> {
  const recent = await run(searchPageIdsSql({ ...o, window: SEARCH_WINDOW }), 'generic');
  if (recent.length >= pageAndOne) return recent;
  return run(searchPageIdsSql(o), 'auto');
}
