import type { Profile } from '../profiles';
import {
  type AccessRule,
  canSee,
  documentAccess,
  type GuardedDocument,
  type GuardedProcess,
  processAccess,
  processVisibility,
  type SecrecyLevel,
  type Viewer,
} from './policy';

const UNIT = 'unit-a';
const OTHER = 'unit-b';
const NOW = new Date('2026-11-23T12:00:00Z');
const LATER = new Date('2026-11-24T12:00:00Z');
const viewer = (
  profile: Profile,
  unitId: string | null = UNIT,
  userId = 'viewer',
  groupIds: string[] = [],
): Viewer => ({
  userId,
  assignments: [{ unitId, profile }],
  groupIds,
});
const proc = (
  secrecyLevel: SecrecyLevel,
  responsibleMemberId: string | null = 'responsible',
  rules: AccessRule[] = [],
): GuardedProcess => ({ unitId: UNIT, secrecyLevel, responsibleMemberId, rules });
const rule = (effect: AccessRule['effect'], more: Partial<AccessRule> = {}): AccessRule => ({
  subjectType: 'USER',
  subjectId: 'viewer',
  effect,
  expiresAt: null,
  ...more,
});
const doc = (
  secrecyLevel: SecrecyLevel,
  process: GuardedProcess | null,
  rules: AccessRule[] = [],
): GuardedDocument => ({
  secrecyLevel,
  unitId: UNIT,
  process,
  rules,
});

describe(processVisibility.name, () => {
  // DOMAIN §4.1, row by row, for users of the process's unit.
  const TABLE: Record<Profile, readonly string[]> = {
    //            0       1       2       3       4       5
    CHIEF: ['full', 'full', 'full', 'full', 'full', 'none'],
    INSPECTOR: ['full', 'full', 'full', 'full', 'full', 'none'],
    MEMBER: ['full', 'full', 'full', 'full', 'full', 'none'],
    ON_DUTY: ['full', 'full', 'full', 'full', 'full', 'none'],
    MANAGER: ['full', 'full', 'full', 'full', 'full', 'none'],
    ANALYST: ['full', 'full', 'full', 'none', 'none', 'none'],
    ASSISTANT: ['full', 'full', 'none', 'none', 'none', 'none'],
    INTERN: ['full', 'full', 'none', 'none', 'none', 'none'],
    PROTOCOL: ['full', 'none', 'none', 'none', 'none', 'none'],
    ADMIN: ['full', 'none', 'none', 'none', 'none', 'none'],
  };

  it.each(Object.entries(TABLE).flatMap(([profile, row]) => row.map((v, level) => [profile, level, v] as const)))(
    'unit %s at level %i in a list → %s',
    (profile, level, expected) => {
      expect(processVisibility(viewer(profile as Profile), proc(level as SecrecyLevel), NOW)).toBe(expected);
    },
  );

  it('shows level 5 only to the responsible member, whatever its unit', () => {
    expect(processVisibility(viewer('MEMBER', OTHER, 'responsible'), proc(5), NOW)).toBe('full');
    expect(processVisibility(viewer('CHIEF', UNIT, 'someone'), proc(5), NOW)).toBe('none');
    expect(processVisibility(viewer('MEMBER', UNIT, 'someone'), proc(5, null), NOW)).toBe('none');
  });

  it('gives users of other units level 0 in full, level 1 details by exact number only, nothing above', () => {
    const outsider = viewer('CHIEF', OTHER);
    expect(processVisibility(outsider, proc(0), NOW)).toBe('full');
    expect(processVisibility(outsider, proc(1), NOW)).toBe('none');
    expect(processVisibility(outsider, proc(1), NOW, 'exact_number')).toBe('details');
    for (const level of [2, 3, 4] as const)
      expect(processVisibility(outsider, proc(level), NOW, 'exact_number')).toBe('none');
  });

  it('judges by the best assignment the viewer holds in the unit', () => {
    const both: Viewer = {
      userId: 'v',
      assignments: [
        { unitId: UNIT, profile: 'INTERN' },
        { unitId: UNIT, profile: 'ANALYST' },
      ],
      groupIds: [],
    };
    expect(processVisibility(both, proc(2), NOW)).toBe('full');
    expect(processAccess(both, proc(2), NOW).reasons).toEqual([{ rule: 'UNIT_LEVEL', profile: 'ANALYST' }]);
  });

  it('gives the unit-less ADMIN public processes only', () => {
    expect(processVisibility(viewer('ADMIN', null), proc(1), NOW, 'exact_number')).toBe('details');
    expect(processVisibility(viewer('ADMIN', null), proc(2), NOW)).toBe('none');
  });
});

