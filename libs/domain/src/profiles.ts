/** Profiles of DOMAIN §1; each assignment (lotação) carries exactly one. */
export const PROFILES = [
  'CHIEF',
  'INSPECTOR',
  'MEMBER',
  'ON_DUTY',
  'MANAGER',
  'ANALYST',
  'ASSISTANT',
  'INTERN',
  'PROTOCOL',
  'ADMIN',
] as const;

export type Profile = (typeof PROFILES)[number];

/** Highest secrecy level each profile may see by the level table (DOMAIN §1). */
export const SECRECY_CAP: Readonly<Record<Profile, number>> = {
  CHIEF: 5,
  INSPECTOR: 4,
  MEMBER: 5,
  ON_DUTY: 5,
  MANAGER: 4,
  ANALYST: 2,
  ASSISTANT: 1,
  INTERN: 1,
  PROTOCOL: 0,
  ADMIN: 0,
};

export function isProfile(value: unknown): value is Profile {
  return typeof value === 'string' && (PROFILES as readonly string[]).includes(value);
}
