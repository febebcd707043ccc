import { easterSunday, nationalHolidays } from './national-holidays';

describe(easterSunday.name, () => {
  it.each([
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2027, 3, 28],
    [2038, 4, 25],
    [2285, 3, 22],
  ])('%i → %i/%i', (year, month, day) => {
    expect(easterSunday(year)).toEqual({ month, day });
  });
});

describe(nationalHolidays.name, () => {
  it('gives 2026 its movable days: Carnaval 16–17/02, Paixão 03/04, Corpus Christi 04/06', () => {
    const dates = nationalHolidays(2026).map((h) => h.date);
    expect(dates).toEqual(expect.arrayContaining(['2026-02-16', '2026-02-17', '2026-04-03', '2026-06-04']));
  });

  it('holds the fixed national holidays, Consciência Negra (Lei 14.759/2023) included, in date order', () => {
    const holidays = nationalHolidays(2027);
    expect(holidays).toHaveLength(13);
    expect(holidays.map((h) => h.date)).toEqual([...holidays.map((h) => h.date)].sort());
    expect(holidays).toContainEqual({ date: '2027-11-20', name: 'Dia Nacional de Zumbi e da Consciência Negra' });
  });
});
