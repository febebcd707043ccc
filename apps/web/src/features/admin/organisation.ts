import { LINKED_PROFILES } from '@domain/organisation/assignments';
import { type HeldAssignment, inScope, managedUnits, offeredProfiles } from '@domain/organisation/management';
import { PROFILES, type Profile } from '@domain/profiles';
import { call, type Schemas, useApi } from '../../api';

type User = Schemas['UserDto'];

/** ANALYST and ASSISTANT work for a member of the same unit, whom they must name (DOMAIN §1). */
export const needsLinkedMember = (profile: Profile | null | undefined): boolean =>
  !!profile && LINKED_PROFILES.includes(profile);

/**
 * Whether the viewer manages users in a unit, by the server's own rule: the server refuses
 * changes elsewhere and keeps a user's assignments there as they are, so the screens offer
 * only these units.
 */
export function managesUnit(held: readonly HeldAssignment[], unitId: string | null): boolean {
  return inScope(managedUnits(held), unitId);
}

/**
 * The profiles an assignment's form offers: what the viewer may grant in its unit (in any
 * unit it manages while none is chosen — the forms hold no unit as null or undefined, an
 * ADMIN row included, whose profile an administrator grants anywhere), and the profile the
 * row already holds, so the choice still shows it — the server refuses a grant beyond the
 * viewer's reach anyway.
 */
export function profileChoices(
  held: readonly HeldAssignment[],
  unitId: string | null | undefined,
  current: Profile | null | undefined,
): Profile[] {
  const offered = offeredProfiles(held, unitId ?? undefined);
  return PROFILES.filter((p) => offered.includes(p) || p === current);
}

/**
 * The users who hold one of `profiles` in the unit itself. `GET /users?unitId=&profile=`
 * matches users assigned to the unit who hold the profile anywhere, so the list is narrowed here.
 */
export function holdersIn(users: readonly User[], unitId: string, profiles: readonly Profile[]): User[] {
  return users.filter(
    (u) => u.active && u.assignments.some((a) => a.unitId === unitId && profiles.includes(a.profile)),
  );
}

/** Every user assigned to a unit, following the cursor (a unit has tens of users, not thousands). */
export async function loadUnitUsers(unitId: string): Promise<User[]> {
  const all: User[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(useApi().GET('/api/v1/users', { params: { query: { unitId, limit: 200, cursor } } }));
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}
