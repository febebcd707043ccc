import type { Box } from '@acervo/domain';
import { documentVisibleSql, fullContentSql, type ViewerSql } from '../secrecy';

/**
 * The SQL of the boxes (DOMAIN §3.1), derived from where each process is. `$1` is the
 * viewer, `$2` the application's "now". Every box joins the secrecy policy, so a process
 * the viewer may not see is not listed, not counted, not hinted at.
 */
const VIEWER: ViewerSql = { user: '$1', now: '$2' };

// Arrays rather than IN (subquery): `unit_id = ANY(ARRAY(…))` is an index condition, so a
// box reads only its units' part of the (unit, location, priority, arrival) index.
const MY_UNITS = `ARRAY(SELECT a.unit_id FROM assignments a WHERE a.user_id = $1)`;
export const MY_UNITS_SQL = MY_UNITS;
const MY_SECRETARIAS = `ARRAY(SELECT a.unit_id FROM assignments a WHERE a.user_id = $1 AND a.secretaria)`;

/**
 * Whether a process waits on a pending waiting deadline (Em espera): its latest waiting due
 * time is still ahead — derived at read time, so a deadline past due counts as expired even
 * if the worker never ran. (`waiting_until` and the other summary columns are kept by a
 * trigger on `deadlines`.)
 */
export const WAITING_SQL = `p.waiting_until > $2`;
const NOT_WAITING_SQL = `(p.waiting_until IS NULL OR p.waiting_until <= $2)`;

const WARNING_DAYS = `make_interval(days => (SELECT deadline_warning_days FROM institution_settings WHERE id = 1))`;

/** `processDeadlineState` (libs/domain) in SQL, over a process row's deadline summary. */
function processDeadlineStateSql(process: string): string {
  return `CASE WHEN ${process}.next_due_at <= $2 THEN 'EXPIRED'
    WHEN ${process}.internal_deadline OR ${process}.next_due_at <= $2 + ${WARNING_DAYS} THEN 'PENDING' ELSE 'NONE' END`;
}

/** The state of one deadline row (alias `dl`) in the Prazos box. */
const ROW_DEADLINE_STATE_SQL = `CASE WHEN dl.due_at <= $2 THEN 'EXPIRED' ELSE 'PENDING' END`;

/** With the viewer: concluso to it, or in one of its Secretarias (waiting or not). */
export const WITH_ME_SQL = `((p.location = 'CONCLUSO' AND p.holder_id = $1)
  OR (p.location = 'SECRETARIA' AND p.unit_id = ANY(${MY_SECRETARIAS})))`;

/** A custody row (alias `c`) that ended with the process leaving the viewer, or its Secretaria. */
const LEFT_VIEWER = (c: string) =>
  `${c}.to_at IS NOT NULL AND (${c}.holder_id = $1 OR (${c}.holder_id IS NULL AND ${c}.unit_id = ANY(${MY_SECRETARIAS})))`;

/**
 * The Saída's rows: the departures from the viewer and from its Secretarias, each branch
 * read from its index newest first, so a page stops after its rows instead of grouping all
 * of them; `LAST_DEPARTURE` keeps one row per process, its latest.
 */
const LEFT_ME = `(
  SELECT c.id AS custody_id, c.process_id, c.to_at AS left_at FROM process_custody c
   WHERE c.to_at IS NOT NULL AND c.holder_id = $1
  UNION ALL
  SELECT c.id, c.process_id, c.to_at FROM process_custody c
   WHERE c.to_at IS NOT NULL AND c.holder_id IS NULL AND c.unit_id = ANY(${MY_SECRETARIAS})) o`;
const LAST_DEPARTURE = `NOT EXISTS (SELECT 1 FROM process_custody c2
  WHERE c2.process_id = o.process_id AND ${LEFT_VIEWER('c2')} AND (c2.to_at, c2.id) > (o.left_at, o.custody_id))`;

/** Document boxes list one row per document (alias `d`), inside the unit's processes. */
export const DOCUMENT_BOXES: ReadonlySet<Box> = new Set<Box>(['drafts', 'trash']);

/** Boxes whose rows are not processes but something of them (documents, deadlines). */
export const ROW_BOXES: ReadonlySet<Box> = new Set<Box>([...DOCUMENT_BOXES, 'deadlines']);

export const BOX_PREDICATES: Readonly<Record<Box, string>> = {
  inbox: `${WITH_ME_SQL} AND ${NOT_WAITING_SQL}`,
  waiting: `${WITH_ME_SQL} AND ${WAITING_SQL}`,
  outbox: `NOT ${WITH_ME_SQL} AND ${LAST_DEPARTURE}`,
  external: `p.location = 'EXTERNAL' AND p.unit_id = ANY(${MY_UNITS})`,
  archived: `p.location = 'ARCHIVED' AND p.unit_id = ANY(${MY_UNITS})`,
  secretaria: `p.location = 'SECRETARIA' AND p.unit_id = ANY(${MY_UNITS})`,
  conclusos: `p.location = 'CONCLUSO' AND p.unit_id = ANY(${MY_UNITS})`,
  'distributed-to-me': `p.responsible_member_id = $1 AND p.location <> 'ATTACHED'`,
  drafts: `d.status = 'DRAFT' AND d.trashed_at IS NULL AND p.unit_id = ANY(${MY_UNITS})`,
  trash: `d.trashed_at IS NOT NULL AND p.unit_id = ANY(${MY_UNITS})`,
  deadlines: `dl.status = 'OPEN' AND p.unit_id = ANY(${MY_UNITS})`,
};

