import type { Profile } from '../profiles';
import { type GuardedProcess, processVisibility, type SecrecyLevel, type Viewer } from './policy';

const UNIT = 'unit-a';
const OTHER = 'unit-b';
const viewer = (profile: Profile, unitId: string | null = UNIT, userId = 'viewer'): Viewer => ({
  userId,
  assignments: [{ unitId, profile }],
});
const proc = (secrecyLevel: SecrecyLevel, responsibleMemberId: string | null = 'responsible'): GuardedProcess => ({
  unitId: UNIT,
  secrecyLevel,
  responsibleMemberId,
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
      expect(processVisibility(viewer(profile as Profile), proc(level as SecrecyLevel))).toBe(expected);
    },
  );

  it('shows level 5 only to the responsible member, whatever its unit', () => {
    expect(processVisibility(viewer('MEMBER', OTHER, 'responsible'), proc(5))).toBe('full');
    expect(processVisibility(viewer('CHIEF', UNIT, 'someone'), proc(5))).toBe('none');
    expect(processVisibility(viewer('MEMBER', UNIT, 'someone'), proc(5, null))).toBe('none');
  });

  it('gives users of other units level 0 in full, level 1 details by exact number only, nothing above', () => {
    const outsider = viewer('CHIEF', OTHER);
    expect(processVisibility(outsider, proc(0))).toBe('full');
    expect(processVisibility(outsider, proc(1))).toBe('none');
    expect(processVisibility(outsider, proc(1), 'exact_number')).toBe('details');
    for (const level of [2, 3, 4] as const)
      expect(processVisibility(outsider, proc(level), 'exact_number')).toBe('none');
  });

  it('judges by the best assignment the viewer holds in the unit', () => {
    const both: Viewer = {
      userId: 'v',
      assignments: [
        { unitId: UNIT, profile: 'INTERN' },
        { unitId: UNIT, profile: 'ANALYST' },
      ],
    };
    expect(processVisibility(both, proc(2))).toBe('full');
  });

  it('gives the unit-less ADMIN public processes only', () => {
    expect(processVisibility(viewer('ADMIN', null), proc(1), 'exact_number')).toBe('details');
    expect(processVisibility(viewer('ADMIN', null), proc(2))).toBe('none');
  });
});
