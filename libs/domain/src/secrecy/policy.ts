import { type Profile, SECRECY_CAP } from '../profiles';

/** Secrecy levels of DOMAIN §4.1: 0 public … 5 responsible member only. */
export const SECRECY_LEVELS = [0, 1, 2, 3, 4, 5] as const;
export type SecrecyLevel = (typeof SECRECY_LEVELS)[number];

export function isSecrecyLevel(value: unknown): value is SecrecyLevel {
  return typeof value === 'number' && (SECRECY_LEVELS as readonly number[]).includes(value);
}

/** Who asks: the user and its assignments (the policy's only input about people). */
export interface Viewer {
  userId: string;
  assignments: ReadonlyArray<{ unitId: string | null; profile: Profile }>;
}

/** What the policy needs to know about a process. */
export interface GuardedProcess {
  /** The unit where the process currently is: "unit users" are judged there. */
  unitId: string;
  secrecyLevel: SecrecyLevel;
  responsibleMemberId: string | null;
}

/**
 * - `full`: parties, events, documents;
 * - `details`: class, subject, date, status, unit only (level 1, asked by exact number);
 * - `none`: not listed, not counted, not hinted at.
 */
export type Visibility = 'full' | 'details' | 'none';

/** How the viewer reaches the process: through a list/search, or asking for its exact number. */
export type Reach = 'list' | 'exact_number';

/** The highest level the viewer sees by the level table in a unit (-1: not a user of it). */
export function capIn(viewer: Viewer, unitId: string): number {
  let cap = -1;
  for (const a of viewer.assignments) if (a.unitId === unitId) cap = Math.max(cap, SECRECY_CAP[a.profile]);
  return cap;
}

/**
 * The level table of DOMAIN §4.1 (explicit permissions and denials come with the secrecy
 * issue and take precedence over it). Its SQL twin is `processVisibilitySql` in
 * libs/persistence; a test holds the two to the same answers.
 */
export function processVisibility(viewer: Viewer, process: GuardedProcess, reach: Reach = 'list'): Visibility {
  const level = process.secrecyLevel;
  if (level === 0) return 'full';
  if (level === 5) return process.responsibleMemberId === viewer.userId ? 'full' : 'none';
  if (capIn(viewer, process.unitId) >= level) return 'full';
  if (level === 1 && reach === 'exact_number') return 'details';
  return 'none';
}

/** The name a party is shown under: secret parties are "Parte sigilosa" without full content. */
export const SECRET_PARTY_NAME = 'Parte sigilosa';

export function partyNameFor(visibility: Visibility, party: { name: string; secret: boolean }): string {
  return party.secret && visibility !== 'full' ? SECRET_PARTY_NAME : party.name;
}
