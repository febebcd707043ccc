import { Conflict, NotFound, ValidationFailed } from '@acervo/domain';
import { UserGroupEntity, UserGroupMemberEntity } from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail } from '../../common/audit/audit-trail';
import type { Actor } from '../../common/auth/actor';
import { translateConstraint } from '../../common/database-errors';
import { toPage } from '../../common/pagination';
import { pageOfIds } from '../../common/named-pages';
import type { CreateGroupDto, GroupDto, GroupListDto, GroupsQuery, UpdateGroupDto } from './dto/group.dto';
import { OrganisationAccess } from './organisation-access';
import { staleVersion } from '../../common/stale-version';

const GROUP_NOT_FOUND = 'Grupo não encontrado.';
const duplicateName = () =>
  new Conflict('O órgão já tem um grupo com este nome.', [{ field: 'name', message: 'nome já usado no órgão' }]);

/** User groups: named sets of users, subjects of explicit permissions on processes and documents. */
@Injectable()
export class GroupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OrganisationAccess,
    private readonly audit: AuditTrail,
  ) {}

  async create(actor: Actor, dto: CreateGroupDto): Promise<GroupDto> {
    const unitId = dto.unitId ?? null;
    this.access.assertMayManageUnit(actor, unitId);
    try {
      return await this.dataSource.transaction(async (tx) => {
        if (unitId && !(await tx.query(`SELECT 1 FROM units WHERE id = $1`, [unitId])).length) {
          throw new ValidationFailed([{ field: 'unitId', message: 'órgão não encontrado' }]);
        }
        const group = await tx.getRepository(UserGroupEntity).save({ name: dto.name.trim(), unitId });
        await this.setMembers(tx, group.id, dto.memberIds);
        const after = await this.read(tx, group.id);
        await this.audit.record(tx, actor, { action: 'group.created', entityType: 'group', entityId: group.id, after });
        return after;
      });
    } catch (e) {
      throw translateConstraint(e, { UQ_user_groups_unit_name: duplicateName });
    }
  }

  async update(actor: Actor, id: string, dto: UpdateGroupDto): Promise<GroupDto> {
    try {
      return await this.dataSource.transaction(async (tx) => {
        const group = await tx
          .getRepository(UserGroupEntity)
          .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!group) throw new NotFound(GROUP_NOT_FOUND);
        this.access.assertMayManageUnit(actor, group.unitId);
        if (group.version !== dto.version) throw staleVersion();
        const before = await this.read(tx, id);
        // Explicit: a change of members alone must move the version too.
        await tx.query(`UPDATE user_groups SET name = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
          id,
          dto.name?.trim() ?? group.name,
        ]);
        if (dto.memberIds) await this.setMembers(tx, id, dto.memberIds);
        const after = await this.read(tx, id);
        await this.audit.record(tx, actor, {
          action: 'group.updated',
          entityType: 'group',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    } catch (e) {
      throw translateConstraint(e, { UQ_user_groups_unit_name: duplicateName });
    }
  }

  /** Groups are listed to every signed-in user, who may grant a permission to one. */
  async list(query: GroupsQuery): Promise<GroupListDto> {
    const rows = await pageOfIds(this.dataSource, 'user_groups', query);
    const groups = await this.readMany(
      this.dataSource.manager,
      rows.map((r) => r.id),
    );
    const keys = new Map(rows.map((r) => [r.id, r.sort_key]));
    return toPage(groups, query.limit, (g) => keys.get(g.id)!);
  }

  async get(id: string): Promise<GroupDto> {
    return this.read(this.dataSource.manager, id);
  }

  private async setMembers(tx: EntityManager, groupId: string, memberIds: string[]): Promise<void> {
    const found = await tx.query<{ id: string }[]>(`SELECT id FROM users WHERE id = ANY($1::uuid[]) AND active`, [
      memberIds,
    ]);
    const known = new Set(found.map((r) => r.id));
    const unknown = memberIds.flatMap((id, i) =>
      known.has(id) ? [] : [{ field: `memberIds.${i}`, message: 'usuário não encontrado ou inativo' }],
    );
    if (unknown.length) throw new ValidationFailed(unknown);
    await tx.getRepository(UserGroupMemberEntity).delete({ groupId });
    if (memberIds.length) {
      await tx.getRepository(UserGroupMemberEntity).insert(memberIds.map((userId) => ({ groupId, userId })));
    }
  }

  private async read(db: EntityManager, id: string): Promise<GroupDto> {
    const [group] = await this.readMany(db, [id]);
    if (!group) throw new NotFound(GROUP_NOT_FOUND);
    return group;
  }

  private async readMany(db: EntityManager, ids: string[]): Promise<GroupDto[]> {
    if (!ids.length) return [];
    const groups = await db.query<{ id: string; name: string; unit_id: string | null; version: number }[]>(
      `SELECT id, name, unit_id, version FROM user_groups WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const members = await db.query<{ group_id: string; id: string; username: string; full_name: string }[]>(
      `SELECT m.group_id, u.id, u.username, u.full_name
         FROM user_group_members m JOIN users u ON u.id = m.user_id
        WHERE m.group_id = ANY($1::uuid[]) ORDER BY lower(u.username)`,
      [ids],
    );
    const byId = new Map(groups.map((g) => [g.id, g]));
    return ids.flatMap((id) => {
      const g = byId.get(id);
      if (!g) return [];
      return [
        {
          id: g.id,
          name: g.name,
          unitId: g.unit_id,
          version: g.version,
          members: members
            .filter((m) => m.group_id === id)
            .map((m) => ({ id: m.id, username: m.username, fullName: m.full_name })),
        },
      ];
    });
  }
}
