import {
  allowedActions,
  canonicalProcessNumber,
  mayReceiveConclusion,
  type Clock,
  NotFound,
  partyNameFor,
  PROFILES,
  type Visibility,
} from '@acervo/domain';
import {
  cursorInstantSql,
  type DocumentJson,
  type EventJson,
  eventRowsSql,
  fullContentSql,
  preparedQuery,
  type ProcessChildrenRow,
  processCoverSql,
  processViewSql,
  searchPages,
  visibilityByNumberSql,
  type ViewerSql,
} from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InjectClock } from '../../common/app-config';
import { AccessLog, type AccessHow } from '../../common/audit/access-log';
import type { Actor, ClientInfo } from '../../common/auth/actor';
import { decodeCursor, encodeCursor, toPage } from '../../common/pagination';
import { type DeadlineRecord, toDto as deadlineDto } from '../deadlines/deadline-store';
import type { DistributionRecordDto } from '../distribution/dto/distribution.dto';
import type {
  ConclusionTargetDto,
  EventDto,
  EventPageDto,
  EventsQuery,
  ProcessDocumentSummaryDto,
  ProcessViewDto,
} from './dto/process-view.dto';

export const PROCESS_NOT_FOUND = 'Processo não encontrado.';

/** Reader queries bind the viewer as `$2` and the application's "now" as `$3`. */
const VIEWER: ViewerSql = { user: '$2', now: '$3' };

interface ProcessRow {
  id: string;
  number: string;
  version: number;
  secrecy_level: number;
  location: ProcessViewDto['location'];
  holder_id: string | null;
  holder_name: string | null;
  unit_id: string;
  unit_name: string;
  responsible_member_id: string | null;
  responsible_member_name: string | null;
  class_code: string;
  class_name: string;
  subject_code: string;
  subject_name: string;
  registered_at: Date;
  priority: boolean;
  summary: string;
  origin_number: string | null;
  old_process: boolean;
  instaurated_on: string | null;
  creating_unit_id: string;
  external_organ: string | null;
  principal_id: string | null;
  access_key: string;
  visibility: Visibility;
}

type ViewRow = ProcessRow & ProcessChildrenRow;

/**
 * Reads processes for a viewer through the secrecy policy's SQL face: what the viewer
 * may not see is never loaded, so nothing can leak from memory. A whole process view is
 * one statement (processViewSql), whatever its size, and its access log entry.
 */
