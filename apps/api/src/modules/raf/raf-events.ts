import type { RafEventRow } from '@acervo/domain';
import { cursorInstantSql } from '../../common/pagination';
import type { EntityManager } from 'typeorm';

/**
 * The events of a member's month (DOMAIN §8): those it performed, and those of processes
 * distributed to it while that distribution was in force — from its start to its end,
 * whatever ended it: a cancellation (which ends a running distribution) stops compensation
 * counting it, not the member's responsibility for what happened meanwhile, so a month
 * already exported stays as it was.
 * Binds `$1` member, `$2` from, `$3` to; `after` adds the keyset condition for an alias
 * to both branches, so a page reads only what follows it, and `limit` stops each branch
 * at a page — the page is among the first `limit` of either (without it every page
 * gathered the whole rest of the month, and the export grew quadratic).
 */
function attributedIds(after: (alias: string) => string = () => '', limit = ''): string {
  const page = (alias: string) =>
    limit ? `ORDER BY ${alias}.occurred_at, ${alias}.process_id, ${alias}.sequence LIMIT ${limit}` : '';
  return `
    (SELECT e1.id FROM process_events e1
      WHERE e1.actor_id = $1 AND e1.occurred_at >= $2 AND e1.occurred_at < $3 ${after('e1')} ${page('e1')})
    UNION
    (SELECT e2.id FROM distributions d JOIN process_events e2 ON e2.process_id = d.process_id
      WHERE d.member_id = $1 AND d.started_at < $3 AND (d.ended_at IS NULL OR d.ended_at > $2)
        AND e2.occurred_at >= greatest(d.started_at, $2) AND e2.occurred_at < least(coalesce(d.ended_at, 'infinity'), $3)
        ${after('e2')} ${page('e2')})`;
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

/** One page of the month's events, in time order (a process's by its history), after a position. */
export async function rafEventPage(
  db: EntityManager,
  member: { id: string; from: Date; to: Date },
  limit: number,
  after?: RafPosition,
): Promise<(RafEventRow & { position: RafPosition })[]> {
  const keyset = (alias: string) =>
    after
      ? `AND (${alias}.occurred_at, ${alias}.process_id, ${alias}.sequence) > ($4::timestamptz, $5::uuid, $6::int)`
      : '';
  const params: unknown[] = [member.id, member.from, member.to];
  if (after) params.push(after.at, after.processId, after.sequence);
  params.push(limit);
  const rows = await db.query<(RafEventRow & { positionAt: string; processId: string })[]>(
    `SELECT e.id AS "eventId", e.process_id AS "processId", e.sequence, p.number AS "processNumber", p.class_code AS "classCode",
            p.subject_code AS "subjectCode", e.code AS "movementCode", coalesce(mt.name, e.code) AS "movementName",
            e.occurred_at AS "occurredAt", ${cursorInstantSql('e.occurred_at')} AS "positionAt",
            u.code AS "unitCode", coalesce(e.actor_id = $1, false) AS performed,
            EXISTS (SELECT 1 FROM distributions d
                     WHERE d.process_id = e.process_id AND d.member_id = $1
                       AND d.started_at <= e.occurred_at AND (d.ended_at IS NULL OR e.occurred_at < d.ended_at)) AS responsible
       FROM process_events e
       JOIN processes p ON p.id = e.process_id
       JOIN units u ON u.id = e.unit_id
       LEFT JOIN movement_types mt ON mt.code = e.code
      WHERE e.id IN (${attributedIds(keyset, `$${params.length}`)})
      ORDER BY e.occurred_at, e.process_id, e.sequence LIMIT $${params.length}`,
    params,
  );
  return rows.map(({ positionAt, processId, ...e }) => ({
    ...e,
    position: { at: positionAt, processId, sequence: e.sequence },
  }));
}

export interface RafTotal {
  movementCode: string;
  movementName: string;
  unitCode: string;
  count: number;
}

/** Counts per movement and unit of the month's events: what the file's totals say. */
export function rafTotals(db: EntityManager, member: { id: string; from: Date; to: Date }): Promise<RafTotal[]> {
  return db.query<RafTotal[]>(
    `SELECT e.code AS "movementCode", coalesce(mt.name, e.code) AS "movementName", u.code AS "unitCode",
            count(*)::int AS count
       FROM process_events e
       JOIN units u ON u.id = e.unit_id
       LEFT JOIN movement_types mt ON mt.code = e.code
      WHERE e.id IN (${attributedIds()})
      GROUP BY e.code, mt.name, u.code ORDER BY e.code, u.code`,
    [member.id, member.from, member.to],
  );
}
