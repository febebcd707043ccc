import { Conflict, MEMBER_PROFILES, NotFound, ValidationFailed } from '@acervo/domain';
import { DistributionGroupEntity, DistributionGroupMemberEntity } from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AuditTrail } from '../../common/audit/audit-trail';
import type { Actor } from '../../common/auth/actor';
import { translateConstraint } from '../../common/database-errors';
import { toPage } from '../../common/pagination';
import { pageOfIds } from '../../common/named-pages';
import { OrganisationAccess } from '../users/organisation-access';
import type {
  CreateDistributionGroupDto,
  DistributionGroupDto,
  DistributionGroupListDto,
  DistributionGroupsQuery,
  DistributionMemberInput,
} from './dto/distribution-group.dto';

const GROUP_NOT_FOUND = 'Grupo de distribuição não encontrado.';
const duplicateName = () =>
  new Conflict('O órgão já tem um grupo de distribuição com este nome.', [{ field: 'name', message: 'nome já usado' }]);

/** Distribution groups and their members in exercise; the draws themselves come with the lottery. */
@Injectable()
export class DistributionGroupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OrganisationAccess,
    private readonly audit: AuditTrail,
  ) {}

  async create(actor: Actor, dto: CreateDistributionGroupDto): Promise<DistributionGroupDto> {
    this.access.assertMayManageUnit(actor, dto.unitId);
    try {
      return await this.dataSource.transaction(async (tx) => {
        if (!(await tx.query(`SELECT 1 FROM units WHERE id = $1`, [dto.unitId])).length) {
          throw new ValidationFailed([{ field: 'unitId', message: 'órgão não encontrado' }]);
        }
        const group = await tx
          .getRepository(DistributionGroupEntity)
          .save({ name: dto.name.trim(), unitId: dto.unitId });
        await this.putMembers(tx, group.id, dto.members ?? [], 'members');
        const after = await this.read(tx, group.id);
        await this.audit.record(tx, actor, {
          action: 'distribution_group.created',
          entityType: 'distribution_group',
          entityId: group.id,
          after,
        });
        return after;
      });
    } catch (e) {
      throw translateConstraint(e, { UQ_distribution_groups_unit_name: duplicateName });
    }
  }

  /** Adds a member, or changes its weight and designation dates (ends_on marks it away). */
  async putMember(actor: Actor, groupId: string, member: DistributionMemberInput): Promise<DistributionGroupDto> {
    return this.dataSource.transaction(async (tx) => {
      const group = await tx
        .getRepository(DistributionGroupEntity)
        .findOne({ where: { id: groupId }, lock: { mode: 'pessimistic_write' } });
      if (!group) throw new NotFound(GROUP_NOT_FOUND);
      this.access.assertMayManageUnit(actor, group.unitId);
      const before = await this.read(tx, groupId);
      await this.putMembers(tx, groupId, [member]);
      await tx.query(`UPDATE distribution_groups SET version = version + 1, updated_at = now() WHERE id = $1`, [
        groupId,
      ]);
      const after = await this.read(tx, groupId);
      await this.audit.record(tx, actor, {
        action: 'distribution_group.member_set',
        entityType: 'distribution_group',
        entityId: groupId,
        before,
        after,
      });
      return after;
    });
  }

  async list(query: DistributionGroupsQuery): Promise<DistributionGroupListDto> {
    const rows = await pageOfIds(this.dataSource, 'distribution_groups', query);
    const items = await this.readMany(
      this.dataSource.manager,
      rows.map((r) => r.id),
    );
    const keys = new Map(rows.map((r) => [r.id, r.sort_key]));
    return toPage(items, query.limit, (g) => keys.get(g.id)!);
  }

  get(id: string): Promise<DistributionGroupDto> {
    return this.read(this.dataSource.manager, id);
  }

  /**
   * Only members (who act and receive distribution) may be drawn; each is sent its drawn
   * processes in one of its member units (the only one, unless named). Checked before writing.
   */
  private async putMembers(tx: EntityManager, groupId: string, members: DistributionMemberInput[], field?: string) {
    const ids = members.map((m) => m.userId);
    const memberUnits = await tx.query<{ user_id: string; units: string[] }[]>(
      `SELECT a.user_id, array_agg(DISTINCT a.unit_id) AS units FROM assignments a JOIN users u ON u.id = a.user_id
        WHERE a.user_id = ANY($1::uuid[]) AND a.profile = ANY($2::text[]) AND u.active GROUP BY a.user_id`,
      [ids, MEMBER_PROFILES],
    );
    const unitsOf = new Map(memberUnits.map((r) => [r.user_id, r.units]));
    const at = (i: number, name: string) => (field ? `${field}.${i}.${name}` : name);
    const unitOf = (m: DistributionMemberInput) => {
      const units = unitsOf.get(m.userId) ?? [];
      return m.unitId ?? (units.length === 1 ? units[0] : null);
    };
    const problems = members.flatMap((m, i) => [
      ...(unitsOf.has(m.userId) ? [] : [{ field: at(i, 'userId'), message: 'o usuário não é membro ativo' }]),
      ...(m.unitId && unitsOf.has(m.userId) && !unitsOf.get(m.userId)!.includes(m.unitId)
        ? [{ field: at(i, 'unitId'), message: 'o usuário não é membro deste órgão' }]
        : []),
      ...(m.startsOn && m.endsOn && m.startsOn > m.endsOn
        ? [{ field: at(i, 'endsOn'), message: 'o fim deve ser depois do início' }]
        : []),
      ...(ids.indexOf(m.userId) !== i ? [{ field: at(i, 'userId'), message: 'membro repetido' }] : []),
    ]);
    if (problems.length) throw new ValidationFailed(problems);
    if (!members.length) return;
    // The counter (`received`) is the lottery's: a member's weight or dates change, its count
    // stays. A member joining starts level with the least served one, not at zero — else
    // compensation would hand it every draw until it caught up with years of the group.
    const [{ existing, least }] = await tx.query<{ existing: string[]; least: number }[]>(
      `SELECT coalesce(array_agg(user_id), '{}') AS existing, coalesce(min(received), 0)::int AS least
         FROM distribution_group_members WHERE group_id = $1`,
      [groupId],
    );
    const rows = members.map((m) => ({
      groupId,
      userId: m.userId,
      weight: String(m.weight ?? 1),
      unitId: unitOf(m),
      startsOn: m.startsOn ?? null,
      endsOn: m.endsOn ?? null,
    }));
    const repository = tx.getRepository(DistributionGroupMemberEntity);
    const joining = rows.filter((r) => !existing.includes(r.userId));
    if (joining.length) await repository.insert(joining.map((r) => ({ ...r, received: least })));
    const staying = rows.filter((r) => existing.includes(r.userId));
    if (staying.length) await repository.upsert(staying, ['groupId', 'userId']);
  }

  private async read(db: EntityManager, id: string): Promise<DistributionGroupDto> {
    const [group] = await this.readMany(db, [id]);
    if (!group) throw new NotFound(GROUP_NOT_FOUND);
    return group;
  }

  /** Groups with their members in two queries, in the order of `ids`. */
  private async readMany(db: EntityManager, ids: string[]): Promise<DistributionGroupDto[]> {
    if (!ids.length) return [];
    const groups = await db.getRepository(DistributionGroupEntity).findBy({ id: In(ids) });
    const members = await db.query<
      {
        group_id: string;
        user_id: string;
        username: string;
        full_name: string;
        weight: string;
        unit_id: string | null;
        received: number;
        starts_on: string | null;
        ends_on: string | null;
      }[]
    >(
      `SELECT m.group_id, m.user_id, u.username, u.full_name, m.weight, m.unit_id, m.received,
              to_char(m.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(m.ends_on, 'YYYY-MM-DD') AS ends_on
         FROM distribution_group_members m JOIN users u ON u.id = m.user_id
        WHERE m.group_id = ANY($1::uuid[]) ORDER BY lower(u.username)`,
      [ids],
    );
    const byId = new Map(groups.map((g) => [g.id, g]));
    return ids.flatMap((id) => {
      const group = byId.get(id);
      if (!group) return [];
      return [
        {
          id: group.id,
          name: group.name,
          unitId: group.unitId,
          version: group.version,
          members: members
            .filter((m) => m.group_id === id)
            .map((m) => ({
              userId: m.user_id,
              username: m.username,
              fullName: m.full_name,
              weight: Number(m.weight),
              unitId: m.unit_id,
              received: m.received,
              startsOn: m.starts_on,
              endsOn: m.ends_on,
            })),
        },
      ];
    });
  }
}
