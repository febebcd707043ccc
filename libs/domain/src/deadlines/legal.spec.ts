import { CNMP_LEGAL_DEADLINES } from '../catalogues/legal-deadlines';
import {
  addDuration,
  describeDuration,
  isRecessDay,
  legalDeadlineDescription,
  legalDueBusinessDay,
  legalDueDay,
} from './legal';

describe(addDuration.name, () => {
  it.each([
    ['2026-11-23', { amount: 30, unit: 'DAYS' as const }, '2026-12-23'],
    ['2026-01-31', { amount: 1, unit: 'MONTHS' as const }, '2026-02-28'],
    ['2028-01-31', { amount: 1, unit: 'MONTHS' as const }, '2028-02-29'],
    ['2028-02-29', { amount: 1, unit: 'YEARS' as const }, '2029-02-28'],
    ['2026-11-23', { amount: 1, unit: 'YEARS' as const }, '2027-11-23'],
    ['2026-12-15', { amount: 2, unit: 'MONTHS' as const }, '2027-02-15'],
  ])('%s + %o = %s', (day, duration, expected) => expect(addDuration(day, duration)).toBe(expected));
});

describe(isRecessDay.name, () => {
  it.each([
    ['2026-12-19', false],
    ['2026-12-20', true],
    ['2026-12-31', true],
    ['2027-01-01', true],
    ['2027-01-20', true],
    ['2027-01-21', false],
    ['2027-07-15', false],
  ])('%s → %s', (day, expected) => expect(isRecessDay(day)).toBe(expected));
});

describe(legalDueDay.name, () => {
  const days = (amount: number) => ({ amount, unit: 'DAYS' as const });

  it('counts plain calendar days when the term does not reach the recess, or the recess is off', () => {
    expect(legalDueDay('2026-03-02', days(30), true)).toBe('2026-04-01');
    expect(legalDueDay('2026-12-01', days(30), false)).toBe('2026-12-31');
  });

  it('suspends the term over 20/12–20/01: the 32 recess days are added', () => {
    // 01/12 + 30: days 1–18 are 02/12–19/12, days 19–30 are 21/01–01/02.
    expect(legalDueDay('2026-12-01', days(30), true)).toBe('2027-02-01');
  });

  it('starts counting after the recess when it starts inside it', () => {
    // Day 1 is 21/01, day 30 is 19/02.
    expect(legalDueDay('2026-12-22', days(30), true)).toBe('2027-02-19');
  });

  it('never falls due inside the recess', () => {
    const due = legalDueDay('2026-11-25', days(25), true); // nominally 20/12
    expect(isRecessDay(due)).toBe(false);
    expect(due).toBe('2027-01-21');
  });

  it('adds one recess to a one-year term, whichever day it starts', () => {
    const year = { amount: 1, unit: 'YEARS' as const };
    expect(legalDueDay('2026-03-10', year, true)).toBe('2027-04-11'); // 2027-03-10 + 32
    expect(legalDueDay('2026-03-10', year, false)).toBe('2027-03-10');
  });

  it('crosses two recesses when the term is long enough', () => {
    expect(legalDueDay('2026-12-19', { amount: 2, unit: 'YEARS' }, true)).toBe(
      legalDueDay(legalDueDay('2026-12-19', { amount: 1, unit: 'YEARS' }, true), { amount: 1, unit: 'YEARS' }, true),
    );
  });
});

describe(legalDueBusinessDay.name, () => {
  const days = (amount: number) => ({ amount, unit: 'DAYS' as const });
  const none = new Set<string>();

  it('moves a due day on a weekend to the next business day', () => {
    expect(legalDueBusinessDay('2026-03-04', days(10), true, none)).toBe('2026-03-16'); // Saturday 14 → Monday 16
  });

  it('never rolls into the recess: past it, to the first business day from 21/01', () => {
    // 19/11 + 30 = Saturday 19/12; Monday 21/12 is in the recess → Thursday 21/01/2027.
    expect(legalDueDay('2026-11-19', days(30), true)).toBe('2026-12-19');
    expect(legalDueBusinessDay('2026-11-19', days(30), true, none)).toBe('2027-01-21');
    expect(legalDueBusinessDay('2026-11-19', days(30), true, new Set(['2027-01-21']))).toBe('2027-01-22');
    // Without the recess the plain next business day stands.
    expect(legalDueBusinessDay('2026-11-19', days(30), false, none)).toBe('2026-12-21');
  });
});

describe('descriptions', () => {
  it('reads as the office writes it', () => {
    expect(describeDuration({ amount: 1, unit: 'YEARS' })).toBe('1 ano');
    expect(describeDuration({ amount: 90, unit: 'DAYS' })).toBe('90 dias');
    expect(legalDeadlineDescription(CNMP_LEGAL_DEADLINES[0])).toBe(
      'Prazo legal de NF: 30 dias (Res. CNMP 174/2017, art. 3º)',
    );
  });
});
