import { localDate } from './local-date';

describe(localDate.name, () => {
  it.each([
    ['2026-12-31T23:30:00-03:00', 'America/Sao_Paulo', '2026-12-31'],
    ['2027-01-01T02:30:00Z', 'America/Sao_Paulo', '2026-12-31'],
    ['2027-01-01T03:00:00Z', 'America/Sao_Paulo', '2027-01-01'],
    ['2027-01-01T03:30:00Z', 'America/Manaus', '2026-12-31'],
    ['2027-01-01T03:30:00Z', 'America/Noronha', '2027-01-01'],
  ])('%s in %s is %s', (instant, zone, day) => {
    expect(localDate(new Date(instant), zone)).toBe(day);
  });
});
