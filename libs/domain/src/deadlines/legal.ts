import type { Duration, LegalDeadlineRule } from '../catalogues/legal-deadlines';
import { addDays, nextBusinessDay } from './due-date';

/** `YYYY-MM-DD` plus a duration; a month or year landing past the month's end takes its last day (31/01 + 1 month = 28/02). */
export function addDuration(day: string, duration: Duration): string {
  if (duration.unit === 'DAYS') return addDays(day, duration.amount);
  const [y, m, d] = day.split('-').map(Number);
  const months = duration.unit === 'MONTHS' ? duration.amount : duration.amount * 12;
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The year-end recess (Res. CNMP 193/2018): 20 December to 20 January, both included. */
export function isRecessDay(day: string): boolean {
  const monthDay = day.slice(5);
  return monthDay >= '12-20' || monthDay <= '01-20';
}

/** Recess days after `from` up to and including `to`. */
function recessDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isRecessDay(d)) count++;
  return count;
}

/**
 * The day a legal deadline (or its extension) counted from `startDay` falls due. With the
 * recess on, its days do not count: the end moves by as many days as the recess took
 * from the term — repeated, since the moved end may reach into a recess too.
 */
export function legalDueDay(startDay: string, duration: Duration, recess: boolean): string {
  const nominal = addDuration(startDay, duration);
  if (!recess) return nominal;
  let suspended = 0;
  for (;;) {
    const end = addDays(nominal, suspended);
    const inTerm = recessDaysBetween(startDay, end);
    if (inTerm === suspended) return end;
    suspended = inTerm;
  }
}

/** The first day after the recess a day falls in (21 January). */
function afterRecess(day: string): string {
  const year = Number(day.slice(0, 4));
  return `${day.slice(5) >= '12-20' ? year + 1 : year}-01-21`;
}

/**
 * The business day a legal term falls due: its due day moved past weekends and holidays —
 * and, with the recess on, never into it (a term ending on Saturday 19/12 is due on the
 * first business day from 21/01).
 */
export function legalDueBusinessDay(
  startDay: string,
  duration: Duration,
  recess: boolean,
  holidays: ReadonlySet<string>,
): string {
  let day = nextBusinessDay(legalDueDay(startDay, duration, recess), holidays);
  while (recess && isRecessDay(day)) day = nextBusinessDay(afterRecess(day), holidays);
  return day;
}

/** How a legal deadline's extension reads in its event and error messages. */
export function describeDuration(duration: Duration): string {
  const names = { DAYS: ['dia', 'dias'], MONTHS: ['mês', 'meses'], YEARS: ['ano', 'anos'] }[duration.unit];
  return `${duration.amount} ${duration.amount === 1 ? names[0] : names[1]}`;
}

/** The text a class's legal deadline carries on the process. */
export function legalDeadlineDescription(rule: LegalDeadlineRule): string {
  return `Prazo legal de ${rule.classCode}: ${describeDuration(rule.duration)} (${rule.legalBasis})`;
}
