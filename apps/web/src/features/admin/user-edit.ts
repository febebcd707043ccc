import type { Schemas } from '../../api';
import type { Profile } from '@domain/profiles';
import { needsLinkedMember } from './organisation';

type User = Schemas['UserDto'];
type Assignment = Schemas['AssignmentDto'];

/** An assignment as the editor holds it: a new row has no profile or unit until they are chosen. */
export interface AssignmentRow {
  unitId: string | null;
  profile: Profile | null;
  secretaria: boolean;
  linkedMemberId: string | null;
}

export type ReadyRow = AssignmentRow & { profile: Profile };

/** Whether every row names its profile and, but for ADMIN (the whole institution), its unit. */
export function assignmentsReady(rows: AssignmentRow[]): rows is ReadyRow[] {
  return rows.every((r) => r.profile !== null && (r.profile === 'ADMIN' || r.unitId !== null));
}

export interface UserForm {
  fullName: string;
  email: string;
  active: boolean;
  /** The assignments the viewer may change; the others stay as they are. */
  assignments: AssignmentRow[];
}

/** The editor's starting point: the user's data, and its assignments split into those the viewer changes and the rest. */
export function editForm(
  user: User,
  mayChange: (a: Assignment) => boolean,
): { form: UserForm & { assignments: ReadyRow[] }; kept: Assignment[] } {
  return {
    form: {
      fullName: user.fullName,
      email: user.email,
      active: user.active,
      assignments: user.assignments.filter(mayChange).map((a) => ({
        unitId: a.unitId,
        profile: a.profile,
        secretaria: a.secretaria,
        linkedMemberId: a.linkedMemberId,
      })),
    },
    kept: user.assignments.filter((a) => !mayChange(a)),
  };
}

/** A row as the API takes it: ADMIN has no unit, and only ANALYST and ASSISTANT name a member. */
function toInput(row: ReadyRow): Schemas['AssignmentInput'] {
  const profile = row.profile;
  return {
    unitId: profile === 'ADMIN' ? null : row.unitId,
    profile,
    secretaria: profile === 'ADMIN' ? false : row.secretaria,
    linkedMemberId: needsLinkedMember(profile) ? row.linkedMemberId : null,
  };
}

const same = (a: Schemas['AssignmentInput'][], b: Schemas['AssignmentInput'][]) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * The PATCH that turns `user` into `form`: only what changed, so that a manager who may
 * change a user's assignments but not its personal data (mayEditUser) is not refused for
 * resending the same name. Null when nothing changed.
 */
export function userPatch(
  user: User,
  form: UserForm & { assignments: ReadyRow[] },
  mayChange: (a: Assignment) => boolean,
): Schemas['UpdateUserDto'] | null {
  const patch: Schemas['UpdateUserDto'] = { version: user.version };
  if (form.fullName.trim() !== user.fullName) patch.fullName = form.fullName.trim();
  if (form.email.trim() !== user.email) patch.email = form.email.trim();
  if (form.active !== user.active) patch.active = form.active;
  const before = user.assignments.filter(mayChange).map(toInput);
  const after = form.assignments.map(toInput);
  if (!same(before, after)) patch.assignments = after;
  return Object.keys(patch).length > 1 ? patch : null;
}
