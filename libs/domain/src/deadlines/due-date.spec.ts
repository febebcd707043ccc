import { addDays, dueAt, endOfLocalDay, isBusinessDay, nextBusinessDay, startOfLocalDay } from './due-date';

const SP = 'America/Sao_Paulo';
const NONE = new Set<string>();

describe(addDays.name, () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-11-23', 30, '2026-12-23'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('%s + %i = %s', (day, n, expected) => expect(addDays(day, n)).toBe(expected));
});

describe(nextBusinessDay.name, () => {
  const holidays = new Set(['2026-12-25', '2027-01-01']);
  it('keeps a business day, skips weekends and holidays', () => {
    expect(isBusinessDay('2026-11-23', NONE)).toBe(true);
    expect(nextBusinessDay('2026-11-28', NONE)).toBe('2026-11-30'); // Saturday → Monday
    expect(nextBusinessDay('2026-12-25', holidays)).toBe('2026-12-28'); // Friday holiday → Monday
    expect(nextBusinessDay('2026-12-31', holidays)).toBe('2026-12-31');
    expect(nextBusinessDay('2027-01-01', holidays)).toBe('2027-01-04'); // holiday, then the weekend
  });
});

describe('local days', () => {
  it.each([
    ['2026-11-23', SP, '2026-11-23T03:00:00.000Z'],
    ['2026-11-23', 'America/Manaus', '2026-11-23T04:00:00.000Z'],
    ['2026-11-23', 'UTC', '2026-11-23T00:00:00.000Z'],
    // Brazil's last daylight saving started at local midnight of 2018-11-04: the day began at 01:00 (-02).
    ['2018-11-04', SP, '2018-11-04T03:00:00.000Z'],
    // …and ended at local midnight of 2019-02-17: 23:00 of the 16th happened twice; the 17th starts at 00:00 -03.
    ['2019-02-17', SP, '2019-02-17T03:00:00.000Z'],
    // Two o'clock changes keep midnight.
    ['2026-03-08', 'America/New_York', '2026-03-08T05:00:00.000Z'],
    ['2026-11-01', 'America/New_York', '2026-11-01T04:00:00.000Z'],
  ])('%s in %s starts at %s', (day, zone, instant) => {
    expect(startOfLocalDay(day, zone).toISOString()).toBe(instant);
  });

  it('ends a day one millisecond before the next starts, across DST and the year', () => {
    expect(endOfLocalDay('2026-12-31', SP).toISOString()).toBe('2027-01-01T02:59:59.999Z');
    expect(endOfLocalDay('2018-11-03', SP).toISOString()).toBe('2018-11-04T02:59:59.999Z');
    expect(endOfLocalDay('2019-02-16', SP).toISOString()).toBe('2019-02-17T02:59:59.999Z');
    expect(endOfLocalDay('2026-03-07', 'America/New_York').toISOString()).toBe('2026-03-08T04:59:59.999Z');
  });
});

describe(dueAt.name, () => {
  const calendar = { timeZone: SP, holidays: new Set(['2026-12-25', '2027-01-01']) };

  it('counts calendar days from the local day it starts, due at the end of the due day', () => {
    // 23:30 in São Paulo on the 23rd is already the 24th in UTC: the local day counts.
    expect(dueAt(new Date('2026-11-24T02:30:00Z'), { days: 10 }, calendar).toISOString()).toBe(
      '2026-12-04T02:59:59.999Z',
    );
  });

  it('moves a due day on a weekend or holiday to the next business day', () => {
    expect(dueAt(new Date('2026-11-23T12:00:00Z'), { days: 5 }, calendar).toISOString()).toBe(
      '2026-12-01T02:59:59.999Z', // Saturday 28 → Monday 30
    );
    expect(dueAt(new Date('2026-12-15T12:00:00Z'), { days: 10 }, calendar).toISOString()).toBe(
      '2026-12-29T02:59:59.999Z', // Friday 25 (Natal) → Monday 28
    );
    expect(dueAt(new Date('2026-12-02T12:00:00Z'), { days: 30 }, calendar).toISOString()).toBe(
      '2027-01-05T02:59:59.999Z', // 01/01 holiday, then the weekend → Monday 04
    );
  });

  it('takes a given due day, moved the same way', () => {
    expect(dueAt(new Date('2026-11-23T12:00:00Z'), { dueDate: '2026-12-25' }, calendar).toISOString()).toBe(
      '2026-12-29T02:59:59.999Z',
    );
  });
});
