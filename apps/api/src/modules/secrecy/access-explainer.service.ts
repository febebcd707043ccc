import {
  type AccessReason,
  type AccessRule,
  type Clock,
  documentAccess,
  Forbidden,
  type GuardedProcess,
  mayExplainAccess,
  NotFound,
  processAccess,
  type Profile,
  type SecrecyLevel,
  type Viewer,
} from '@acervo/domain';
import { documentVisibleSql, fullContentSql, type ViewerSql } from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectClock } from '../../common/app-config';
import type { Actor } from '../../common/auth/actor';
import { PROCESS_NOT_FOUND } from '../processes/process-reader';
import type { AccessExplanationDto, AccessReasonDto } from './dto/access.dto';
import { type RuleRow, subjectOf } from './rule-row';

/** The explainer asks the policy for many users at once: each candidate row is the viewer. */
const CANDIDATE: ViewerSql = { user: 'u.id', now: '$2' };

export interface Target {
  processId: string;
  documentId: string | null;
  number: string;
  unitId: string;
  processLevel: SecrecyLevel;
  level: SecrecyLevel;
  responsibleMemberId: string | null;
}

/**
 * Who can see a process or document and why (DOMAIN §4.3). Whether each candidate sees
 * comes from the SQL predicate every box and read uses, asked with that candidate as the
 * viewer — so the explainer cannot disagree with what users get; why comes from the
 * in-memory face of the same policy, which a property test holds equal to it.
 */
