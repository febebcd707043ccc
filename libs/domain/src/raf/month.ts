import type { FieldError } from '../errors';
import { startOfLocalDay } from '../deadlines/due-date';

/** A competência: `YYYY-MM`, years 1900–2999 as every day field. */
const MONTH = /^((?:19|2\d)\d{2})-(0[1-9]|1[0-2])$/;

/** Why a competência cannot be reported on `today` (institution day): malformed, or still to come. */
export function rafMonthProblems(month: string, today: string): FieldError[] {
  if (!MONTH.test(month)) return [{ field: 'month', message: 'competência no formato AAAA-MM' }];
  if (month > today.slice(0, 7)) return [{ field: 'month', message: 'competência futura' }];
  return [];
}

/** The instants a competência spans in the institution's zone: `[from, to)`. */
export function rafMonthBounds(month: string, timeZone: string): { from: Date; to: Date } {
  const [, y, m] = MONTH.exec(month)!;
  const first = `${y}-${m}-01`;
  const next = Number(m) === 12 ? `${Number(y) + 1}-01-01` : `${y}-${String(Number(m) + 1).padStart(2, '0')}-01`;
  return { from: startOfLocalDay(first, timeZone), to: startOfLocalDay(next, timeZone) };
}
