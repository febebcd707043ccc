/** A holiday on a calendar day (`YYYY-MM-DD`). */
export interface DatedHoliday {
  date: string;
  name: string;
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function easterPlus(year: number, days: number): string {
  const { month, day } = easterSunday(year);
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * The national holidays (Lei 662/1949 and later laws) and the movable days the public
 * service does not work (Carnaval, Good Friday, Corpus Christi), by date.
 */
export function nationalHolidays(year: number): DatedHoliday[] {
  const fixed: [number, number, string][] = [
    [1, 1, 'Confraternização Universal'],
    [4, 21, 'Tiradentes'],
    [5, 1, 'Dia do Trabalho'],
    [9, 7, 'Independência do Brasil'],
    [10, 12, 'Nossa Senhora Aparecida'],
    [11, 2, 'Finados'],
    [11, 15, 'Proclamação da República'],
    [11, 20, 'Dia Nacional de Zumbi e da Consciência Negra'],
    [12, 25, 'Natal'],
  ];
  const movable: DatedHoliday[] = [
    { date: easterPlus(year, -48), name: 'Carnaval (segunda-feira)' },
    { date: easterPlus(year, -47), name: 'Carnaval (terça-feira)' },
    { date: easterPlus(year, -2), name: 'Sexta-feira da Paixão' },
    { date: easterPlus(year, 60), name: 'Corpus Christi' },
  ];
  return [...fixed.map(([m, d, name]) => ({ date: iso(year, m, d), name })), ...movable].sort((x, y) =>
    x.date.localeCompare(y.date),
  );
}
