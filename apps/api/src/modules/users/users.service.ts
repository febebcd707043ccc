import {
  type AssignmentDraft,
  assignmentProblems,
  Conflict,
  Forbidden,
  inScope,
  isValidCpf,
  MEMBER_PROFILES,
  normalizeCpf,
  ValidationFailed,
} from '@acervo/domain';
import { AssignmentEntity, UserEntity } from '@acervo/persistence';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail } from '../../common/audit/audit-trail';
import type { Actor } from '../../common/auth/actor';
import { translateConstraint } from '../../common/database-errors';
import { PasswordService } from '../auth/password.service';
import { SessionService } from '../auth/session.service';
import type { CreateUserDto, UpdateUserDto, UserDto } from './dto/user.dto';
import { OrganisationAccess } from './organisation-access';
import { staleVersion } from '../../common/stale-version';
import { loadAssignmentFacts, toDrafts } from './user-assignments';
import { UserReader } from './user-reader';

const duplicateUsername = () =>
  new Conflict('Já existe um usuário com este nome de usuário.', [
    { field: 'username', message: 'nome de usuário já usado (maiúsculas e minúsculas não distinguem)' },
  ]);
const duplicateCpf = () =>
  new Conflict('Já existe um usuário com este CPF.', [{ field: 'cpf', message: 'CPF já cadastrado' }]);
const CONSTRAINTS = { users_username_lower_key: duplicateUsername, users_cpf_key: duplicateCpf };

/** Registering and editing users and their assignments (lotações). */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OrganisationAccess,
    private readonly reader: UserReader,
    private readonly audit: AuditTrail,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
  ) {}

  /** Registers a user without a password; the user is mailed a link to choose one. */
  async create(actor: Actor, dto: CreateUserDto): Promise<UserDto> {
    const cpf = normalizeCpf(dto.cpf);
    if (!isValidCpf(cpf))
      throw new ValidationFailed([{ field: 'cpf', message: 'CPF inválido (dígitos verificadores)' }]);
    const drafts = toDrafts(dto.assignments);
    let created: UserDto;
    try {
      created = await this.dataSource.transaction(async (tx) => {
        await this.checkAssignments(tx, drafts);
        this.access.assertMayGrant(actor, drafts);
        const user = await tx.getRepository(UserEntity).save(
          tx.getRepository(UserEntity).create({
            username: dto.username,
            fullName: dto.fullName.trim(),
            cpf,
            email: dto.email,
            registrationNumber: dto.registrationNumber ?? null,
            passwordHash: null,
          }),
        );
        await insertAssignments(tx, user.id, drafts);
        const after = await this.reader.byId(user.id, { db: tx });
        await this.audit.record(tx, actor, { action: 'user.created', entityType: 'user', entityId: user.id, after });
        return after;
      });
    } catch (e) {
      throw translateConstraint(e, CONSTRAINTS);
    }
    // After the commit, and without holding the answer for it (a slow SMTP server could
    // keep the administrator waiting for its timeouts): a failed mail does not undo the
    // registration; "forgot password" resends.
    void this.passwords.sendFirstPasswordLink(created).catch((e: unknown) => {
      this.logger.error(`first-password link for ${created.username} not sent: ${String(e)}`);
    });
    return created;
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserDto> {
    try {
      return await this.dataSource.transaction(async (tx) => {
        const before = await this.reader.byId(id, { lock: true, db: tx });
        this.access.assertReadable(actor, before.assignments);
        if (before.version !== dto.version) throw staleVersion();

        const { version: _, assignments, ...personal } = dto;
        if (Object.keys(personal).length) this.access.assertMayEdit(actor, before.assignments);
        if (assignments) await this.replaceAssignments(tx, actor, before, toDrafts(assignments));

        await tx
          .createQueryBuilder()
          .update(UserEntity)
          .set({ ...personal, version: () => 'version + 1' })
          .where('id = :id', { id })
          .execute();
        if (personal.active === false && before.active) await this.sessions.closeAll(id, tx);

        const after = await this.reader.byId(id, { db: tx });
        await this.audit.record(tx, actor, { action: 'user.updated', entityType: 'user', entityId: id, before, after });
        return after;
      });
    } catch (e) {
      throw translateConstraint(e, CONSTRAINTS);
    }
  }

  /**
   * Replaces the user's assignments in the units the actor manages; those elsewhere stay.
   * What the actor removes or changes must be within its reach, as what it grants.
   */
  private async replaceAssignments(tx: EntityManager, actor: Actor, user: UserDto, drafts: AssignmentDraft[]) {
    if (user.id === actor.userId) throw new Forbidden('Ninguém altera as próprias lotações.');
    const scope = this.access.manageScope(actor);
    const [touched, kept] = partition(user.assignments, (a) => inScope(scope, a.unitId));
    this.access.assertMayGrant(actor, drafts);
    this.access.assertMayRevoke(actor, touched);
    // The request's drafts first, so problems name their index in the request.
    const next = [...drafts, ...kept];
    await this.checkAssignments(tx, next, user.id);
    await this.checkLinkedStaffKeepTheirMember(tx, user.id, next);

    await tx.getRepository(AssignmentEntity).delete({ userId: user.id });
    await insertAssignments(tx, user.id, next);
  }

  private async checkAssignments(tx: EntityManager, drafts: readonly AssignmentDraft[], userId?: string) {
    const problems = assignmentProblems(drafts, await loadAssignmentFacts(tx, drafts), userId);
    if (problems.length) throw new ValidationFailed(problems);
  }

  /** A member who stops being one in a unit would leave its analysts and assistants there unlinked. */
  private async checkLinkedStaffKeepTheirMember(tx: EntityManager, userId: string, next: readonly AssignmentDraft[]) {
    const stillMemberIn = next.filter((a) => MEMBER_PROFILES.includes(a.profile)).map((a) => a.unitId);
    const orphans = await tx.query<{ unit_id: string }[]>(
      `SELECT DISTINCT unit_id FROM assignments
        WHERE linked_member_id = $1 AND user_id <> $1 AND NOT (unit_id = ANY($2::uuid[]))`,
      [userId, stillMemberIn.filter(Boolean)],
    );
    if (orphans.length) {
      throw new Conflict('Há analistas ou assistentes vinculados a este membro no órgão; desvincule-os antes.', [
        { field: 'assignments', message: 'membro com servidores vinculados' },
      ]);
    }
  }
}

async function insertAssignments(tx: EntityManager, userId: string, drafts: readonly AssignmentDraft[]) {
  if (!drafts.length) return;
  await tx.getRepository(AssignmentEntity).insert(
    drafts.map((d) => ({
      userId,
      unitId: d.unitId,
      profile: d.profile,
      secretaria: d.secretaria,
      linkedMemberId: d.linkedMemberId,
    })),
  );
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((i) => !test(i))];
}
