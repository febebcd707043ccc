import {
  type Clock,
  Forbidden,
  localDate,
  MEMBER_PROFILES,
  NotFound,
  rafBasis,
  rafWarnings,
  ValidationFailed,
} from '@acervo/domain';
import { RafEventsStore } from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { InjectClock } from '../../common/app-config';
import type { Actor } from '../../common/auth/actor';
import { cursorInstantSql, decodeTimeCursor, encodeCursor, type PageQuery, toPage } from '../../common/pagination';
import { readInstitutionSettings } from '../catalogues/institution-settings.service';
import type {
  ActivityDto,
  ActivityKindDto,
  ActivityListDto,
  CreateActivityDto,
  PreviewQuery,
  RafExportDto,
  RafExportListDto,
  RafPreviewDto,
} from './dto/raf.dto';
import { activityRows } from './raf-activities';
import { assertMember, earlierExports, rafMonth } from './raf-member';

const EXPORT_NOT_FOUND = 'Exportação do RAF não encontrada.';

interface ExportRow {
  id: string;
  member_id: string;
  month: string;
  generated_at: Date;
  sha256: string;
  size: string;
  event_count: number;
  activity_count: number;
  reexport: boolean;
  /** Exports of the same member and month made before this one. */
  earlier: string[];
  /** The cursor's key: the exact time, as PostgreSQL holds it. */
  position: string;
}

/** An export row with the exports of its month that came before it, read in the same statement. */
const EXPORT_SELECT = `
  SELECT x.*, ${cursorInstantSql('x.generated_at')} AS position,
         ARRAY(SELECT y.id FROM raf_exports y
                WHERE y.member_id = x.member_id AND y.month = x.month AND (y.generated_at, y.id) < (x.generated_at, x.id)
                ORDER BY y.generated_at, y.id) AS earlier
    FROM raf_exports x`;

/**
 * The member's RAF (DOMAIN §8): its non-procedural activities, the preview of a month, and
 * its exports — listed and served to the member alone.
 */
