import type { RafActivityRow } from '@acervo/domain';
import type { EntityManager } from 'typeorm';

/** A member's non-procedural activities on the days of `[from, to)` in the institution zone. */
export function activityRows(
  db: EntityManager,
  memberId: string,
  from: Date,
  to: Date,
  timeZone: string,
): Promise<(RafActivityRow & { unitId: string })[]> {
  return db.query(
    `SELECT a.id, to_char(a.occurred_on, 'YYYY-MM-DD') AS "occurredOn", a.kind_code AS "kindCode", k.name AS "kindName",
            a.unit_id AS "unitId", u.code AS "unitCode", a.quantity, a.description
       FROM raf_activities a JOIN raf_activity_kinds k ON k.code = a.kind_code JOIN units u ON u.id = a.unit_id
      WHERE a.member_id = $1 AND a.occurred_on >= ($2::timestamptz AT TIME ZONE $4)::date
        AND a.occurred_on < ($3::timestamptz AT TIME ZONE $4)::date
      ORDER BY a.occurred_on, a.created_at, a.id`,
    [memberId, from, to, timeZone],
  );
}
