import { documentVisibleSql, fullContentSql, type ViewerSql } from './secrecy';

/**
 * The reads of a process's page (`GET /processes/{id}`, by number): its cover and, for a
 * viewer who sees it in full, its children — parties, attached processes, documents,
 * distributions, deadlines, events — in one statement, each child list a JSON array.
 * Ten round trips were most of the page's cost once each statement was planned once
 * (docs/performance.md).
 */

/** The cover of processes `p` with the names a page shows; `visibility` is an SQL expression. */
export const processCoverSql = (visibility: string, extra = '') => `
  SELECT p.id, p.number, p.version, p.secrecy_level, p.location, p.holder_id, p.unit_id, p.responsible_member_id,
         h.full_name AS holder_name, un.name AS unit_name, rm.full_name AS responsible_member_name,
         p.class_code, c.name AS class_name, p.subject_code, s.name AS subject_name, p.registered_at, p.priority,
         p.summary, p.origin_number, p.old_process, to_char(p.instaurated_on, 'YYYY-MM-DD') AS instaurated_on,
         p.creating_unit_id, p.external_organ, p.principal_id, p.access_key, ${visibility} AS visibility${extra}
    FROM processes p
    JOIN classes c ON c.code = p.class_code
    JOIN subjects s ON s.code = p.subject_code
    JOIN units un ON un.id = p.unit_id
    LEFT JOIN users h ON h.id = p.holder_id
    LEFT JOIN users rm ON rm.id = p.responsible_member_id`;

/**
 * Distribution records as the API shows them (JOIN alias `d`, camelCase columns; the process
 * `p` and the number's visibility are the caller's): the group history and the process page
 * share it. `extra` adds columns a caller needs beside the record (a cursor's key).
 */
export const distributionRecordSelect = (processNumber: string, extra = '') => `
  SELECT d.id, d.process_id AS "processId", ${processNumber} AS "processNumber", d.kind, d.group_id AS "groupId",
         d.draw_id AS "drawId", d.member_id AS "memberId", m.full_name AS "memberName",
         d.distributor_id AS "distributorId", r.full_name AS "distributorName",
         r.registration_number AS "distributorRegistrationNumber",
         to_char(d.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(d.ends_on, 'YYYY-MM-DD') AS "endsOn",
         d.end_reason AS "endReason", d.cancelled_at IS NOT NULL AS cancelled ${extra}
    FROM distributions d
    JOIN processes p ON p.id = d.process_id
    JOIN users m ON m.id = d.member_id
    LEFT JOIN users r ON r.id = d.distributor_id`;

/** The events of `process` after sequence `after`, in order, at most `limit`: a page of the history. */
export const eventRowsSql = (process: string, after: string, limit: string) => `
  SELECT e.id, e.sequence, e.code, m.name, e.actor_id, u.full_name AS actor_name, e.unit_id, e.occurred_at,
         e.details, e.document_ids
    FROM process_events e
    LEFT JOIN movement_types m ON m.code = e.code
    LEFT JOIN users u ON u.id = e.actor_id
   WHERE e.process_id = ${process} AND e.sequence > ${after}
   ORDER BY e.sequence LIMIT ${limit}`;

/** The most events a page carries; the rest are read through `GET /processes/{id}/events`. */
export const VIEW_EVENTS = 10_000;

/**
 * `select`'s rows as one JSON array in the order of its `sort_key` column, which the
 * elements leave out: an aggregate's input order is otherwise unspecified.
 */
const jsonRows = (select: string) =>
  `(SELECT coalesce(jsonb_agg(to_jsonb(r) - 'sort_key' ORDER BY r.sort_key), '[]') FROM (${select}) r)`;