/**
 * Prazos counted from the process rows (their `open_deadlines`), one pass over the unit's
 * processes instead of a join with every running deadline: the processes a row of Prazos
 * can belong to, and what each contributes.
 */
export const PRAZOS_PROCESSES_SQL = `p.unit_id = ANY(${MY_UNITS}) AND p.open_deadlines > 0`;
export function prazosCountSql(only?: string): string {
  return `coalesce(sum(p.open_deadlines)${only ? ` FILTER (WHERE ${only})` : ''}, 0)::int`;
}

/** Boxes read newest first: what left the viewer, what went to the trash. */
export const NEWEST_FIRST: ReadonlySet<Box> = new Set<Box>(['outbox', 'trash']);

/** Boxes read in their own date order whatever `sort` says: Prazos, soonest due first. */
export const DATE_ORDER_ONLY: ReadonlySet<Box> = new Set<Box>([...NEWEST_FIRST, 'deadlines']);

/** The instant a box orders by: arrival where it is, or, in Saída, when it left. */
export function sinceSql(box: Box): string {
  if (box === 'outbox') return 'o.left_at';
  if (box === 'trash') return 'd.trashed_at';
  if (box === 'drafts') return 'd.updated_at';
  if (box === 'deadlines') return 'dl.due_at';
  return 'p.located_at';
}

/** What identifies a row of the box: the process, or its document, deadline or departure (Saída). */
export function rowIdSql(box: Box): string {
  if (DOCUMENT_BOXES.has(box)) return 'd.id';
  if (box === 'outbox') return 'o.custody_id';
  return box === 'deadlines' ? 'dl.id' : 'p.id';
}

/** The deadline state a row shows (and is filtered by): its own in Prazos, its process's elsewhere. */
export function deadlineStateSql(box: Box): string {
  return box === 'deadlines' ? ROW_DEADLINE_STATE_SQL : processDeadlineStateSql('p');
}

/** The row's own columns beyond the process's (null where the box has none). */
export function rowDetailSql(box: Box): string {
  const document = DOCUMENT_BOXES.has(box)
    ? 'd.id AS document_id, d.title AS document_title, d.type_code AS document_type'
    : 'NULL AS document_id, NULL AS document_title, NULL AS document_type';
  const deadline =
    box === 'deadlines'
      ? `dl.id AS deadline_id, dl.kind AS deadline_kind, dl.description AS deadline_description, dl.wait AS deadline_wait,
         dl.due_at AS deadline_due_at,
         dl.due_at <= $2 + ${WARNING_DAYS} AS deadline_due_soon`
      : 'NULL AS deadline_id';
  return `${document}, ${deadline}`;
}

/** The one visibility condition every box adds to its own (and the document's level in document boxes). */
export function visibleSql(box: Box): string {
  const process = `p.location <> 'ATTACHED' AND ${fullContentSql('p', VIEWER)}`;
  return DOCUMENT_BOXES.has(box) ? `${process} AND ${documentVisibleSql('d', 'p', VIEWER)}` : process;
}

/** FROM clause: processes, joined to their documents or deadlines where the box lists those. */
export function sourceSql(box: Box): string {
  if (box === 'outbox') return `processes p JOIN ${LEFT_ME} ON o.process_id = p.id`;
  if (box === 'deadlines') return 'processes p JOIN deadlines dl ON dl.process_id = p.id';
  return DOCUMENT_BOXES.has(box) ? 'processes p JOIN documents d ON d.process_id = p.id' : 'processes p';
}

/**
 * An index partition of a box: the processes of one holder, or of one unit and location,
 * each read in its index's order (`IDX_processes_box_holder`, `IDX_processes_box_unit`:
 * priority first, then arrival). `prefix` narrows a SELECT to the partition; `around`
 * repeats it per unit of the viewer (a LATERAL per unit, so each is its own ordered scan).
 */
export interface BoxBranch {
  prefix: string;
  around(select: string): string;
}

const HOLDER_BRANCH: BoxBranch = { prefix: 'p.holder_id = $1', around: (select) => select };
const unitsBranch = (units: string, location: string): BoxBranch => ({
  prefix: `p.unit_id = u.unit_id AND p.location = '${location}'`,
  around: (select) => `SELECT b.* FROM unnest(${units}) AS u(unit_id) CROSS JOIN LATERAL (${select}) b`,
});

/**
 * The boxes of processes where they are, as partitions that together hold the whole box
 * (each branch still carries the box's own predicate): a page merges the first rows of
 * each instead of sorting the box.
 */
export const BOX_BRANCHES: Partial<Record<Box, readonly BoxBranch[]>> = {
  inbox: [HOLDER_BRANCH, unitsBranch(MY_SECRETARIAS, 'SECRETARIA')],
  waiting: [HOLDER_BRANCH, unitsBranch(MY_SECRETARIAS, 'SECRETARIA')],
  secretaria: [unitsBranch(MY_UNITS, 'SECRETARIA')],
  conclusos: [unitsBranch(MY_UNITS, 'CONCLUSO')],
  external: [unitsBranch(MY_UNITS, 'EXTERNAL')],
  archived: [unitsBranch(MY_UNITS, 'ARCHIVED')],
};