@Injectable()
export class RafService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectClock() private readonly clock: Clock,
  ) {}

  activityKinds(): Promise<ActivityKindDto[]> {
    return this.dataSource.query(`SELECT code, name FROM raf_activity_kinds WHERE active ORDER BY name`);
  }

  async createActivity(actor: Actor, dto: CreateActivityDto): Promise<ActivityDto> {
    assertMember(actor);
    return this.dataSource.transaction(async (tx) => {
      const { timeZone } = await readInstitutionSettings(tx);
      const kind = await tx.query(`SELECT 1 FROM raf_activity_kinds WHERE code = $1 AND active`, [dto.kindCode]);
      const memberHere = actor.assignments.some((a) => a.unitId === dto.unitId && MEMBER_PROFILES.includes(a.profile));
      const problems = [
        ...(kind.length ? [] : [{ field: 'kindCode', message: 'tipo de atividade não encontrado' }]),
        ...(memberHere ? [] : [{ field: 'unitId', message: 'você não é membro deste órgão' }]),
        ...(dto.occurredOn > localDate(this.clock.now(), timeZone)
          ? [{ field: 'occurredOn', message: 'a atividade não pode ser futura' }]
          : []),
        ...(dto.description.trim() ? [] : [{ field: 'description', message: 'descreva a atividade' }]),
      ];
      if (problems.length) throw new ValidationFailed(problems);
      const [{ id }] = await tx.query<{ id: string }[]>(
        `INSERT INTO raf_activities (member_id, unit_id, occurred_on, kind_code, description, quantity, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          actor.userId,
          dto.unitId,
          dto.occurredOn,
          dto.kindCode,
          dto.description.trim(),
          dto.quantity ?? 1,
          this.clock.now(),
        ],
      );
      const [row] = await tx.query<ActivityDto[]>(
        `SELECT a.id, to_char(a.occurred_on, 'YYYY-MM-DD') AS "occurredOn", a.kind_code AS "kindCode", k.name AS "kindName",
                a.description, a.unit_id AS "unitId", u.code AS "unitCode", a.quantity
           FROM raf_activities a JOIN raf_activity_kinds k ON k.code = a.kind_code JOIN units u ON u.id = a.unit_id
          WHERE a.id = $1`,
        [id],
      );
      return row;
    });
  }

  async activities(actor: Actor, month: string): Promise<ActivityListDto> {
    const member = await rafMonth(this.dataSource.manager, this.clock, actor, month);
    return { items: await activityRows(this.dataSource.manager, member.id, member.from, member.to, member.timeZone) };
  }

  /** Removes one of the member's own activities (another's is "not found"). */
  async removeActivity(actor: Actor, id: string): Promise<void> {
    assertMember(actor);
    const removed = await this.dataSource.query<unknown[]>(
      `WITH gone AS (DELETE FROM raf_activities WHERE id = $1 AND member_id = $2 RETURNING id) SELECT id FROM gone`,
      [id, actor.userId],
    );
    if (!removed.length) throw new NotFound('Atividade não encontrada.');
  }

  /** The month as the file will say it: totals, a page of events, the activities, earlier exports. */
  async preview(actor: Actor, query: PreviewQuery): Promise<RafPreviewDto> {
    const db = this.dataSource.manager;
    const member = await rafMonth(db, this.clock, actor, query.month);
    const cursor = decodeTimeCursor(query.cursor, 2);
    const store = new RafEventsStore(db);
    const rows = await store.page(
      member,
      query.limit + 1,
      cursor ? { at: cursor.key[0], sequence: Number(cursor.key[1]), processId: cursor.id } : undefined,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const totals = await store.totals(member);
    return {
      month: query.month,
      eventCount: totals.reduce((sum, t) => sum + t.count, 0),
      totals,
      events: page.map(({ performed, responsible, position: _, ...e }) => ({
        ...e,
        basis: rafBasis(performed, responsible),
      })),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor({ key: `${last.position.at}|${last.position.sequence}`, id: last.position.processId })
          : null,
      activities: await activityRows(db, member.id, member.from, member.to, member.timeZone),
      earlierExportIds: await earlierExports(db, member.id, query.month),
      warnings: await this.warnings(member.id),
    };
  }

  /** The member's exports, newest first, keyset-paged; each says which exports of its month came before. */
  async exports(actor: Actor, query: PageQuery): Promise<RafExportListDto> {
    assertMember(actor);
    const after = decodeTimeCursor(query.cursor);
    const rows = await this.dataSource.query<ExportRow[]>(
      `${EXPORT_SELECT}
        WHERE x.member_id = $1 ${after ? 'AND (x.generated_at, x.id) < ($3::timestamptz, $4::uuid)' : ''}
        ORDER BY x.generated_at DESC, x.id DESC LIMIT $2`,
      [actor.userId, query.limit + 1, ...(after ? [after.key[0], after.id] : [])],
    );
    const page = toPage(rows, query.limit, (r) => r.position);
    return { items: page.items.map(toDto), nextCursor: page.nextCursor };
  }

  async exportOf(actor: Actor, id: string): Promise<RafExportDto> {
    return toDto(await this.ownExport(actor, id));
  }

  /** Streams a kept export part by part: a file of any size, served in bounded memory. */
  async download(actor: Actor, id: string, res: Response): Promise<void> {
    const row = await this.ownExport(actor, id);
    res.status(200);
    res.setHeader('Content-Type', 'application/xml; charset=utf-8');
    res.setHeader('Content-Length', row.size);
    res.setHeader('Content-Disposition', `attachment; filename="raf-${row.month}-${row.id}.xml"`);
    res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(row.sha256, 'hex').toString('base64')}:`);
    res.setHeader('Cache-Control', 'private, no-store');
    // pipeline ends the response, and stops reading parts when the client goes away.
    await pipeline(Readable.from(this.parts(id)), res);
  }

  /** The kept parts of an export, a few at a time. */
  private async *parts(id: string): AsyncGenerator<Buffer> {
    for (let seq = 0; ; seq += 8) {
      const parts = await this.dataSource.query<{ data: Buffer }[]>(
        `SELECT data FROM raf_export_parts WHERE export_id = $1 AND seq >= $2 AND seq < $3 ORDER BY seq`,
        [id, seq, seq + 8],
      );
      for (const part of parts) yield part.data;
      if (parts.length < 8) return;
    }
  }

  /** What would keep the member's export from being made. */
  private async warnings(memberId: string): Promise<string[]> {
    const [user] = await this.dataSource.query<{ registration_number: string | null }[]>(
      `SELECT registration_number FROM users WHERE id = $1`,
      [memberId],
    );
    return rafWarnings(user?.registration_number ?? null);
  }

  /** An export of the caller's: another member's is refused (403), an unknown one 404. */
  private async ownExport(actor: Actor, id: string): Promise<ExportRow> {
    assertMember(actor);
    const [row] = await this.dataSource.query<ExportRow[]>(`${EXPORT_SELECT} WHERE x.id = $1`, [id]);
    if (!row) throw new NotFound(EXPORT_NOT_FOUND);
    if (row.member_id !== actor.userId) throw new Forbidden('O RAF é do membro, para si mesmo.');
    return row;
  }
}

function toDto(row: ExportRow): RafExportDto {
  return {
    id: row.id,
    month: row.month,
    generatedAt: row.generated_at.toISOString(),
    hash: row.sha256,
    size: Number(row.size),
    eventCount: row.event_count,
    activityCount: row.activity_count,
    reexport: row.reexport,
    earlierExportIds: row.earlier,
  };
}
