import { documentVisibleSql, fullContentSql, type ViewerSql } from '@acervo/persistence';
import type { Box } from './dto/box.dto';

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
 * Whether a process waits on a pending, unexpired waiting deadline (Em espera). The
 * deadlines issue replaces this one expression; the inbox/waiting split is already here.
 */
export const WAITING_SQL = 'false';

/** `NONE | PENDING | EXPIRED`, derived at read time; plugged in by the deadlines issue. */
export const DEADLINE_STATE_SQL = `'NONE'`;

const WITH_ME = `((p.location = 'CONCLUSO' AND p.holder_id = $1)
  OR (p.location = 'SECRETARIA' AND p.unit_id = ANY(${MY_SECRETARIAS})))`;

/**
 * The Saída: per process, when it last left the viewer's hands (or its Secretaria), from
 * the custody rows — indexed by holder and by unit — joined once, never a subquery per
 * process of the whole table.
 */
const LEFT_ME = `(SELECT c.process_id, max(c.to_at) AS left_at FROM process_custody c
  WHERE c.to_at IS NOT NULL AND (c.holder_id = $1 OR (c.holder_id IS NULL AND c.unit_id = ANY(${MY_SECRETARIAS})))
  GROUP BY c.process_id) o`;

/** Document boxes list one row per document (alias `d`), inside the unit's processes. */
export const DOCUMENT_BOXES: ReadonlySet<Box> = new Set<Box>(['drafts', 'trash']);

export const BOX_PREDICATES: Readonly<Record<Box, string>> = {
  inbox: `${WITH_ME} AND NOT ${WAITING_SQL}`,
  waiting: `${WITH_ME} AND ${WAITING_SQL}`,
  outbox: `NOT ${WITH_ME}`,
  external: `p.location = 'EXTERNAL' AND p.unit_id = ANY(${MY_UNITS})`,
  archived: `p.location = 'ARCHIVED' AND p.unit_id = ANY(${MY_UNITS})`,
  secretaria: `p.location = 'SECRETARIA' AND p.unit_id = ANY(${MY_UNITS})`,
  conclusos: `p.location = 'CONCLUSO' AND p.unit_id = ANY(${MY_UNITS})`,
  'distributed-to-me': `p.responsible_member_id = $1 AND p.location <> 'ATTACHED'`,
  drafts: `d.status = 'DRAFT' AND d.trashed_at IS NULL AND p.unit_id = ANY(${MY_UNITS})`,
  trash: `d.trashed_at IS NOT NULL AND p.unit_id = ANY(${MY_UNITS})`,
};

/** Boxes read newest first: what left the viewer, what went to the trash. */
export const NEWEST_FIRST: ReadonlySet<Box> = new Set<Box>(['outbox', 'trash']);

/** The instant a box orders by: arrival where it is, or, in Saída, when it left. */
export function sinceSql(box: Box): string {
  if (box === 'outbox') return 'o.left_at';
  if (box === 'trash') return 'd.trashed_at';
  if (box === 'drafts') return 'd.updated_at';
  return 'p.located_at';
}

/** The one visibility condition every box adds to its own (and the document's level in document boxes). */
export function visibleSql(box: Box): string {
  const process = `p.location <> 'ATTACHED' AND ${fullContentSql('p', VIEWER)}`;
  return DOCUMENT_BOXES.has(box) ? `${process} AND ${documentVisibleSql('d', 'p', VIEWER)}` : process;
}

/** FROM clause: processes, joined to their documents in document boxes. */
export function sourceSql(box: Box): string {
  if (box === 'outbox') return `processes p JOIN ${LEFT_ME} ON o.process_id = p.id`;
  return DOCUMENT_BOXES.has(box) ? 'processes p JOIN documents d ON d.process_id = p.id' : 'processes p';
}
