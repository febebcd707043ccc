import {
  type AssignmentDraft,
  Forbidden,
  type HeldAssignment,
  grantableIn,
  grantProblems,
  inScope,
  managedUnits,
  mayEditUser,
  mayReadUsers,
  NotFound,
  readableUnits,
  type UnitScope,
} from '@acervo/domain';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';

export const USER_NOT_FOUND = 'Usuário não encontrado.';

/**
 * The one place that decides who may read and manage users, assignments, groups and duty
 * rosters, on the rules of libs/domain (organisation/management). Services ask it; no
 * check of this kind is written anywhere else.
 */
@Injectable()
export class OrganisationAccess {
  /** Units whose users the actor may read; refuses those who read no users at all. */
  readScope(actor: Actor): UnitScope {
    if (!mayReadUsers(actor.assignments)) throw new Forbidden('Seu perfil não permite consultar usuários.');
    return readableUnits(actor.assignments);
  }

  manageScope(actor: Actor): UnitScope {
    return managedUnits(actor.assignments);
  }

  /** A user outside the actor's units is "not found": its existence is not the actor's business. */
  assertReadable(actor: Actor, target: readonly HeldAssignment[]): void {
    const scope = this.readScope(actor);
    if (!scope.all && !target.some((a) => inScope(scope, a.unitId))) throw new NotFound(USER_NOT_FOUND);
  }

  assertMayManageUnit(actor: Actor, unitId: string | null, field = 'unitId'): void {
    if (!inScope(this.manageScope(actor), unitId)) {
      throw new Forbidden('Você não gerencia este órgão.', [{ field, message: 'você não gerencia este órgão' }]);
    }
  }

  assertMayGrant(actor: Actor, drafts: readonly AssignmentDraft[]): void {
    const problems = grantProblems(actor.assignments, drafts);
    if (problems.length) throw new Forbidden('Você não pode conceder estas lotações.', problems);
  }

  /** Taking a profile away is granting in reverse: only within the actor's reach. */
  assertMayRevoke(actor: Actor, current: readonly HeldAssignment[]): void {
    const beyond = current.find((a) => !grantableIn(actor.assignments, a.unitId).has(a.profile));
    if (beyond) {
      throw new Forbidden(`Seu perfil não pode alterar a lotação com o perfil ${beyond.profile}.`, [
        { field: 'assignments', message: `lotação com o perfil ${beyond.profile} fora do seu alcance` },
      ]);
    }
  }

  assertMayEdit(actor: Actor, target: readonly HeldAssignment[]): void {
    if (!mayEditUser(actor.assignments, target)) {
      throw new Forbidden('Seu perfil não permite alterar este usuário.');
    }
  }
}
