import { PROFILES, SECRECY_CAP } from '@acervo/domain';

/** `CASE profile WHEN 'CHIEF' THEN 5 … END`: the level table's caps, from the one source. */
const CAP_OF_PROFILE = `CASE a.profile ${PROFILES.map((p) => `WHEN '${p}' THEN ${SECRECY_CAP[p]}`).join(' ')} ELSE -1 END`;

/** The viewer's best cap in a unit (-1 when not a user of it). */
function capSql(unit: string, viewer: string): string {
  return `COALESCE((SELECT max(${CAP_OF_PROFILE}) FROM assignments a
    WHERE a.user_id = ${viewer} AND a.unit_id = ${unit}), -1)`;
}

/** The level table of DOMAIN §4.1 for one level, judged in a unit, with the level-5 responsible. */
function levelTableSql(level: string, unit: string, responsible: string, viewer: string): string {
  return `(${level} = 0
    OR (${level} = 5 AND ${responsible} = ${viewer})
    OR (${level} BETWEEN 1 AND 4 AND ${capSql(unit, viewer)} >= ${level}))`;
}

/**
 * The SQL face of `processVisibility` (libs/domain/src/secrecy/policy.ts): a predicate
 * true when the viewer sees the full content of the process aliased `process`. Every
 * list, count and search joins on it, so pages and totals never include what the
 * viewer may not see. `viewer` is a bound parameter holding the user id (`$1`, …).
 */
export function fullContentSql(process: string, viewer: string): string {
  return levelTableSql(`${process}.secrecy_level`, `${process}.unit_id`, `${process}.responsible_member_id`, viewer);
}

/** `'full' | 'details' | 'none'` as SQL, for reads by exact number (level 1 shows details). */
export function visibilityByNumberSql(process: string, viewer: string): string {
  return `CASE WHEN ${fullContentSql(process, viewer)} THEN 'full'
    WHEN ${process}.secrecy_level = 1 THEN 'details' ELSE 'none' END`;
}

/**
 * A document of a process: the viewer sees the process's full content, and the table
 * again for the document's own level (DOMAIN §4.1: "a document's own level applies the
 * same table to that document alone"), judged in the process's unit.
 */
export function documentVisibleSql(document: string, process: string, viewer: string): string {
  return `(${fullContentSql(process, viewer)} AND ${levelTableSql(
    `${document}.secrecy_level`,
    `${process}.unit_id`,
    `${process}.responsible_member_id`,
    viewer,
  )})`;
}

/** A standalone document (no process yet): the table for its level, judged in its own unit. */
export function standaloneDocumentVisibleSql(document: string, viewer: string): string {
  return levelTableSql(`${document}.secrecy_level`, `${document}.unit_id`, 'NULL::uuid', viewer);
}
