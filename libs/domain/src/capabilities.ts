import type { Profile } from './profiles';

/** What a profile may do (DOMAIN §1, "may do"); the SPA shows and hides by these names. */
export const CAPABILITIES = [
  'processes.act',
  'processes.read_all',
  'documents.sign',
  'documents.draft',
  'documents.register_standalone',
  'petitions.file',
  'deadlines.close',
  'secrecy.decree',
  'distribution.distribute',
  'distribution.receive',
  'citations.receive',
  'urgent_intimations.receive',
  'docket.manage',
  'users.manage',
  'units.manage',
  'catalogues.manage',
  'reports.read',
  'audit.read',
] as const;

export type Capability = (typeof CAPABILITIES)[number];

const MEMBER: Capability[] = [
  'processes.act',
  'documents.sign',
  'documents.draft',
  'secrecy.decree',
  'distribution.receive',
];

export const PROFILE_CAPABILITIES: Readonly<Record<Profile, readonly Capability[]>> = {
  CHIEF: [...MEMBER, 'citations.receive', 'users.manage', 'reports.read', 'audit.read'],
  INSPECTOR: ['processes.read_all', 'reports.read', 'audit.read'],
  MEMBER,
  ON_DUTY: [...MEMBER, 'urgent_intimations.receive'],
  // The manager distributes and keeps the docket, but never acts on a process.
  MANAGER: ['users.manage', 'distribution.distribute', 'docket.manage'],
  ANALYST: ['petitions.file', 'distribution.distribute', 'deadlines.close', 'documents.draft'],
  ASSISTANT: ['documents.draft'],
  INTERN: ['documents.draft'],
  PROTOCOL: ['documents.register_standalone'],
  ADMIN: ['units.manage', 'users.manage', 'catalogues.manage'],
};

/** Every capability any of the given profiles grants, in the catalogue's order. */
export function capabilitiesOf(profiles: Iterable<Profile>): Capability[] {
  const granted = new Set<Capability>();
  for (const profile of profiles) for (const c of PROFILE_CAPABILITIES[profile]) granted.add(c);
  return CAPABILITIES.filter((c) => granted.has(c));
}
