import { type AssignmentDraft, type AssignmentFacts, assignmentProblems } from './assignments';

const UNIT_A = 'unit-a';
const UNIT_B = 'unit-b';
const MEMBER_OF_A = 'member-a';

const facts: AssignmentFacts = {
  unitExists: (id) => id === UNIT_A || id === UNIT_B,
  isMemberOf: (userId, unitId) => userId === MEMBER_OF_A && unitId === UNIT_A,
};

const draft = (over: Partial<AssignmentDraft>): AssignmentDraft => ({
  unitId: UNIT_A,
  profile: 'MEMBER',
  secretaria: false,
  linkedMemberId: null,
  ...over,
});

describe(assignmentProblems.name, () => {
  it.each<[string, Partial<AssignmentDraft>]>([
    ['a member', {}],
    ['a manager with Secretaria permission', { profile: 'MANAGER', secretaria: true }],
    ['an analyst linked to a member of the unit', { profile: 'ANALYST', linkedMemberId: MEMBER_OF_A }],
    ['an assistant linked to a member of the unit', { profile: 'ASSISTANT', linkedMemberId: MEMBER_OF_A }],
    ['the institution-wide administrator', { profile: 'ADMIN', unitId: null }],
  ])('accepts %s', (_label, over) => {
    expect(assignmentProblems([draft(over)], facts)).toEqual([]);
  });

  it.each<[string, Partial<AssignmentDraft>, string, RegExp]>([
    ['an analyst without linked member', { profile: 'ANALYST' }, 'linkedMemberId', /exige o membro/],
    ['an assistant without linked member', { profile: 'ASSISTANT' }, 'linkedMemberId', /exige o membro/],
    [
      'a link to someone who is not a member of that unit',
      { profile: 'ANALYST', unitId: UNIT_B, linkedMemberId: MEMBER_OF_A },
      'linkedMemberId',
      /não é membro deste órgão/,
    ],
    [
      'a link on a profile that has none',
      { profile: 'INTERN', linkedMemberId: MEMBER_OF_A },
      'linkedMemberId',
      /não tem membro/,
    ],
    ['an unknown unit', { unitId: 'nowhere' }, 'unitId', /não encontrado/],
    ['a unit-less member', { unitId: null }, 'unitId', /informe o órgão/],
    ['an administrator bound to a unit', { profile: 'ADMIN' }, 'unitId', /instituição toda/],
  ])('refuses %s, naming the field', (_label, over, field, message) => {
    expect(assignmentProblems([draft(over)], facts)).toEqual([
      { field: `assignments.0.${field}`, message: expect.stringMatching(message) },
    ]);
  });

  it('refuses linking a user to itself', () => {
    const problems = assignmentProblems([draft({ profile: 'ANALYST', linkedMemberId: 'me' })], facts, 'me');
    expect(problems).toEqual([{ field: 'assignments.0.linkedMemberId', message: expect.stringMatching(/si mesmo/) }]);
  });

  it('refuses two assignments in the same unit, naming the second', () => {
    const problems = assignmentProblems([draft({}), draft({ profile: 'MANAGER' })], facts);
    expect(problems).toEqual([{ field: 'assignments.1.unitId', message: expect.stringMatching(/já tem uma lotação/) }]);
  });

  it('accepts the same user in several units', () => {
    expect(assignmentProblems([draft({}), draft({ unitId: UNIT_B, profile: 'INTERN' })], facts)).toEqual([]);
  });
});
