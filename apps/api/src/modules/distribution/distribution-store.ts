import { type DistributionRecord, MEMBER_PROFILES } from '@acervo/domain';
import type { EntityManager } from 'typeorm';

/** The distribution a process runs under now (no end yet), locked. */
export interface RunningDistribution {
  id: string;
  kind: 'MANUAL' | 'LOTTERY' | 'PREVENTION';
  groupId: string | null;
  memberId: string;
}

export async function runningDistribution(
  tx: EntityManager,
  processId: string,
): Promise<RunningDistribution | undefined> {
  const [row] = await tx.query<RunningDistribution[]>(
    `SELECT id, kind, group_id AS "groupId", member_id AS "memberId"
       FROM distributions WHERE process_id = $1 AND ended_at IS NULL FOR UPDATE`,
    [processId],
  );
  return row;
}

/** Ends a distribution (its member stays in the record; `received` is the caller's to adjust). */
export async function endDistribution(
  tx: EntityManager,
  id: string,
  at: Date,
  today: string,
  reason: 'IMPEDIMENT' | 'CANCELLED' | 'REPLACED',
): Promise<void> {
  await tx.query(`UPDATE distributions SET ended_at = $2, ends_on = $3, end_reason = $4 WHERE id = $1`, [
    id,
    at,
    today,
    reason,
  ]);
}

/**
 * Records a manual distribution (DOMAIN §5: inventory, no distribution on arrival, a
 * member taking its own process, substitution); a running one is replaced. The caller
 * sets the process's responsible member and writes the 920005 event.
 */
export async function startManualDistribution(
  tx: EntityManager,
  d: { processId: string; memberId: string; distributorId: string; at: Date; today: string },
): Promise<{ id: string; replaced: RunningDistribution | null }> {
  const running = await runningDistribution(tx, d.processId);
  if (running) await endDistribution(tx, running.id, d.at, d.today, 'REPLACED');
  const [row] = await tx.query<{ id: string }[]>(
    `INSERT INTO distributions (process_id, kind, member_id, distributor_id, starts_on, started_at)
     VALUES ($1, 'MANUAL', $2, $3, $4, $5) RETURNING id`,
    [d.processId, d.memberId, d.distributorId, d.today, d.at],
  );
  return { id: row.id, replaced: running ?? null };
}

/** Members (MEMBER, CHIEF, ON_DUTY) active in a unit, of the given ids. */
export async function activeMembersOf(tx: EntityManager, unitId: string, ids: string[]): Promise<Set<string>> {
  const rows = await tx.query<{ user_id: string }[]>(
    `SELECT DISTINCT a.user_id FROM assignments a JOIN users u ON u.id = a.user_id
      WHERE a.user_id = ANY($1::uuid[]) AND a.unit_id = $2 AND a.profile = ANY($3::text[]) AND u.active`,
    [ids, unitId, MEMBER_PROFILES],
  );
  return new Set(rows.map((r) => r.user_id));
}

/** The latest distribution of a process not cancelled, as the `${distribuicao.*}` tags read it. */
export async function latestDistributionRecord(
  db: EntityManager,
  processId: string,
): Promise<DistributionRecord | null> {
  const [latest] = await db.query<
    { starts_on: string; ends_on: string | null; registration_number: string | null; full_name: string | null }[]
  >(
    `SELECT to_char(d.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(d.ends_on, 'YYYY-MM-DD') AS ends_on,
            r.registration_number, r.full_name
       FROM distributions d LEFT JOIN users r ON r.id = d.distributor_id
      WHERE d.process_id = $1 AND d.cancelled_at IS NULL ORDER BY d.started_at DESC, d.id DESC LIMIT 1`,
    [processId],
  );
  if (!latest) return null;
  return {
    startsOn: latest.starts_on,
    endsOn: latest.ends_on,
    distributor: latest.full_name
      ? { registrationNumber: latest.registration_number, fullName: latest.full_name }
      : null,
  };
}
