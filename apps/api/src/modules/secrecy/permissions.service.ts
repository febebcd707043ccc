import {
  type Clock,
  Conflict,
  documentLevelProblems,
  type GrantTarget,
  MOVEMENTS,
  NotFound,
  refuseGrant,
  ruleRequestProblems,
  ValidationFailed,
} from '@acervo/domain';
import { documentVisibleSql } from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InjectClock } from '../../common/app-config';
import type { Actor } from '../../common/auth/actor';
import { appendEvent } from '../processes/process-events';
import { PROCESS_NOT_FOUND, ProcessReader } from '../processes/process-reader';
import type {
  CreatedDocumentPermissionsDto,
  CreatedPermissionDto,
  CreateDocumentPermissionsDto,
  CreatePermissionDto,
  PermissionDto,
} from './dto/permissions.dto';
import { subjectOf } from './rule-row';

type LockedTarget = GrantTarget & { id: string };

const EVENT_OF = { ALLOW: MOVEMENTS.ACCESS_GRANTED.code, DENY: MOVEMENTS.ACCESS_DENIED.code } as const;

/**
 * Explicit permissions and denials (DOMAIN §4.3), on a process or on documents, to users
 * or groups. Each change locks the process, checks who grants, and writes the rule and
 * its event in one transaction; the policy reads the rules from then on.
 */