describe('explicit permission and denial (DOMAIN §4.3)', () => {
  it('lets a permission in: another unit, above the cap, level 5', () => {
    expect(processVisibility(viewer('CHIEF', OTHER), proc(4, 'r', [rule('ALLOW')]), NOW)).toBe('full');
    expect(processVisibility(viewer('INTERN'), proc(3, 'r', [rule('ALLOW')]), NOW)).toBe('full');
    expect(processVisibility(viewer('ANALYST', OTHER), proc(5, 'r', [rule('ALLOW')]), NOW)).toBe('full');
  });

  it('lets a denial shut out even the responsible member and a public process', () => {
    expect(processVisibility(viewer('MEMBER', UNIT, 'viewer'), proc(5, 'viewer', [rule('DENY')]), NOW)).toBe('none');
    expect(processVisibility(viewer('CHIEF'), proc(0, 'r', [rule('DENY')]), NOW)).toBe('none');
    // Asking by number still shows what any internal user gets of a level 0–1 process.
    expect(processVisibility(viewer('CHIEF'), proc(0, 'r', [rule('DENY')]), NOW, 'exact_number')).toBe('details');
    expect(processVisibility(viewer('CHIEF'), proc(2, 'r', [rule('DENY')]), NOW, 'exact_number')).toBe('none');
  });

  it('puts denial above permission, for users and groups alike', () => {
    const v = viewer('CHIEF', OTHER, 'viewer', ['g1']);
    const both = proc(2, 'r', [rule('ALLOW'), rule('DENY', { subjectType: 'GROUP', subjectId: 'g1' })]);
    expect(processAccess(v, both, NOW)).toEqual({
      sees: false,
      reasons: [
        { rule: 'USER_PERMISSION', expiresAt: null, on: 'PROCESS' },
        { rule: 'GROUP_DENIAL', groupId: 'g1', expiresAt: null, on: 'PROCESS' },
      ],
    });
    expect(
      canSee(v, { kind: 'process', ...proc(2, 'r', [rule('ALLOW', { subjectType: 'GROUP', subjectId: 'g1' })]) }, NOW),
    ).toBe(true);
  });

  it('ignores rules of other subjects and expired rules', () => {
    expect(processVisibility(viewer('CHIEF', OTHER), proc(2, 'r', [rule('ALLOW', { subjectId: 'x' })]), NOW)).toBe(
      'none',
    );
    expect(
      processVisibility(
        viewer('CHIEF', OTHER, 'viewer', ['g2']),
        proc(2, 'r', [rule('ALLOW', { subjectType: 'GROUP', subjectId: 'g1' })]),
        NOW,
      ),
    ).toBe('none');
    const expiring = proc(2, 'r', [rule('ALLOW', { expiresAt: LATER })]);
    expect(processVisibility(viewer('CHIEF', OTHER), expiring, NOW)).toBe('full');
    expect(processVisibility(viewer('CHIEF', OTHER), expiring, LATER)).toBe('none');
    const lifting = proc(2, 'r', [rule('DENY', { expiresAt: LATER })]);
    expect(processVisibility(viewer('CHIEF'), lifting, NOW)).toBe('none');
    expect(processVisibility(viewer('CHIEF'), lifting, new Date(LATER.getTime() + 1))).toBe('full');
  });
});

describe(documentAccess.name, () => {
  it('applies the table again for a document raised above its process', () => {
    expect(documentAccess(viewer('ANALYST'), doc(3, proc(0)), NOW).sees).toBe(false);
    expect(documentAccess(viewer('MANAGER'), doc(4, proc(0)), NOW).sees).toBe(true);
    expect(documentAccess(viewer('CHIEF', OTHER), doc(1, proc(0)), NOW).sees).toBe(false);
  });

  it('lets a document permission in only at the level it was granted at', () => {
    const granted = [rule('ALLOW', { level: 3 })];
    expect(documentAccess(viewer('ANALYST'), doc(3, proc(0), granted), NOW).sees).toBe(true);
    expect(documentAccess(viewer('ANALYST'), doc(4, proc(0), granted), NOW).sees).toBe(false);
  });

  it('lets a process permission open the documents at its level, not those raised above it', () => {
    const p = proc(2, 'r', [rule('ALLOW')]);
    expect(documentAccess(viewer('CHIEF', OTHER), doc(2, p), NOW).sees).toBe(true);
    expect(documentAccess(viewer('CHIEF', OTHER), doc(3, p), NOW).sees).toBe(false);
  });

  it('shuts a document by a denial on it or on its process, whatever else allows it', () => {
    expect(documentAccess(viewer('CHIEF'), doc(0, proc(0), [rule('DENY', { level: 0 })]), NOW).sees).toBe(false);
    expect(
      documentAccess(viewer('CHIEF'), doc(0, proc(0, 'r', [rule('DENY')]), [rule('ALLOW', { level: 0 })]), NOW).sees,
    ).toBe(false);
  });

  it('judges a standalone document by its rules and the table in its own unit', () => {
    expect(documentAccess(viewer('ANALYST'), doc(2, null), NOW).sees).toBe(true);
    expect(documentAccess(viewer('ANALYST', OTHER), doc(2, null), NOW).sees).toBe(false);
    expect(documentAccess(viewer('ANALYST', OTHER), doc(2, null, [rule('ALLOW', { level: 2 })]), NOW).sees).toBe(true);
    expect(documentAccess(viewer('MEMBER'), doc(5, null), NOW).sees).toBe(false);
  });
});
