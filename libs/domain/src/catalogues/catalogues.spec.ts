import { PROFILES, SECRECY_CAP } from '../profiles';
import { DEFAULT_SECRECY_ASSIGNMENT, isTimeZone, secrecyAssignmentProblems } from './institution-settings';
import { CNMP_LEGAL_DEADLINES, legalDeadlineProblems, type LegalDeadlineRule } from './legal-deadlines';
import { ARCHIVING_MOVEMENT_CODES, MOVEMENTS, SYSTEM_MOVEMENT_CODES } from './movements';

describe('MOVEMENTS', () => {
  it('gives every movement its own code', () => {
    const codes = Object.values(MOVEMENTS).map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('holds every code DOMAIN §3 names', () => {
    const codes = Object.values(MOVEMENTS).map((m) => m.code);
    expect(codes).toEqual(
      expect.arrayContaining(['920005', '920083', '488', '020089', '020090', '020091', '020109', '1003010']),
    );
  });

  it('leaves to "Movimentar" only the generic movement: the operations write the others', () => {
    expect(SYSTEM_MOVEMENT_CODES).not.toContain(MOVEMENTS.MOVED.code);
    expect(SYSTEM_MOVEMENT_CODES).toEqual(
      expect.arrayContaining([
        ...['920005', '920083', '488', '900010', '900012', '900011', '900014', '900009'],
        ...ARCHIVING_MOVEMENT_CODES,
        MOVEMENTS.FORWARDED_ON_PAPER.code,
      ]),
    );
    expect(SYSTEM_MOVEMENT_CODES).toHaveLength(Object.keys(MOVEMENTS).length - 1);
  });

  it('offers only archiving movements when archiving', () => {
    for (const code of ARCHIVING_MOVEMENT_CODES) {
      expect(Object.values(MOVEMENTS).find((m) => m.code === code)?.name).toMatch(/^Arquivamento/);
    }
  });
});

describe(legalDeadlineProblems.name, () => {
  const classes = new Set(['NF', 'PP', 'IC', 'PA', 'PIC']);

  it('accepts the CNMP defaults', () => {
    expect(legalDeadlineProblems(CNMP_LEGAL_DEADLINES, classes)).toEqual([]);
  });

  it('names an unknown class, a repeated one, and extensions without an extension rule', () => {
    const nf = CNMP_LEGAL_DEADLINES[0];
    const rules: LegalDeadlineRule[] = [
      { ...nf, classCode: 'XX' },
      nf,
      { ...nf },
      { ...nf, classCode: 'PP', extension: null, maxExtensions: 2 },
    ];
    expect(legalDeadlineProblems(rules, classes).map((p) => p.field)).toEqual([
      'items.0.classCode',
      'items.2.classCode',
      'items.3.maxExtensions',
    ]);
  });
});

describe(secrecyAssignmentProblems.name, () => {
  it('accepts the defaults of DOMAIN §4.2', () => {
    expect(secrecyAssignmentProblems({ ...DEFAULT_SECRECY_ASSIGNMENT })).toEqual([]);
  });

  it('never lets a profile assign above what it could see', () => {
    for (const profile of PROFILES) {
      const limit = DEFAULT_SECRECY_ASSIGNMENT[profile];
      if (limit !== null) expect(limit).toBeLessThanOrEqual(SECRECY_CAP[profile]);
    }
    expect(secrecyAssignmentProblems({ ...DEFAULT_SECRECY_ASSIGNMENT, ASSISTANT: 2 })).toEqual([
      { field: 'secrecyAssignment.ASSISTANT', message: expect.stringMatching(/acima/) },
    ]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a missing profile', { ...DEFAULT_SECRECY_ASSIGNMENT, INTERN: undefined }, 'secrecyAssignment.INTERN'],
    ['an unknown profile', { ...DEFAULT_SECRECY_ASSIGNMENT, JUDGE: 1 }, 'secrecyAssignment.JUDGE'],
    ['a level out of range', { ...DEFAULT_SECRECY_ASSIGNMENT, MEMBER: 6 }, 'secrecyAssignment.MEMBER'],
    ['a fractional level', { ...DEFAULT_SECRECY_ASSIGNMENT, MEMBER: 2.5 }, 'secrecyAssignment.MEMBER'],
  ])('names %s', (_label, table, field) => {
    expect(secrecyAssignmentProblems(table).map((p) => p.field)).toEqual([field]);
  });
});

describe(isTimeZone.name, () => {
  it.each([
    ['America/Sao_Paulo', true],
    ['America/Manaus', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['', false],
    ['-03:00', false],
  ])('%s → %s', (name, expected) => {
    expect(isTimeZone(name)).toBe(expected);
  });
});
