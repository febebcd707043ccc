import type { Profile } from '../profiles';
import { documentLevelProblems, type Grantor, mayExplainAccess, refuseGrant, ruleRequestProblems } from './grants';

const UNIT = 'u1';
const grantor = (profile: Profile, unitId = UNIT, userId = 'g'): Grantor => ({
  userId,
  assignments: [{ unitId, profile }],
});
const at = (level: number, responsibleMemberId: string | null = 'resp') => ({
  unitId: UNIT,
  secrecyLevel: level,
  responsibleMemberId,
});
const NOW = new Date('2026-11-23T12:00:00Z');

describe(refuseGrant.name, () => {
  it.each<[Profile, boolean]>([
    ['MEMBER', true],
    ['CHIEF', true],
    ['ON_DUTY', true],
    ['MANAGER', false],
    ['INSPECTOR', false],
    ['ANALYST', false],
    ['ASSISTANT', false],
    ['INTERN', false],
    ['PROTOCOL', false],
    ['ADMIN', false],
  ])('lets a %s of the unit grant on levels 0–4: %s', (profile, allowed) => {
    for (const level of [0, 1, 2, 3, 4]) expect(refuseGrant(grantor(profile), at(level)) === null).toBe(allowed);
  });

  it('keeps level 5 to the responsible member, whatever its unit', () => {
    expect(refuseGrant(grantor('CHIEF'), at(5))).not.toBeNull();
    expect(refuseGrant(grantor('MEMBER', 'elsewhere', 'resp'), at(5))).toBeNull();
  });

  it('refuses members of other units', () => {
    expect(refuseGrant(grantor('MEMBER', 'elsewhere'), at(1))?.kind).toBe('forbidden');
  });
});

describe(mayExplainAccess.name, () => {
  it('is for the Corregedoria anywhere and for who may grant', () => {
    expect(mayExplainAccess(grantor('INSPECTOR', 'elsewhere'), at(5))).toBe(true);
    expect(mayExplainAccess(grantor('MEMBER'), at(2))).toBe(true);
    expect(mayExplainAccess(grantor('ANALYST'), at(0))).toBe(false);
    expect(mayExplainAccess(grantor('MEMBER'), at(5))).toBe(false);
  });
});

describe(ruleRequestProblems.name, () => {
  const me = { ...grantor('MEMBER'), groupIds: ['team'] };
  const rule = (over: object) => ({
    subjectType: 'USER' as const,
    subjectId: 'x',
    effect: 'ALLOW' as const,
    expiresAt: null,
    ...over,
  });

  it('accepts a permission or denial of someone else, open-ended or expiring later', () => {
    expect(ruleRequestProblems(me, rule({}), NOW)).toBeNull();
    expect(ruleRequestProblems(me, rule({ effect: 'DENY', expiresAt: new Date(NOW.getTime() + 1) }), NOW)).toBeNull();
  });

  it('refuses an expiry not in the future', () => {
    expect(ruleRequestProblems(me, rule({ expiresAt: NOW }), NOW)?.errors[0].field).toBe('expiresAt');
  });

  it('refuses a denial that shuts out its grantor, directly or through a group', () => {
    expect(ruleRequestProblems(me, rule({ effect: 'DENY', subjectId: 'g' }), NOW)?.errors[0].field).toBe('subjectId');
    expect(
      ruleRequestProblems(me, rule({ effect: 'DENY', subjectType: 'GROUP', subjectId: 'team' }), NOW)?.errors[0].field,
    ).toBe('subjectId');
    expect(ruleRequestProblems(me, rule({ subjectId: 'g' }), NOW)).toBeNull();
  });
});

describe(documentLevelProblems.name, () => {
  it("wants the named level to be every document's level", () => {
    expect(documentLevelProblems(3, [3, 3])).toBeNull();
    expect(documentLevelProblems(3, [3, 4])?.errors[0].field).toBe('level');
  });
});
