import { DEFAULT_SECRECY_ASSIGNMENT } from '../catalogues/institution-settings';
import {
  assignableLevel,
  conversionProblems,
  canonicalOriginNumber,
  originNumberProblem,
  registrationProblems,
  summaryWarnings,
} from './registration';

const VALID_CNJ = '0001234-75.2026.8.02.0001';

describe(originNumberProblem.name, () => {
  it.each<[string, 'EXTRAJUDICIAL' | 'JUDICIAL', string | null, boolean]>([
    ['an extrajudicial process without origin', 'EXTRAJUDICIAL', null, true],
    ['an extrajudicial process with a free reference', 'EXTRAJUDICIAL', 'Ofício 12/2026 da Câmara', true],
    ['a valid CNJ number', 'JUDICIAL', VALID_CNJ, true],
    ['a valid CNJ number without mask', 'EXTRAJUDICIAL', VALID_CNJ.replace(/\D/g, ''), true],
    ['a judicial process without origin', 'JUDICIAL', null, false],
    ['a CNJ number with wrong check digits', 'EXTRAJUDICIAL', '0001234-76.2026.8.02.0001', false],
    ['a judicial process with a free reference', 'JUDICIAL', 'processo da vara', false],
  ])('%s → ok=%s', (_label, kind, origin, ok) => {
    expect(originNumberProblem(kind, origin) === null).toBe(ok);
  });

  it('keeps CNJ numbers in their canonical mask', () => {
    expect(canonicalOriginNumber(VALID_CNJ.replace(/\D/g, ''))).toBe(VALID_CNJ);
    expect(canonicalOriginNumber('  ')).toBeNull();
  });
});

describe(registrationProblems.name, () => {
  const base = {
    classKind: 'EXTRAJUDICIAL' as const,
    originNumber: null,
    oldProcess: false,
    instauratedOn: null,
    today: '2026-11-22',
  };

  it('accepts a new process and an old one with its instauration date', () => {
    expect(registrationProblems(base)).toEqual([]);
    expect(registrationProblems({ ...base, oldProcess: true, instauratedOn: '2019-03-01' })).toEqual([]);
  });

  it.each([
    [{ oldProcess: true }, 'instauratedOn'],
    [{ instauratedOn: '2020-01-01' }, 'instauratedOn'],
    [{ oldProcess: true, instauratedOn: '2026-11-23' }, 'instauratedOn'],
    [{ classKind: 'JUDICIAL' as const }, 'originNumber'],
  ])('refuses %p naming %s', (over, field) => {
    expect(registrationProblems({ ...base, ...over }).map((p) => p.field)).toEqual([field]);
  });
});

describe(summaryWarnings.name, () => {
  const parties = [{ name: 'José da Silva' }, { name: 'Ana' }];

  it('warns once when the summary names a party, ignoring case and accents', () => {
    expect(summaryWarnings('Representação de JOSE DA SILVA contra a prefeitura', parties)).toEqual([
      { field: 'summary', message: expect.stringMatching(/nome de uma parte/) },
    ]);
  });

  it('says nothing when no party is named, nor for short names inside words', () => {
    expect(summaryWarnings('Irregularidade na merenda escolar', parties)).toEqual([]);
    expect(summaryWarnings('Banana', [{ name: 'Ana' }])).toEqual([]);
  });
});

describe(assignableLevel.name, () => {
  it.each<[Parameters<typeof assignableLevel>[0], number]>([
    [['MEMBER'], 5],
    [['MANAGER'], 4],
    [['ANALYST'], 2],
    [['INTERN', 'ANALYST'], 2],
    [['INSPECTOR'], -1],
    [[], -1],
  ])('%p → %i', (profiles, expected) => {
    expect(assignableLevel(profiles, DEFAULT_SECRECY_ASSIGNMENT)).toBe(expected);
  });
});

describe(conversionProblems.name, () => {
  type Conversion = Parameters<typeof conversionProblems>[0];
  const base: Conversion = { from: 'NF', to: 'PP', toKind: 'EXTRAJUDICIAL', hasPortaria: true, originNumber: null };

  it.each<[string, Partial<Conversion>, string[]]>([
    ['NF → PP with its portaria', {}, []],
    ['PP → IC without the portaria', { from: 'PP', to: 'IC', hasPortaria: false }, ['portaria']],
    ['NF → IC without the portaria', { to: 'IC', hasPortaria: false }, ['portaria']],
    ['IC → PA without a portaria', { from: 'IC', to: 'PA', hasPortaria: false }, []],
    ['to the same class', { to: 'NF' }, ['classCode']],
    [
      'to a judicial class without the CNJ number',
      { to: '65', toKind: 'JUDICIAL', hasPortaria: false },
      ['originNumber'],
    ],
    ['to a judicial class with it', { to: '65', toKind: 'JUDICIAL', hasPortaria: false, originNumber: VALID_CNJ }, []],
  ])('%s → %p', (_label, over, fields) => {
    expect(conversionProblems({ ...base, ...over }).map((p) => p.field)).toEqual(fields);
  });
});
