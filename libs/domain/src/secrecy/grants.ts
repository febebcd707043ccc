import { ValidationFailed, Forbidden } from '../errors';
import { MEMBER_PROFILES } from '../organisation/assignments';
import type { Profile } from '../profiles';
import type { RuleEffect, RuleSubject } from './policy';

/** Who asks to grant, deny or explain: its user and assignments. */
export interface Grantor {
  userId: string;
  assignments: ReadonlyArray<{ unitId: string | null; profile: Profile }>;
}

/** What decides who grants on a process or document: where the process is and its level. */
export interface GrantTarget {
  unitId: string;
  secrecyLevel: number;
  responsibleMemberId: string | null;
}

/**
 * Who grants or denies access (DOMAIN §4.3): the members of the unit where the process is;
 * on level 5, only its responsible member. Null when allowed.
 */
export function refuseGrant(grantor: Grantor, target: GrantTarget): Forbidden | null {
  if (target.secrecyLevel === 5) {
    return target.responsibleMemberId === grantor.userId
      ? null
      : new Forbidden('No nível 5, só o membro responsável concede ou nega acesso.');
  }
  const member = grantor.assignments.some((a) => a.unitId === target.unitId && MEMBER_PROFILES.includes(a.profile));
  return member ? null : new Forbidden('Só um membro do órgão onde está o processo concede ou nega acesso.');
}

/**
 * Who reads the access explainer and the authorisation list (DOMAIN §4.3): the members of
 * the unit (the responsible one on level 5) and the Corregedoria (INSPECTOR).
 */
export function mayExplainAccess(grantor: Grantor, target: GrantTarget): boolean {
  return grantor.assignments.some((a) => a.profile === 'INSPECTOR') || refuseGrant(grantor, target) === null;
}

export interface RuleRequest {
  subjectType: RuleSubject;
  subjectId: string;
  effect: RuleEffect;
  expiresAt: Date | null;
}

/**
 * The checks a new rule passes whatever it targets: an expiry in the future, and no
 * denial that would shut out the one granting it (on level 5 that would leave the
 * process with nobody to see or manage it).
 */
export function ruleRequestProblems(
  grantor: Grantor & { groupIds: readonly string[] },
  rule: RuleRequest,
  now: Date,
): ValidationFailed | null {
  if (rule.expiresAt && rule.expiresAt.getTime() <= now.getTime()) {
    return new ValidationFailed([{ field: 'expiresAt', message: 'a validade deve estar no futuro' }]);
  }
  const self =
    rule.subjectType === 'USER' ? rule.subjectId === grantor.userId : grantor.groupIds.includes(rule.subjectId);
  if (rule.effect === 'DENY' && self) {
    return new ValidationFailed([{ field: 'subjectId', message: 'não é possível negar acesso a si mesmo' }]);
  }
  return null;
}

/** Document grants (DOMAIN §4.3): the level named must be every document's level (bulk: one level). */
export function documentLevelProblems(level: number, documentLevels: readonly number[]): ValidationFailed | null {
  return documentLevels.every((l) => l === level)
    ? null
    : new ValidationFailed([
        { field: 'level', message: 'o nível da permissão deve ser o nível de sigilo de cada documento' },
      ]);
}
