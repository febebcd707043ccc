import { localDate } from '../calendar/local-date';

/** What deadline arithmetic needs of the institution: its time zone and the days off. */
export interface DeadlineCalendar {
  timeZone: string;
  /** Holidays that apply, as `YYYY-MM-DD`. */
  holidays: ReadonlySet<string>;
}

/** `YYYY-MM-DD` plus whole calendar days (the proleptic Gregorian calendar, no time zone involved). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function isBusinessDay(day: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

/** The day itself when it is a business day, else the next one. */
export function nextBusinessDay(day: string, holidays: ReadonlySet<string>): string {
  let d = day;
  while (!isBusinessDay(d, holidays)) d = addDays(d, 1);
  return d;
}

/** Minutes east of UTC of a time zone at an instant (-180 for America/Sao_Paulo today). */
function offsetMinutes(at: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(at))
    .find((p) => p.type === 'timeZoneName')!.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0; // "GMT": UTC itself
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * The first instant of a calendar day in a time zone. Where daylight saving starts at
 * midnight (Brazil until 2019) local midnight does not exist and the day starts at 01:00.
 */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const midnightUtc = Date.UTC(y, m - 1, d);
  const before = midnightUtc - offsetMinutes(midnightUtc, timeZone) * 60_000;
  const after = midnightUtc - offsetMinutes(before, timeZone) * 60_000;
  return new Date(localDate(new Date(after), timeZone) === day ? after : before);
}

/** The last instant (millisecond) of a calendar day in a time zone: when a deadline on that day is due. */
export function endOfLocalDay(day: string, timeZone: string): Date {
  return new Date(startOfLocalDay(addDays(day, 1), timeZone).getTime() - 1);
}

export type DueSpec = { days: number } | { dueDate: string };

/**
 * When a deadline is due (DOMAIN §6): so many calendar days after the day it starts (or a
 * given day), at the end of that day in the institution's time zone, moved to the next
 * business day when it falls on a weekend or holiday.
 */
export function dueAt(from: Date, spec: DueSpec, calendar: DeadlineCalendar): Date {
  const day = 'days' in spec ? addDays(localDate(from, calendar.timeZone), spec.days) : spec.dueDate;
  return endOfLocalDay(nextBusinessDay(day, calendar.holidays), calendar.timeZone);
}
