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
  documentVisibleSql,
  fullContentSql,
  preparedQuery,
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
import { processDeadlines } from '../deadlines/deadline-store';
import { distributionRecordSelect } from '../distribution/distribution-store';
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

const SELECT = (visibility: string, extra = '') => `
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
 * Reads processes for a viewer through the secrecy policy's SQL face: what the viewer
 * may not see is never loaded, so nothing can leak from memory. A whole process view is
 * three queries (process, parties, events), whatever its size.
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
    const db = this.dataSource.manager;
    const [row] = await preparedQuery<ProcessRow[]>(
      db,
      `${SELECT(`'full'`)} WHERE p.id = $1 AND ${fullContentSql('p', VIEWER)}`,
      [id, viewer.userId, this.clock.now()],
    );
    if (!row) throw new NotFound(PROCESS_NOT_FOUND);
    await this.logAccess(viewer, id, 'DETAIL', client);
    return this.toView(db, row, viewer);
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
    const rows = await preparedQuery<ProcessRow[]>(
      this.dataSource.manager,
      `SELECT * FROM (${SELECT(visibilityByNumberSql('p', VIEWER))} WHERE p.number = $1) v WHERE v.visibility <> 'none'`,
      [canonical, viewer.userId, this.clock.now()],
    );
    for (const r of rows) await this.logAccess(viewer, r.id, 'BY_NUMBER', client);
    return Promise.all(rows.map((r) => this.toView(this.dataSource.manager, r, viewer)));
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
          `${SELECT(`'full'`, `, ${cursorInstantSql('p.registered_at')} AS registered_key`)} WHERE p.id IN (${ids}) ORDER BY p.registered_at DESC, p.id DESC`,
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

  private async toView(db: EntityManager, r: ProcessRow, viewer: Actor): Promise<ProcessViewDto> {
    const cover = this.cover(r);
    if (r.visibility !== 'full') return cover;
    const parties = await preparedQuery<
      { id: string; name: string; type: string; document: string | null; secret: boolean }[]
    >(db, `SELECT id, name, type, document, secret FROM process_parties WHERE process_id = $1 ORDER BY position`, [
      r.id,
    ]);
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
        await this.distributingUnit(db, r.id, r.unit_id),
      ),
      parties: parties.map((p) => ({ ...p, name: partyNameFor('full', p) })),
      attached: await preparedQuery<{ id: string; number: string }[]>(
        db,
        `SELECT p.id, p.number FROM processes p WHERE p.principal_id = $1 AND ${fullContentSql('p', VIEWER)} ORDER BY p.number`,
        [r.id, viewer.userId, this.clock.now()],
      ),
      documents: await this.documentSummaries(db, r.id, viewer),
      distributions: await preparedQuery<DistributionRecordDto[]>(
        db,
        `${distributionRecordSelect('p.number')} WHERE d.process_id = $1 ORDER BY d.started_at DESC, d.id DESC`,
        [r.id],
      ),
      deadlines: await processDeadlines(db, r.id, this.clock.now()),
      events: await this.eventRows(db, r.id, 10_000, 0),
    };
  }

  /**
   * The unit that made the process's running distribution — its group's, or the process's
   * own for a manual one — whose distributors may cancel it; null when there is none.
   */
  private async distributingUnit(db: EntityManager, processId: string, unitId: string): Promise<string | null> {
    const [latest] = await preparedQuery<{ group_unit_id: string | null; cancelled: boolean }[]>(
      db,
      `SELECT g.unit_id AS group_unit_id, d.cancelled_at IS NOT NULL AS cancelled
         FROM distributions d LEFT JOIN distribution_groups g ON g.id = d.group_id
        WHERE d.process_id = $1 ORDER BY d.started_at DESC, d.id DESC LIMIT 1`,
      [processId],
    );
    if (!latest || latest.cancelled) return null;
    return latest.group_unit_id ?? unitId;
  }

  /** The documents of the view (not in the trash), by the policy for each document's level. */
  private async documentSummaries(
    db: EntityManager,
    processId: string,
    viewer: Actor,
  ): Promise<ProcessDocumentSummaryDto[]> {
    const rows = await preparedQuery<
      {
        id: string;
        type_code: string;
        type_name: string;
        title: string;
        format: 'HTML' | 'PDF';
        status: 'DRAFT' | 'SIGNED';
        secrecy_level: number;
        signed_at: Date | null;
      }[]
    >(
      db,
      `SELECT d.id, d.type_code, t.name AS type_name, d.title, d.format, d.status, d.secrecy_level, d.signed_at
         FROM documents d JOIN document_types t ON t.code = d.type_code JOIN processes p ON p.id = d.process_id
        WHERE d.process_id = $1 AND d.trashed_at IS NULL AND ${documentVisibleSql('d', 'p', VIEWER)}
        ORDER BY d.created_at, d.id`,
      [processId, viewer.userId, this.clock.now()],
    );
    return rows.map((d) => ({
      id: d.id,
      typeCode: d.type_code,
      typeName: d.type_name,
      title: d.title,
      format: d.format,
      status: d.status,
      secrecyLevel: d.secrecy_level,
      signedAt: d.signed_at?.toISOString() ?? null,
    }));
  }

  /** Events after a sequence number, in order: a page of the history. */
  async eventRows(db: EntityManager, processId: string, limit: number, afterSequence: number): Promise<EventDto[]> {
    const rows = await preparedQuery<
      {
        id: string;
        sequence: number;
        code: string;
        name: string | null;
        actor_id: string | null;
        actor_name: string | null;
        unit_id: string;
        occurred_at: Date;
        details: Record<string, unknown>;
        document_ids: string[];
      }[]
    >(
      db,
      `SELECT e.id, e.sequence, e.code, m.name, e.actor_id, u.full_name AS actor_name, e.unit_id, e.occurred_at,
              e.details, e.document_ids
         FROM process_events e
         LEFT JOIN movement_types m ON m.code = e.code
         LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.process_id = $1 AND e.sequence > $2
        ORDER BY e.sequence LIMIT $3`,
      [processId, afterSequence, limit],
    );
    return rows.map((e) => ({
      id: e.id,
      sequence: e.sequence,
      code: e.code,
      name: e.name ?? e.code,
      actorId: e.actor_id,
      actorName: e.actor_name,
      unitId: e.unit_id,
      occurredAt: e.occurred_at.toISOString(),
      details: e.details,
      documentIds: e.document_ids,
    }));
  }
}
