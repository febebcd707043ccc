import type { FieldError } from '../errors';
import { PROFILES, type Profile } from '../profiles';
import type { AssignmentDraft } from './assignments';

/** An assignment the actor holds, as the authorization rules see it. */
export interface HeldAssignment {
  unitId: string | null;
  profile: Profile;
}

/**
 * Which profiles a manager may grant in the units it manages: never above its own reach.
 * A MANAGER does not act on processes, so it cannot make members or a chief; the
 * Corregedoria and the system administration are outside any office's hierarchy.
 */
export const GRANTABLE_PROFILES: Readonly<Partial<Record<Profile, readonly Profile[]>>> = {
  ADMIN: ['CHIEF', 'INSPECTOR', 'MEMBER', 'ON_DUTY', 'MANAGER', 'ANALYST', 'ASSISTANT', 'INTERN', 'PROTOCOL', 'ADMIN'],
  CHIEF: ['CHIEF', 'MEMBER', 'ON_DUTY', 'MANAGER', 'ANALYST', 'ASSISTANT', 'INTERN', 'PROTOCOL'],
  MANAGER: ['MANAGER', 'ANALYST', 'ASSISTANT', 'INTERN', 'PROTOCOL'],
};

/** Profiles that register and edit users (each within its units and reach). */
export const USER_MANAGER_PROFILES = Object.keys(GRANTABLE_PROFILES) as Profile[];

/** Profiles that read the users of their units: the managers and the Corregedoria. */
export const USER_READER_PROFILES: readonly Profile[] = [...USER_MANAGER_PROFILES, 'INSPECTOR'];

/** Units an actor's rule applies to: every unit, or the listed ones. */
export type UnitScope = { all: true } | { all: false; units: ReadonlySet<string> };

function scopeOf(held: readonly HeldAssignment[], profiles: readonly Profile[]): UnitScope {
  if (held.some((a) => a.profile === 'ADMIN')) return { all: true };
  const units = new Set(held.filter((a) => a.unitId && profiles.includes(a.profile)).map((a) => a.unitId!));
  return { all: false, units };
}

export function inScope(scope: UnitScope, unitId: string | null): boolean {
  return scope.all || (unitId !== null && scope.units.has(unitId));
}

/** Units whose users and assignments the actor registers and edits. */
export function managedUnits(held: readonly HeldAssignment[]): UnitScope {
  return scopeOf(held, USER_MANAGER_PROFILES);
}

/** Units whose users the actor may list and read (managers and the Corregedoria). */
export function readableUnits(held: readonly HeldAssignment[]): UnitScope {
  return scopeOf(held, USER_READER_PROFILES);
}

/** Whether the actor may list users at all: nobody outside management and inspection does. */
export function mayReadUsers(held: readonly HeldAssignment[]): boolean {
  const scope = readableUnits(held);
  return scope.all || scope.units.size > 0;
}

/** The profiles the actor may grant in a unit: the union over its managing assignments there. */
export function grantableIn(held: readonly HeldAssignment[], unitId: string | null): ReadonlySet<Profile> {
  const granted = new Set<Profile>();
  for (const a of held) {
    if (a.profile !== 'ADMIN' && a.unitId !== unitId) continue;
    for (const p of GRANTABLE_PROFILES[a.profile] ?? []) granted.add(p);
  }
  return granted;
}

/**
 * The profiles a form offers the actor for one assignment, in the profiles' order: those
 * it may grant in the unit chosen — `null` being the institution-wide assignment, as in
 * grantableIn — or, before a unit is chosen (`undefined`), in any unit it manages. The
 * server judges the pair when it is sent.
 */
export function offeredProfiles(held: readonly HeldAssignment[], unitId: string | null | undefined): Profile[] {
  const offered =
    unitId === undefined
      ? new Set(held.flatMap((a) => GRANTABLE_PROFILES[a.profile] ?? []))
      : grantableIn(held, unitId);
  return PROFILES.filter((p) => offered.has(p));
}

/**
 * Why the actor may not grant each of these assignments (unit outside its management,
 * or a profile above its reach), naming the field.
 */
export function grantProblems(held: readonly HeldAssignment[], drafts: readonly AssignmentDraft[]): FieldError[] {
  const problems: FieldError[] = [];
  const scope = managedUnits(held);
  drafts.forEach((draft, i) => {
    if (draft.unitId !== null && !inScope(scope, draft.unitId)) {
      problems.push({ field: `assignments.${i}.unitId`, message: 'você não gerencia usuários deste órgão' });
    } else if (!grantableIn(held, draft.unitId).has(draft.profile)) {
      problems.push({
        field: `assignments.${i}.profile`,
        message: `seu perfil não pode conceder o perfil ${draft.profile}`,
      });
    }
  });
  return problems;
}

/**
 * Whether the actor may edit a user's personal data (name, e-mail, active flag): the user
 * must work in a unit the actor manages, and hold no profile above the actor's reach in
 * any unit — changing a chief's e-mail would let a manager take the chief's account over
 * through a password reset.
 */
export function mayEditUser(held: readonly HeldAssignment[], target: readonly HeldAssignment[]): boolean {
  const scope = managedUnits(held);
  if (scope.all) return true;
  if (!target.some((a) => inScope(scope, a.unitId))) return false;
  const reach = new Set(held.flatMap((a) => GRANTABLE_PROFILES[a.profile] ?? []));
  return target.every((a) => reach.has(a.profile));
}