@Injectable()
export class PermissionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: ProcessReader,
    @InjectClock() private readonly clock: Clock,
  ) {}

  grantOnProcess(actor: Actor, processId: string, dto: CreatePermissionDto): Promise<CreatedPermissionDto> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (tx) => {
      const p = await this.lockGrantable(tx, actor, processId);
      const subjectName = await this.checkRequest(tx, actor, dto, now);
      const [rule] = await tx.query<{ id: string }[]>(
        `INSERT INTO access_rules (process_id, user_id, group_id, effect, expires_at, granted_by, granted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
        [p.id, ...subjectColumns(dto), dto.effect, dto.expiresAt ?? null, actor.userId, now],
      );
      if (!rule) throw alreadyRuled();
      await appendEvent(tx, p.id, now, {
        code: EVENT_OF[dto.effect],
        actorId: actor.userId,
        unitId: p.unitId,
        details: ruleDetails([rule.id], dto, subjectName),
      });
      return { id: rule.id };
    });
  }

  grantOnDocuments(actor: Actor, dto: CreateDocumentPermissionsDto): Promise<CreatedDocumentPermissionsDto> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (tx) => {
      const docs = await tx.query<{ id: string; process_id: string | null; secrecy_level: number }[]>(
        `SELECT d.id, d.process_id, d.secrecy_level FROM documents d
          WHERE d.id = ANY($1::uuid[]) AND d.trashed_at IS NULL
            AND EXISTS (SELECT 1 FROM processes p WHERE p.id = d.process_id AND ${documentVisibleSql('d', 'p', { user: '$2', now: '$3' })})
          FOR UPDATE OF d`,
        [dto.documentIds, actor.userId, now],
      );
      if (docs.length !== dto.documentIds.length) {
        throw new NotFound('Documento não encontrado (ou avulso: conceda depois de juntado ao processo).');
      }
      const levelProblem = documentLevelProblems(
        dto.level,
        docs.map((d) => d.secrecy_level),
      );
      if (levelProblem) throw levelProblem;
      const subjectName = await this.checkRequest(tx, actor, dto, now);
      const byProcess = new Map<string, string[]>();
      for (const d of docs) byProcess.set(d.process_id!, [...(byProcess.get(d.process_id!) ?? []), d.id]);
      // Locked in a fixed order, so two bulk grants over the same processes cannot deadlock.
      const processes = new Map<string, LockedTarget>();
      for (const id of [...byProcess.keys()].sort()) {
        const p = await this.lockProcess(tx, id);
        // Who grants on a document: as on its process, at the document's level (5: the responsible member).
        const refusal = refuseGrant(actor, { ...p, secrecyLevel: Math.max(p.secrecyLevel, dto.level) });
        if (refusal) throw refusal;
        processes.set(id, p);
      }
      // One statement for the whole batch; a document already ruled for the subject refuses it all.
      const inserted = await tx.query<{ id: string; document_id: string }[]>(
        `INSERT INTO access_rules (document_id, user_id, group_id, effect, level, expires_at, granted_by, granted_at)
         SELECT d, $2, $3, $4, $5, $6, $7, $8 FROM unnest($1::uuid[]) AS d
         ON CONFLICT DO NOTHING RETURNING id, document_id`,
        [dto.documentIds, ...subjectColumns(dto), dto.effect, dto.level, dto.expiresAt ?? null, actor.userId, now],
      );
      if (inserted.length !== docs.length) throw alreadyRuled();
      const ids = new Map(inserted.map((r) => [r.document_id, r.id]));
      for (const [processId, documentIds] of byProcess) {
        await appendEvent(tx, processId, now, {
          code: EVENT_OF[dto.effect],
          actorId: actor.userId,
          unitId: processes.get(processId)!.unitId,
          documentIds,
          details: {
            ...ruleDetails(
              documentIds.map((id) => ids.get(id)!),
              dto,
              subjectName,
            ),
            level: dto.level,
          },
        });
      }
      return { ids: dto.documentIds.map((id) => ids.get(id)!) };
    });
  }

  /**
   * Removes a rule on the process or on one of its documents, with its event. A rule on a
   * document is removed by who could grant it: on a level-5 document, the responsible member.
   */
  remove(actor: Actor, processId: string, ruleId: string): Promise<void> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (tx) => {
      const p = await this.lockGrantable(tx, actor, processId);
      const [rule] = await tx.query<
        { id: string; effect: 'ALLOW' | 'DENY'; document_id: string | null; document_level: number | null }[]
      >(
        `SELECT r.id, r.effect, r.document_id, d.secrecy_level AS document_level
           FROM access_rules r LEFT JOIN documents d ON d.id = r.document_id
          WHERE r.id = $1 AND (r.process_id = $2 OR d.process_id = $2)
          FOR UPDATE OF r`,
        [ruleId, p.id],
      );
      if (!rule) throw new NotFound('Permissão não encontrada neste processo.');
      const refusal = refuseGrant(actor, { ...p, secrecyLevel: Math.max(p.secrecyLevel, rule.document_level ?? 0) });
      if (refusal) throw refusal;
      await tx.query(`DELETE FROM access_rules WHERE id = $1`, [rule.id]);
      await appendEvent(tx, p.id, now, {
        code: MOVEMENTS.ACCESS_RULE_REMOVED.code,
        actorId: actor.userId,
        unitId: p.unitId,
        documentIds: rule.document_id ? [rule.document_id] : [],
        details: { ruleId: rule.id, effect: rule.effect },
      });
    });
  }

  /** The authorisation list: the rules on the process and on its documents, expired ones flagged. */
  async list(processId: string): Promise<PermissionDto[]> {
    const rows = await this.dataSource.query<
      {
        id: string;
        document_id: string | null;
        user_id: string | null;
        group_id: string | null;
        subject_name: string;
        effect: string;
        level: number | null;
        expires_at: Date | null;
        granted_by: string;
        granted_by_name: string;
        granted_at: Date;
      }[]
    >(
      `SELECT r.id, r.document_id, r.user_id, r.group_id, COALESCE(u.full_name, g.name) AS subject_name, r.effect,
              r.level, r.expires_at, r.granted_by, gb.full_name AS granted_by_name, r.granted_at
         FROM access_rules r
         LEFT JOIN users u ON u.id = r.user_id
         LEFT JOIN user_groups g ON g.id = r.group_id
         JOIN users gb ON gb.id = r.granted_by
        WHERE r.process_id = $1 OR r.document_id IN (SELECT id FROM documents WHERE process_id = $1)
        ORDER BY r.granted_at, r.id`,
      [processId],
    );
    const now = this.clock.now().getTime();
    return rows.map((r) => ({
      id: r.id,
      on: r.document_id ? 'DOCUMENT' : 'PROCESS',
      documentId: r.document_id,
      ...subjectOf(r),
      subjectName: r.subject_name,
      effect: r.effect,
      level: r.level,
      expiresAt: r.expires_at?.toISOString() ?? null,
      expired: !!r.expires_at && r.expires_at.getTime() <= now,
      grantedBy: r.granted_by,
      grantedByName: r.granted_by_name,
      grantedAt: r.granted_at.toISOString(),
    }));
  }

  /** The process, if the actor sees it (else 404), locked; then who grants (403). */
  private async lockGrantable(tx: EntityManager, actor: Actor, processId: string): Promise<LockedTarget> {
    await this.reader.assertFull(actor, processId, tx);
    const p = await this.lockProcess(tx, processId);
    const refusal = refuseGrant(actor, p);
    if (refusal) throw refusal;
    return p;
  }

  private async lockProcess(tx: EntityManager, processId: string): Promise<LockedTarget> {
    const [p] = await tx.query<LockedTarget[]>(
      `SELECT id, unit_id AS "unitId", secrecy_level AS "secrecyLevel", responsible_member_id AS "responsibleMemberId"
         FROM processes WHERE id = $1 FOR UPDATE`,
      [processId],
    );
    if (!p) throw new NotFound(PROCESS_NOT_FOUND);
    return p;
  }

  /** The subject exists, the expiry is ahead, and a denial does not shut out its grantor; returns its name. */
  private async checkRequest(tx: EntityManager, actor: Actor, dto: CreatePermissionDto, now: Date): Promise<string> {
    const groupIds = (
      await tx.query<{ group_id: string }[]>(`SELECT group_id FROM user_group_members WHERE user_id = $1`, [
        actor.userId,
      ])
    ).map((g) => g.group_id);
    const problem = ruleRequestProblems(
      { ...actor, groupIds },
      { ...dto, expiresAt: dto.expiresAt ? new Date(dto.expiresAt) : null },
      now,
    );
    if (problem) throw problem;
    const [subject] = await tx.query<{ name: string }[]>(
      dto.subjectType === 'USER'
        ? `SELECT full_name AS name FROM users WHERE id = $1`
        : `SELECT name FROM user_groups WHERE id = $1`,
      [dto.subjectId],
    );
    if (!subject) {
      throw new ValidationFailed([
        { field: 'subjectId', message: dto.subjectType === 'USER' ? 'usuário inexistente' : 'grupo inexistente' },
      ]);
    }
    return subject.name;
  }
}

function subjectColumns(dto: CreatePermissionDto): [string | null, string | null] {
  return dto.subjectType === 'USER' ? [dto.subjectId, null] : [null, dto.subjectId];
}

function ruleDetails(ruleIds: string[], dto: CreatePermissionDto, subjectName: string): Record<string, unknown> {
  return {
    ruleIds,
    effect: dto.effect,
    subjectType: dto.subjectType,
    subjectId: dto.subjectId,
    subjectName,
    expiresAt: dto.expiresAt ? new Date(dto.expiresAt).toISOString() : null,
    ...(dto.justification ? { justification: dto.justification.trim() } : {}),
  };
}

function alreadyRuled(): Conflict {
  return new Conflict('Já há uma permissão ou negação para este sujeito aqui; remova-a antes de registrar outra.');
}
