import { PROFILES, type Profile, SECRECY_CAP } from '../profiles';
import type { AssignmentDraft } from './assignments';
import {
  GRANTABLE_PROFILES,
  grantProblems,
  type HeldAssignment,
  inScope,
  managedUnits,
  mayEditUser,
  mayReadUsers,
  offeredProfiles,
  readableUnits,
} from './management';

const A = 'unit-a';
const B = 'unit-b';
const held = (profile: Profile, unitId: string | null = A): HeldAssignment[] => [{ profile, unitId }];
const draft = (profile: Profile, unitId: string | null = A): AssignmentDraft => ({
  unitId,
  profile,
  secretaria: false,
  linkedMemberId: null,
});

describe(managedUnits.name, () => {
  it('gives ADMIN every unit', () => {
    expect(managedUnits(held('ADMIN', null))).toEqual({ all: true });
  });

  it.each<Profile>(['CHIEF', 'MANAGER'])('gives %s the units where it holds that profile', (profile) => {
    const scope = managedUnits([...held(profile, A), ...held('MEMBER', B)]);
    expect(inScope(scope, A)).toBe(true);
    expect(inScope(scope, B)).toBe(false);
  });

  it.each(PROFILES.filter((p) => !['ADMIN', 'CHIEF', 'MANAGER'].includes(p)))('gives %s no unit', (profile) => {
    expect(managedUnits(held(profile))).toEqual({ all: false, units: new Set() });
  });
});

describe(mayReadUsers.name, () => {
  it.each<[Profile, boolean]>([
    ['ADMIN', true],
    ['CHIEF', true],
    ['MANAGER', true],
    ['INSPECTOR', true],
    ['MEMBER', false],
    ['ON_DUTY', false],
    ['ANALYST', false],
    ['ASSISTANT', false],
    ['INTERN', false],
    ['PROTOCOL', false],
  ])('%s → %s', (profile, expected) => {
    expect(mayReadUsers(held(profile, profile === 'ADMIN' ? null : A))).toBe(expected);
  });

  it('lets INSPECTOR read only its own units', () => {
    const scope = readableUnits(held('INSPECTOR', A));
    expect(inScope(scope, A)).toBe(true);
    expect(inScope(scope, B)).toBe(false);
  });
});

describe(grantProblems.name, () => {
  it('never lets a profile grant one it could not see beyond (reach within the secrecy cap)', () => {
    for (const [granter, grantable] of Object.entries(GRANTABLE_PROFILES)) {
      if (granter === 'ADMIN') continue;
      for (const p of grantable) expect(SECRECY_CAP[p]).toBeLessThanOrEqual(SECRECY_CAP[granter as Profile]);
    }
  });

  it.each<[Profile, Profile, boolean]>([
    ['CHIEF', 'MEMBER', true],
    ['CHIEF', 'CHIEF', true],
    ['CHIEF', 'ANALYST', true],
    ['CHIEF', 'INSPECTOR', false],
    ['CHIEF', 'ADMIN', false],
    ['MANAGER', 'ANALYST', true],
    ['MANAGER', 'PROTOCOL', true],
    ['MANAGER', 'MEMBER', false],
    ['MANAGER', 'ON_DUTY', false],
    ['MANAGER', 'CHIEF', false],
    ['MANAGER', 'INSPECTOR', false],
    ['INSPECTOR', 'INTERN', false],
    ['MEMBER', 'INTERN', false],
  ])('%s granting %s in its unit → %s', (granter, profile, allowed) => {
    const problems = grantProblems(held(granter), [draft(profile)]);
    expect(problems.length === 0).toBe(allowed);
  });

  it('lets ADMIN grant anything anywhere, ADMIN itself included', () => {
    expect(grantProblems(held('ADMIN', null), [draft('CHIEF', B), draft('ADMIN', null)])).toEqual([]);
  });

  it('refuses a unit the granter does not manage, naming unitId', () => {
    expect(grantProblems(held('CHIEF', A), [draft('INTERN', B)])).toEqual([
      { field: 'assignments.0.unitId', message: expect.stringMatching(/não gerencia/) },
    ]);
  });

  it('refuses a profile above reach, naming profile', () => {
    expect(grantProblems(held('MANAGER', A), [draft('MEMBER', A)])).toEqual([
      { field: 'assignments.0.profile', message: expect.stringMatching(/MEMBER/) },
    ]);
  });

  it('judges each unit by what the granter holds there', () => {
    const granter = [...held('CHIEF', A), ...held('MANAGER', B)];
    expect(grantProblems(granter, [draft('MEMBER', A)])).toEqual([]);
    expect(grantProblems(granter, [draft('MEMBER', B)])).toHaveLength(1);
  });
});

describe(mayEditUser.name, () => {
  it('lets a manager edit a user of its unit within its reach', () => {
    expect(mayEditUser(held('MANAGER', A), held('ANALYST', A))).toBe(true);
  });

  it('refuses a manager of unit A editing a user of unit B', () => {
    expect(mayEditUser(held('MANAGER', A), held('ANALYST', B))).toBe(false);
  });

  it('refuses a manager editing a member of its own unit (account takeover through the e-mail)', () => {
    expect(mayEditUser(held('MANAGER', A), held('MEMBER', A))).toBe(false);
  });

  it('refuses when the user holds a higher profile in another unit', () => {
    expect(mayEditUser(held('MANAGER', A), [...held('INTERN', A), ...held('CHIEF', B)])).toBe(false);
  });

  it('lets ADMIN edit anyone', () => {
    expect(mayEditUser(held('ADMIN', null), held('CHIEF', B))).toBe(true);
  });

  it('refuses everyone else', () => {
    expect(mayEditUser(held('INSPECTOR', A), held('INTERN', A))).toBe(false);
  });
});

describe(offeredProfiles.name, () => {
  it('offers an administrator every profile, in a unit or institution-wide', () => {
    expect(offeredProfiles(held('ADMIN', null), null)).toEqual([...PROFILES]);
    expect(offeredProfiles(held('ADMIN', null), B)).toEqual([...PROFILES]);
  });

  it('offers a manager what it grants in the unit chosen, and nothing where it manages nothing', () => {
    const manager = [...held('MANAGER', A), ...held('MEMBER', B)];
    expect(offeredProfiles(manager, A)).toEqual(['MANAGER', 'ANALYST', 'ASSISTANT', 'INTERN', 'PROTOCOL']);
    expect(offeredProfiles(manager, B)).toEqual([]);
    expect(offeredProfiles(manager, null)).toEqual([]);
  });

  it('offers, before a unit is chosen, the union of what it grants anywhere, in the profiles order', () => {
    const both = [...held('MANAGER', A), ...held('CHIEF', B)];
    expect(offeredProfiles(both, undefined)).toEqual(PROFILES.filter((p) => GRANTABLE_PROFILES.CHIEF!.includes(p)));
    expect(offeredProfiles(both, undefined)).not.toContain('ADMIN');
    expect(offeredProfiles(held('MEMBER'), undefined)).toEqual([]);
  });
});