@Injectable()
export class ProcessReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accessLog: AccessLog,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** The full view, or 404 for a process the viewer may not see (exactly as for none); logged. */
  async view(viewer: Actor, id: string, client: ClientInfo | null = null): Promise<ProcessViewDto> {
    const [row] = await preparedQuery<ViewRow[]>(
      this.dataSource.manager,
      processViewSql(`'full'`, `p.id = $1 AND ${fullContentSql('p', VIEWER)}`, VIEWER),
      [id, viewer.userId, this.clock.now()],
    );
    if (!row) throw new NotFound(PROCESS_NOT_FOUND);
    await this.logAccess(viewer, id, 'DETAIL', client);
    return this.toView(row, viewer);
  }

  /**
   * Whom the process may be concluded to (the Concluir form): the active users of its unit
   * whose profile receives conclusions, by name. 404 as the view for a process the viewer
   * may not see in full.
   */
  async conclusionTargets(viewer: Actor, id: string): Promise<ConclusionTargetDto[]> {
    const [process] = await preparedQuery<{ unit_id: string }[]>(
      this.dataSource.manager,
      `SELECT p.unit_id FROM processes p WHERE p.id = $1 AND ${fullContentSql('p', VIEWER)}`,
      [id, viewer.userId, this.clock.now()],
    );
    if (!process) throw new NotFound(PROCESS_NOT_FOUND);
    return preparedQuery<ConclusionTargetDto[]>(
      this.dataSource.manager,
      `SELECT DISTINCT ON (u.full_name, u.id) u.id, u.full_name AS "fullName", a.profile
         FROM assignments a JOIN users u ON u.id = a.user_id AND u.active
        WHERE a.unit_id = $1 AND a.profile = ANY($2)
        ORDER BY u.full_name, u.id`,
      [process.unit_id, PROFILES.filter(mayReceiveConclusion)],
    );
  }

  /** By exact number: full content, the cover only (level 1 outside the unit), or nothing. */
  async byNumber(viewer: Actor, number: string, client: ClientInfo | null = null): Promise<ProcessViewDto[]> {
    const canonical = canonicalProcessNumber(number);
    if (!canonical) return [];
    const rows = await preparedQuery<ViewRow[]>(
      this.dataSource.manager,
      processViewSql(visibilityByNumberSql('p', VIEWER), 'p.number = $1', VIEWER),
      [canonical, viewer.userId, this.clock.now()],
    );
    for (const r of rows) await this.logAccess(viewer, r.id, 'BY_NUMBER', client);
    return rows.map((r) => this.toView(r, viewer));
  }

  /**
   * Full-text search over summaries and non-secret party names (a secret party's name
   * is not indexed, so searching it reveals nothing), newest first, only among processes
   * the viewer sees in full. Items carry the cover and summary.
   */
  async search(
    viewer: Actor,
    q: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: ProcessViewDto[]; nextCursor: string | null }> {
    const after = decodeCursor(cursor);
    const params: unknown[] = [q, viewer.userId, this.clock.now(), limit + 1];
    if (after) params.push(after.key, after.id);
    // The page's ids first, the cover joined for those only: a common word matches thousands.
    const rows = await searchPages(
      (ids, plan) =>
        preparedQuery<(ProcessRow & { registered_key: string })[]>(
          this.dataSource.manager,
          // The cursor keeps the microseconds: rows registered by SQL carry them.
          `${processCoverSql(`'full'`, `, ${cursorInstantSql('p.registered_at')} AS registered_key`)} WHERE p.id IN (${ids}) ORDER BY p.registered_at DESC, p.id DESC`,
          params,
          { plan },
        ),
      { query: '$1', viewer: VIEWER, limit: '$4', after: after ? { at: '$5', id: '$6' } : undefined },
      limit + 1,
    );
    const items = rows.slice(0, limit).map((r) => ({ ...this.cover(r), summary: r.summary }));
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return { items, nextCursor: last ? encodeCursor({ key: last.registered_key, id: last.id }) : null };
  }

  async events(viewer: Actor, id: string, query: EventsQuery, client: ClientInfo | null = null): Promise<EventPageDto> {
    await this.assertFull(viewer, id);
    await this.logAccess(viewer, id, 'EVENTS', client);
    const after = decodeCursor(query.cursor);
    const rows = await this.eventRows(this.dataSource.manager, id, query.limit + 1, after ? Number(after.key) : 0);
    return toPage(rows, query.limit, (e) => String(e.sequence));
  }

  async assertFull(viewer: Actor, id: string, db: EntityManager = this.dataSource.manager): Promise<void> {
    const seen = await preparedQuery(
      db,
      `SELECT 1 FROM processes p WHERE p.id = $1 AND ${fullContentSql('p', VIEWER)}`,
      [id, viewer.userId, this.clock.now()],
    );
    if (!seen.length) throw new NotFound(PROCESS_NOT_FOUND);
  }

  /** Writes the access log entry of a read, when the read qualifies (CNJ Res. 121/2010). */
  async logAccess(
    viewer: Actor,
    processId: string,
    how: AccessHow,
    client: ClientInfo | null,
    documentId: string | null = null,
  ): Promise<void> {
    await this.accessLog.record(this.dataSource.manager, {
      userId: viewer.userId,
      processId,
      documentId,
      how,
      at: this.clock.now(),
      ip: client?.ip,
    });
  }

  private cover(r: ProcessRow): ProcessViewDto {
    return {
      visibility: r.visibility === 'full' ? 'full' : 'details',
      id: r.id,
      number: r.number,
      version: r.version,
      secrecyLevel: r.secrecy_level,
      location: r.location,
      holderId: r.holder_id,
      holderName: r.holder_name,
      unitId: r.unit_id,
      unitName: r.unit_name,
      responsibleMemberId: r.responsible_member_id,
      responsibleMemberName: r.responsible_member_name,
      classCode: r.class_code,
      className: r.class_name,
      subjectCode: r.subject_code,
      subjectName: r.subject_name,
      registeredAt: r.registered_at.toISOString(),
      priority: r.priority,
    };
  }

  private toView(r: ViewRow, viewer: Actor): ProcessViewDto {
    const cover = this.cover(r);
    if (r.visibility !== 'full') return cover;
    const now = this.clock.now();
    return {
      ...cover,
      summary: r.summary,
      originNumber: r.origin_number,
      oldProcess: r.old_process,
      instauratedOn: r.instaurated_on,
      creatingUnitId: r.creating_unit_id,
      externalOrgan: r.external_organ,
      principalId: r.principal_id,
      accessKey: r.access_key,
      allowedActions: allowedActions(
        viewer,
        {
          unitId: r.unit_id,
          location: r.location,
          holderId: r.holder_id,
          responsibleMemberId: r.responsible_member_id,
          secrecyLevel: r.secrecy_level,
        },
        r.distributing_unit_id,
      ),
      parties: (r.parties ?? []).map((p) => ({ ...p, name: partyNameFor('full', p) })),
      attached: r.attached ?? [],
      documents: (r.documents ?? []).map(documentSummary),
      distributions: (r.distributions ?? []) as unknown as DistributionRecordDto[],
      deadlines: ((r.deadlines ?? []) as unknown as DeadlineRecord[]).map((d) => deadlineDto(d, now)),
      events: (r.events ?? []).map(eventDto),
    };
  }

  /** Events after a sequence number, in order: a page of the history. */
  async eventRows(db: EntityManager, processId: string, limit: number, afterSequence: number): Promise<EventDto[]> {
    const rows = await preparedQuery<EventRow[]>(db, eventRowsSql('$1', '$2', '$3'), [processId, afterSequence, limit]);
    return rows.map(eventDto);
  }
}

function documentSummary(d: DocumentJson): ProcessDocumentSummaryDto {
  return {
    id: d.id,
    typeCode: d.type_code,
    typeName: d.type_name,
    title: d.title,
    format: d.format,
    status: d.status,
    secrecyLevel: d.secrecy_level,
    signedAt: d.signed_at === null ? null : new Date(d.signed_at).toISOString(),
  };
}

/** An event row as node-postgres gives it (a Date) or from the page's JSON (an ISO string). */
type EventRow = Omit<EventJson, 'occurred_at'> & { occurred_at: Date | string };

function eventDto(e: EventRow): EventDto {
  return {
    id: e.id,
    sequence: e.sequence,
    code: e.code,
    name: e.name ?? e.code,
    actorId: e.actor_id,
    actorName: e.actor_name,
    unitId: e.unit_id,
    occurredAt: new Date(e.occurred_at).toISOString(),
    details: e.details,
    documentIds: e.document_ids,
  };
}
