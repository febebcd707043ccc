import { PROFILES, type RuleEffect, SECRECY_CAP } from '@acervo/domain';

/**
 * The SQL face of the secrecy policy (libs/domain/src/secrecy/policy.ts). Every list,
 * count, search and read joins on these predicates, so pages and totals never include
 * what the viewer may not see. Tests hold them to the in-memory face on every case.
 */

/**
 * Who asks, as SQL: the user id and the instant expiries are judged at — bound
 * parameters (`$1`, `$2`), or columns when the explainer asks for many users at once.
 * "Now" is the application's clock, never the database's, so both faces agree.
 */
export interface ViewerSql {
  user: string;
  now: string;
}

/** `CASE profile WHEN 'CHIEF' THEN 5 … END`: the level table's caps, from the one source. */
const CAP_OF_PROFILE = `CASE a.profile ${PROFILES.map((p) => `WHEN '${p}' THEN ${SECRECY_CAP[p]}`).join(' ')} ELSE -1 END`;

/** The viewer's best cap in a unit (-1 when not a user of it). */
function capSql(unit: string, viewer: ViewerSql): string {
  return `COALESCE((SELECT max(${CAP_OF_PROFILE}) FROM assignments a
    WHERE a.user_id = ${viewer.user} AND a.unit_id = ${unit}), -1)`;
}

/**
 * The level table of DOMAIN §4.1 for one level, judged in a unit, with the level-5
 * responsible — of a process, or of a box tally's key (the same three columns).
 */
export function levelTableSql(level: string, unit: string, responsible: string, viewer: ViewerSql): string {
  return `(${level} = 0
    OR (${level} = 5 AND COALESCE(${responsible} = ${viewer.user}, false))
    OR (${level} BETWEEN 1 AND 4 AND ${capSql(unit, viewer)} >= ${level}))`;
}

/** A rule `r` that speaks of the viewer now: its user or one of its groups, not expired. */
function ruleAppliesSql(viewer: ViewerSql): string {
  return `(r.expires_at IS NULL OR r.expires_at > ${viewer.now})
    AND (r.user_id = ${viewer.user}
      OR r.group_id = ANY(ARRAY(SELECT m.group_id FROM user_group_members m WHERE m.user_id = ${viewer.user})))`;
}

/**
 * The ids of the processes or documents the viewer's rules of one effect name. For bound
 * parameters the array is computed once per query (an InitPlan), so boxes test each row
 * against a handful of ids instead of probing the rules per row. A document permission
 * counts only while the document keeps the level it was granted at.
 */
function ruleTargetsSql(on: 'process' | 'document', effect: RuleEffect, viewer: ViewerSql): string {
  const target = `r.${on}_id`;
  const sameLevel =
    on === 'document' && effect === 'ALLOW'
      ? `AND r.level = (SELECT rd.secrecy_level FROM documents rd WHERE rd.id = r.document_id)`
      : '';
  return `ARRAY(SELECT ${target} FROM access_rules r
    WHERE ${target} IS NOT NULL AND r.effect = '${effect}' ${sameLevel} AND ${ruleAppliesSql(viewer)})`;
}

/**
 * The processes any rule of the viewer names, permission or denial: the only ones whose
 * visibility is not the level table's (the box tallies' corrections).
 */
export function ruledProcessesSql(viewer: ViewerSql): string {
  return `ARRAY(SELECT r.process_id FROM access_rules r WHERE r.process_id IS NOT NULL AND ${ruleAppliesSql(viewer)})`;
}

const isAmong = (id: string, on: 'process' | 'document', effect: RuleEffect, viewer: ViewerSql) =>
  `${id} = ANY(${ruleTargetsSql(on, effect, viewer)})`;

/**
 * `processAccess(…).sees`: true when the viewer sees the full content of the process
 * aliased `process` — no denial, and a permission or the level table.
 */
export function fullContentSql(process: string, viewer: ViewerSql): string {
  return `(NOT ${isAmong(`${process}.id`, 'process', 'DENY', viewer)}
    AND (${isAmong(`${process}.id`, 'process', 'ALLOW', viewer)}
      OR ${levelTableSql(`${process}.secrecy_level`, `${process}.unit_id`, `${process}.responsible_member_id`, viewer)}))`;
}

/** `processVisibility(…, 'exact_number')` as SQL: `'full' | 'details' | 'none'`. */
export function visibilityByNumberSql(process: string, viewer: ViewerSql): string {
  return `CASE WHEN ${fullContentSql(process, viewer)} THEN 'full'
    WHEN ${process}.secrecy_level <= 1 THEN 'details' ELSE 'none' END`;
}

/** `documentAccess(…).sees` for a document of a process. */
export function documentVisibleSql(document: string, process: string, viewer: ViewerSql): string {
  const ownTable = levelTableSql(
    `${document}.secrecy_level`,
    `${process}.unit_id`,
    `${process}.responsible_member_id`,
    viewer,
  );
  const processAllowed = isAmong(`${process}.id`, 'process', 'ALLOW', viewer);
  return `(NOT ${isAmong(`${process}.id`, 'process', 'DENY', viewer)}
    AND NOT ${isAmong(`${document}.id`, 'document', 'DENY', viewer)}
    AND (${isAmong(`${document}.id`, 'document', 'ALLOW', viewer)}
      OR (${fullContentSql(process, viewer)}
        AND (${ownTable} OR (${processAllowed} AND ${document}.secrecy_level <= ${process}.secrecy_level)))))`;
}

/** `documentAccess(…).sees` for a standalone document: its rules, then the table in its own unit. */
export function standaloneDocumentVisibleSql(document: string, viewer: ViewerSql): string {
  return `(NOT ${isAmong(`${document}.id`, 'document', 'DENY', viewer)}
    AND (${isAmong(`${document}.id`, 'document', 'ALLOW', viewer)}
      OR ${levelTableSql(`${document}.secrecy_level`, `${document}.unit_id`, 'NULL::uuid', viewer)}))`;
}
