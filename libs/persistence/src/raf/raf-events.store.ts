import type { RafEventRow } from '@acervo/domain';
import type { EntityManager } from 'typeorm';
import { cursorInstantSql, isoInstantSql } from '../sql';

/** A member's competência as instants: `[from, to)`. */
export interface RafMemberMonth {
  id: string;
  from: Date;
  to: Date;
}

/**
 * Where a page ends: the event's time exactly as the database holds it (microseconds — a
 * JavaScript Date would round it and the next page would repeat events), then its process
 * and number there, so events of one instant keep their order in the process history.
 */
export interface RafPosition {
  at: string;
  processId: string;
  sequence: number;
}

export interface RafTotal {
  movementCode: string;
  movementName: string;
  unitCode: string;
  count: number;
}

/** The event is in a distribution of its process to the member, in force when it happened. */
const IN_DISTRIBUTION = `EXISTS (SELECT 1 FROM distributions d
   WHERE d.process_id = e.process_id AND d.member_id = $1
     AND d.started_at <= e.occurred_at AND (d.ended_at IS NULL OR e.occurred_at < d.ended_at))`;

/** An event as a branch gives it: the file's fields, and its instant (`at`) for the order. */
const BRANCH_ROW = `
  SELECT e.id AS "eventId", e.process_id AS "processId", e.sequence, p.number AS "processNumber", p.class_code AS "classCode",
         p.subject_code AS "subjectCode", e.code AS "movementCode", coalesce(mt.name, e.code) AS "movementName",
         e.occurred_at AS at, u.code AS "unitCode"`;
const fromEvents = (events: string) => `
    FROM ${events} e
    JOIN processes p ON p.id = e.process_id
    JOIN units u ON u.id = e.unit_id
    LEFT JOIN movement_types mt ON mt.code = e.code`;
const IN_MONTH = 'e.occurred_at >= $2 AND e.occurred_at < $3';

/**
 * The events of a member's month (DOMAIN §8), in file order: those it performed, and those
 * of processes distributed to it while that distribution was in force — from its start to
 * its end, whatever ended it: a cancellation (which ends a running distribution) stops
 * compensation counting it, not the member's responsibility for what happened meanwhile,
 * so a month already exported stays as it was.
 * Two branches that cannot meet — performed; not performed but in a distribution — so each
 * event comes once without a de-duplication, each row whole (no second read by id). Binds
 * `$1` member, `$2` from, `$3` to; `position` adds the cursor's exact instant, `after` the
 * keyset condition, and `limit` stops each branch at a page — the page is among the first
 * `limit` of either (without it every page gathered the whole rest of the month).
 */
function monthEventsSql(options: { position?: boolean; after?: string; limit?: string } = {}): string {
  // A page is cut on the bare events, before the joins: only its rows are joined.
  const events = (where: string) =>
    fromEvents(`(SELECT e.* FROM process_events e WHERE ${where} ${options.after ? `AND ${options.after}` : ''}
       ${options.limit ? `ORDER BY e.occurred_at, e.process_id, e.sequence LIMIT ${options.limit}` : ''})`);
  return `
  SELECT m."eventId", m."processId", m.sequence, m."processNumber", m."classCode", m."subjectCode", m."movementCode",
         m."movementName", ${isoInstantSql('m.at')} AS "occurredAt", m."unitCode", m.performed, m.responsible
         ${options.position ? `, ${cursorInstantSql('m.at')} AS "positionAt"` : ''}
    FROM ((${BRANCH_ROW}, true AS performed, ${IN_DISTRIBUTION} AS responsible ${events(`e.actor_id = $1 AND ${IN_MONTH}`)})
          UNION ALL
          (${BRANCH_ROW}, false AS performed, true AS responsible ${events(`e.process_id IN (SELECT d.process_id FROM distributions d
                            WHERE d.member_id = $1 AND d.started_at < $3 AND (d.ended_at IS NULL OR d.ended_at > $2))
             AND ${IN_MONTH} AND e.actor_id IS DISTINCT FROM $1 AND ${IN_DISTRIBUTION}`)})) m
   ORDER BY m.at, m."processId", m.sequence ${options.limit ? `LIMIT ${options.limit}` : ''}`;
}

/** The whole month in file order, for a cursor: one plan, one sort, however many batches. */
const WHOLE_MONTH_SQL = monthEventsSql();
const CURSOR = 'raf_month_events';

type EventRow = RafEventRow & { processId: string };

/** What the RAF counts of a member's month (DOMAIN §8), read for the preview and the export. */
export class RafEventsStore {
  constructor(private readonly db: EntityManager) {}

  /** One page of the month's events, in time order (a process's by its history), after a position. */
  async page(
    member: RafMemberMonth,
    limit: number,
    after?: RafPosition,
  ): Promise<(RafEventRow & { position: RafPosition })[]> {
    const params: unknown[] = [member.id, member.from, member.to];
    if (after) params.push(after.at, after.processId, after.sequence);
    params.push(limit);
    const rows = await this.db.query<(EventRow & { positionAt: string })[]>(
      monthEventsSql({
        position: true,
        after: after ? '(e.occurred_at, e.process_id, e.sequence) > ($4::timestamptz, $5::uuid, $6::int)' : undefined,
        limit: `$${params.length}`,
      }),
      params,
    );
    return rows.map(({ positionAt, processId, ...e }) => ({
      ...e,
      position: { at: positionAt, processId, sequence: e.sequence },
    }));
  }

  /**
   * Every event of the month in file order, `batch` rows at a time, from one server-side
   * cursor — where paging re-planned and re-read each page's branches. Inside a transaction
   * only (the cursor lives as long as it), and one at a time per transaction.
   */
  async *inOrder(member: RafMemberMonth, batch: number): AsyncGenerator<RafEventRow[]> {
    // Every row will be read: plan for the whole result, not for the first tenth of it; and
    // sort a busy month (≈ 50 000 events, a few MB) in memory rather than on disk.
    await this.db.query(`SET LOCAL cursor_tuple_fraction = 1`);
    await this.db.query(`SET LOCAL work_mem = '64MB'`);
    await this.db.query(`DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${WHOLE_MONTH_SQL}`, [
      member.id,
      member.from,
      member.to,
    ]);
    const fetch = () => this.db.query<EventRow[]>(`FETCH ${batch} FROM ${CURSOR}`);
    let next: Promise<EventRow[]> | undefined = fetch();
    try {
      while (next) {
        const rows: EventRow[] = await next;
        // The server reads the next batch while the caller writes this one.
        next = rows.length === batch ? fetch() : undefined;
        if (rows.length) yield rows;
      }
    } finally {
      // A reader that stopped early: settle the batch in flight, then close the cursor (an
      // aborted transaction has dropped it already).
      await next?.catch(() => undefined);
      await this.db.query(`CLOSE ${CURSOR}`).catch(() => undefined);
    }
  }

  /** Counts per movement and unit of the month's events: what the file's totals say. */
  totals(member: RafMemberMonth): Promise<RafTotal[]> {
    return this.db.query<RafTotal[]>(
      `SELECT "movementCode", "movementName", "unitCode", count(*)::int AS count
         FROM (${monthEventsSql()}) month
        GROUP BY "movementCode", "movementName", "unitCode" ORDER BY "movementCode", "unitCode"`,
      [member.id, member.from, member.to],
    );
  }
}
