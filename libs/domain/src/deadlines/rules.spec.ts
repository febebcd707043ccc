import { CNMP_LEGAL_DEADLINES } from '../catalogues/legal-deadlines';
import {
  deadlineViewState,
  extendedDueProblems,
  extensionProblems,
  internalDeadlineProblems,
  processDeadlineState,
} from './rules';

const rule = (code: string) => CNMP_LEGAL_DEADLINES.find((r) => r.classCode === code)!;
const open = { status: 'OPEN' as const, dueDay: '2026-12-10' };

describe(deadlineViewState.name, () => {
  const due = new Date('2026-12-11T02:59:59.999Z');
  it('is expired from the due instant on, whether or not the worker ran', () => {
    expect(deadlineViewState({ status: 'OPEN', dueAt: due }, new Date(due.getTime() - 1))).toBe('PENDING');
    expect(deadlineViewState({ status: 'OPEN', dueAt: due }, due)).toBe('EXPIRED');
    expect(deadlineViewState({ status: 'CLOSED', dueAt: due }, due)).toBe('CLOSED');
    expect(deadlineViewState({ status: 'ENDED', dueAt: due }, new Date(0))).toBe('ENDED');
  });
});

describe(processDeadlineState.name, () => {
  const now = new Date('2026-11-23T12:00:00Z');
  const inDays = (n: number) => new Date(now.getTime() + n * 86_400_000);
  it.each([
    ['no running deadline', [], 'NONE'],
    ['a legal term far from its end', [{ kind: 'LEGAL', dueAt: inDays(30) }], 'NONE'],
    ['a legal term within the warning days', [{ kind: 'LEGAL', dueAt: inDays(5) }], 'PENDING'],
    ['an internal deadline, however far', [{ kind: 'INTERNAL', dueAt: inDays(300) }], 'PENDING'],
    ['a legal term past due', [{ kind: 'LEGAL', dueAt: now }], 'EXPIRED'],
    [
      'one past due among pending ones',
      [
        { kind: 'INTERNAL', dueAt: inDays(3) },
        { kind: 'INTERNAL', dueAt: inDays(-1) },
      ],
      'EXPIRED',
    ],
  ] as const)('%s → %s', (_label, open, expected) => {
    expect(processDeadlineState(open, now, 5)).toBe(expected);
  });
});

describe(internalDeadlineProblems.name, () => {
  it.each([
    [{ description: 'Resposta ao ofício', days: 10 }, []],
    [{ description: 'Resposta', dueDate: '2026-11-23' }, []],
    [{ description: ' ', days: 10 }, ['description']],
    [{ description: 'x' }, ['days']],
    [{ description: 'x', days: 1, dueDate: '2026-12-01' }, ['days']],
    [{ description: 'x', dueDate: '2026-11-22' }, ['dueDate']],
    [{ description: 'x', dueDate: '2036-11-20' }, []],
    [{ description: 'x', dueDate: '2036-11-21' }, ['dueDate']],
    [{ description: 'x', dueDate: '9999-12-31' }, ['dueDate']],
  ])('%o → %o', (input, fields) => {
    expect(internalDeadlineProblems(input, '2026-11-23').map((p) => p.field)).toEqual(fields);
  });
});

describe(extensionProblems.name, () => {
  it('extends a legal deadline as its class allows, on a justification', () => {
    const legal = { ...open, kind: 'LEGAL' as const, extensions: 0 };
    expect(extensionProblems(legal, rule('NF'), { justification: 'Diligências pendentes' })).toEqual([]);
    expect(extensionProblems({ ...legal, extensions: 1 }, rule('NF'), { justification: 'x' })[0].message).toMatch(
      /já usada/,
    );
    expect(extensionProblems({ ...legal, extensions: 7 }, rule('IC'), { justification: 'x' })).toEqual([]);
    expect(extensionProblems({ ...legal, extensions: 7 }, rule('PIC'), { justification: 'x' })).toEqual([]);
    expect(extensionProblems({ ...legal, extensions: 1 }, rule('PA'), { justification: 'x' })).toHaveLength(1);
    expect(extensionProblems(legal, rule('PP'), {}).map((p) => p.field)).toEqual(['justification']);
    expect(extensionProblems(legal, rule('PP'), { justification: 'x', days: 5 }).map((p) => p.field)).toEqual(['days']);
    expect(
      extensionProblems(legal, { ...rule('NF'), extension: null, maxExtensions: 0 }, { justification: 'x' }),
    ).toHaveLength(1);
  });

  it('extends an internal deadline to a later day, by days or to a date', () => {
    const internal = { ...open, kind: 'INTERNAL' as const, extensions: 3 };
    expect(extensionProblems(internal, null, { days: 5 })).toEqual([]);
    expect(extensionProblems(internal, null, { dueDate: '2026-12-11' })).toEqual([]);
    expect(extensionProblems(internal, null, { dueDate: '2026-12-10' }).map((p) => p.field)).toEqual(['dueDate']);
    expect(extensionProblems(internal, null, {}).map((p) => p.field)).toEqual(['days']);
    expect(extensionProblems(internal, null, { dueDate: '9999-12-31' }).map((p) => p.field)).toEqual(['dueDate']);
  });

  it('refuses an extension that would leave it past due', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    expect(extendedDueProblems(new Date('2026-11-24T02:59:59.999Z'), now, 'days')).toEqual([]);
    expect(extendedDueProblems(now, now, 'days').map((p) => p.field)).toEqual(['days']);
  });

  it('refuses a deadline no longer open', () => {
    expect(
      extensionProblems({ ...open, status: 'CLOSED', kind: 'INTERNAL', extensions: 0 }, null, { days: 1 }),
    ).toHaveLength(1);
  });
});