@Injectable()
export class AccessExplainer {
  constructor(
    private readonly dataSource: DataSource,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async process(actor: Actor, processId: string): Promise<AccessExplanationDto> {
    return this.explain(await this.audienceOf(actor, processId));
  }

  async document(actor: Actor, documentId: string): Promise<AccessExplanationDto> {
    const [row] = await this.dataSource.query<Target[]>(
      `SELECT p.id AS "processId", d.id AS "documentId", p.number, p.unit_id AS "unitId",
              p.secrecy_level AS "processLevel", d.secrecy_level AS level,
              p.responsible_member_id AS "responsibleMemberId"
         FROM documents d JOIN processes p ON p.id = d.process_id WHERE d.id = $1`,
      [documentId],
    );
    if (!row) throw new NotFound('Documento não encontrado.');
    await this.assertAudience(actor, row);
    return this.explain(row);
  }

  /**
   * The process, when the actor may ask who accesses it: the Corregedoria anything, a
   * member of the unit what it sees (403 for others who see it, 404 for who does not).
   */
  async audienceOf(actor: Actor, processId: string): Promise<Target> {
    const [row] = await this.dataSource.query<Omit<Target, 'documentId' | 'level'>[]>(
      `SELECT id AS "processId", number, unit_id AS "unitId", secrecy_level AS "processLevel",
              responsible_member_id AS "responsibleMemberId" FROM processes WHERE id = $1`,
      [processId],
    );
    if (!row) throw new NotFound(PROCESS_NOT_FOUND);
    const target = { ...row, documentId: null, level: row.processLevel };
    await this.assertAudience(actor, target);
    return target;
  }

  private async assertAudience(actor: Actor, t: Target): Promise<void> {
    const grantTarget = {
      unitId: t.unitId,
      secrecyLevel: Math.max(t.processLevel, t.level),
      responsibleMemberId: t.responsibleMemberId,
    };
    if (mayExplainAccess(actor, grantTarget)) return;
    const seen = await this.dataSource.query(
      `SELECT 1 FROM processes p WHERE p.id = $1 AND ${fullContentSql('p', { user: '$2', now: '$3' })}`,
      [t.processId, actor.userId, this.clock.now()],
    );
    if (!seen.length) throw new NotFound(PROCESS_NOT_FOUND);
    throw new Forbidden('Só os membros do órgão e a Corregedoria consultam quem acessa o processo.');
  }

  private async explain(t: Target): Promise<AccessExplanationDto> {
    const now = this.clock.now();
    const rules = await this.dataSource.query<RuleRow[]>(
      `SELECT id, process_id, document_id, user_id, group_id, effect, level, expires_at FROM access_rules
        WHERE process_id = $1 OR document_id = $2`,
      [t.processId, t.documentId],
    );
    const sees = t.documentId ? documentVisibleSql('d', 'p', CANDIDATE) : fullContentSql('p', CANDIDATE);
    const candidates = await this.dataSource.query<
      {
        id: string;
        username: string;
        full_name: string;
        active: boolean;
        sees: boolean;
        assignments: { unitId: string | null; profile: Profile }[];
        group_ids: string[];
      }[]
    >(
      `WITH named AS (
         SELECT a.user_id FROM assignments a WHERE a.unit_id = $4
         UNION SELECT $5::uuid WHERE $5::uuid IS NOT NULL
         UNION SELECT r.user_id FROM access_rules r WHERE r.user_id IS NOT NULL AND r.id = ANY($6::uuid[])
         UNION SELECT m.user_id FROM access_rules r JOIN user_group_members m ON m.group_id = r.group_id
                WHERE r.id = ANY($6::uuid[]))
       SELECT u.id, u.username, u.full_name, u.active, ${sees} AS sees,
              (SELECT coalesce(json_agg(json_build_object('unitId', a.unit_id, 'profile', a.profile)), '[]')
                 FROM assignments a WHERE a.user_id = u.id) AS assignments,
              ARRAY(SELECT m.group_id FROM user_group_members m WHERE m.user_id = u.id) AS group_ids
         FROM named JOIN users u ON u.id = named.user_id
         JOIN processes p ON p.id = $1
         LEFT JOIN documents d ON d.id = $3::uuid
        ORDER BY u.full_name, u.id`,
      [t.processId, now, t.documentId, t.unitId, t.responsibleMemberId, rules.map((r) => r.id)],
    );
    const groupNames = await this.groupNames(rules);
    const toRule = (r: RuleRow): AccessRule => ({
      id: r.id,
      ...subjectOf(r),
      effect: r.effect,
      expiresAt: r.expires_at,
      level: r.level,
    });
    const process: GuardedProcess = {
      unitId: t.unitId,
      secrecyLevel: t.processLevel,
      responsibleMemberId: t.responsibleMemberId,
      rules: rules.filter((r) => r.process_id).map(toRule),
    };
    return {
      processId: t.processId,
      documentId: t.documentId,
      number: t.number,
      secrecyLevel: t.level,
      unitId: t.unitId,
      everyone: t.level === 0,
      entries: candidates.map((c) => {
        const viewer: Viewer = { userId: c.id, assignments: c.assignments, groupIds: c.group_ids };
        const decision = t.documentId
          ? documentAccess(
              viewer,
              {
                secrecyLevel: t.level,
                unitId: t.unitId,
                process,
                rules: rules.filter((r) => r.document_id).map(toRule),
              },
              now,
            )
          : processAccess(viewer, process, now);
        return {
          userId: c.id,
          username: c.username,
          fullName: c.full_name,
          active: c.active,
          sees: c.sees,
          reasons: decision.reasons.map((r) => reasonDto(r, groupNames)),
        };
      }),
    };
  }

  private async groupNames(rules: RuleRow[]): Promise<Map<string, string>> {
    const ids = rules.map((r) => r.group_id).filter((id): id is string => !!id);
    if (!ids.length) return new Map();
    const rows = await this.dataSource.query<{ id: string; name: string }[]>(
      `SELECT id, name FROM user_groups WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((g) => [g.id, g.name]));
  }
}

function reasonDto(r: AccessReason, groupNames: Map<string, string>): AccessReasonDto {
  if (!('expiresAt' in r)) return { ...r };
  return {
    ...r,
    ...(r.groupId ? { groupName: groupNames.get(r.groupId) } : {}),
    expiresAt: r.expiresAt?.toISOString() ?? null,
  };
}