/** Timestamps inside the JSON children arrive as ISO strings. */
export interface PartyJson {
  id: string;
  name: string;
  type: string;
  document: string | null;
  secret: boolean;
}
export interface DocumentJson {
  id: string;
  type_code: string;
  type_name: string;
  title: string;
  format: 'HTML' | 'PDF';
  status: 'DRAFT' | 'SIGNED';
  secrecy_level: number;
  signed_at: string | null;
}
export interface EventJson {
  id: string;
  sequence: number;
  code: string;
  name: string | null;
  actor_id: string | null;
  actor_name: string | null;
  unit_id: string;
  occurred_at: string;
  details: Record<string, unknown>;
  document_ids: string[];
}
/** How a process's deadlines are listed (alias `dl`): running ones first, then by due time. */
export const PROCESS_DEADLINES_ORDER = `dl.status <> 'OPEN', dl.due_at, dl.id`;

export interface ProcessChildrenRow {
  parties: PartyJson[] | null;
  attached: { id: string; number: string }[] | null;
  documents: DocumentJson[] | null;
  /** As `distributionRecordSelect` names them, newest first. */
  distributions: Record<string, unknown>[] | null;
  /** The unit whose distributors may cancel the running distribution; null when none runs. */
  distributing_unit_id: string | null;
  /** `SELECT * FROM deadlines` rows, timestamps as ISO strings. */
  deadlines: Record<string, unknown>[] | null;
  events: EventJson[] | null;
}

/** The children of the process `v`, each null unless `v.visibility` is 'full' — not read at all then. */
function childrenSql(viewer: ViewerSql): string {
  const children: Record<keyof ProcessChildrenRow, string> = {
    parties: jsonRows(`SELECT pp.id, pp.name, pp.type, pp.document, pp.secret, pp.position AS sort_key
                         FROM process_parties pp WHERE pp.process_id = v.id`),
    attached: jsonRows(`SELECT a.id, a.number, a.number AS sort_key FROM processes a
                         WHERE a.principal_id = v.id AND ${fullContentSql('a', viewer)}`),
    documents: jsonRows(`SELECT d.id, d.type_code, t.name AS type_name, d.title, d.format, d.status, d.secrecy_level,
                                d.signed_at, row_number() OVER (ORDER BY d.created_at, d.id) AS sort_key
                           FROM documents d JOIN document_types t ON t.code = d.type_code
                           JOIN processes p ON p.id = d.process_id
                          WHERE d.process_id = v.id AND d.trashed_at IS NULL AND ${documentVisibleSql('d', 'p', viewer)}`),
    distributions: jsonRows(
      `${distributionRecordSelect('p.number', ', row_number() OVER (ORDER BY d.started_at DESC, d.id DESC) AS sort_key')}
        WHERE d.process_id = v.id`,
    ),
    distributing_unit_id: `(SELECT CASE WHEN d.cancelled_at IS NULL THEN coalesce(g.unit_id, v.unit_id) END
                              FROM distributions d LEFT JOIN distribution_groups g ON g.id = d.group_id
                             WHERE d.process_id = v.id ORDER BY d.started_at DESC, d.id DESC LIMIT 1)`,
    deadlines: jsonRows(`SELECT dl.*, row_number() OVER (ORDER BY ${PROCESS_DEADLINES_ORDER}) AS sort_key
                           FROM deadlines dl WHERE dl.process_id = v.id`),
    events: jsonRows(`SELECT x.*, x.sequence AS sort_key FROM (${eventRowsSql('v.id', '0', String(VIEW_EVENTS))}) x`),
  };
  return Object.entries(children)
    .map(([name, sql]) => `CASE WHEN v.visibility = 'full' THEN ${sql} END AS ${name}`)
    .join(',\n');
}

/**
 * The processes `where` selects (over `p`) that the viewer sees at all — `visibility`
 * says how, 'none' is left out — with their children when seen in full. Secrecy decides
 * inside the statement: the children of a process seen only by its cover are never read.
 */
export function processViewSql(visibility: string, where: string, viewer: ViewerSql): string {
  return `SELECT v.*, ${childrenSql(viewer)}
            FROM (${processCoverSql(visibility)} WHERE ${where}) v
           WHERE v.visibility <> 'none'`;
}
