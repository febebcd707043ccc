import { PROFILES, SECRECY_CAP } from '@acervo/domain';

/** `CASE profile WHEN 'CHIEF' THEN 5 … END`: the level table's caps, from the one source. */
const CAP_OF_PROFILE = `CASE a.profile ${PROFILES.map((p) => `WHEN '${p}' THEN ${SECRECY_CAP[p]}`).join(' ')} ELSE -1 END`;

/** The viewer's best cap in the process's current unit (-1 when not a user of it). */
function capSql(process: string, viewer: string): string {
  return `COALESCE((SELECT max(${CAP_OF_PROFILE}) FROM assignments a
    WHERE a.user_id = ${viewer} AND a.unit_id = ${process}.unit_id), -1)`;
}

/**
 * The SQL face of `processVisibility` (libs/domain/src/secrecy/policy.ts): a predicate
 * true when the viewer sees the full content of the process aliased `process`. Every
 * list, count and search joins on it, so pages and totals never include what the
 * viewer may not see. `viewer` is a bound parameter holding the user id (`$1`, …).
 */
export function fullContentSql(process: string, viewer: string): string {
  return `(${process}.secrecy_level = 0
    OR (${process}.secrecy_level = 5 AND ${process}.responsible_member_id = ${viewer})
    OR (${process}.secrecy_level BETWEEN 1 AND 4 AND ${capSql(process, viewer)} >= ${process}.secrecy_level))`;
}

/** `'full' | 'details' | 'none'` as SQL, for reads by exact number (level 1 shows details). */
export function visibilityByNumberSql(process: string, viewer: string): string {
  return `CASE WHEN ${fullContentSql(process, viewer)} THEN 'full'
    WHEN ${process}.secrecy_level = 1 THEN 'details' ELSE 'none' END`;
}
