import { MEMBER_PROFILES } from '../organisation/assignments';
import type { Actor } from '../processes/acting';

/**
 * Who writes templates (issue 9, DOMAIN §1): ADMIN those of the institution (no unit); the
 * members of a unit — CHIEF, MEMBER, ON_DUTY — that unit's.
 */
export function mayManageTemplates(actor: Actor, unitId: string | null): boolean {
  if (unitId === null) return actor.assignments.some((a) => a.profile === 'ADMIN');
  return actor.assignments.some((a) => a.unitId === unitId && MEMBER_PROFILES.includes(a.profile));
}

/** The units whose templates the actor may use: the institution's are everyone's. */
export function templateUnitsOf(actor: Actor): string[] {
  return [...new Set(actor.assignments.flatMap((a) => (a.unitId ? [a.unitId] : [])))];
}
