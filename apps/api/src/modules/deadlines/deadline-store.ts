import {
  type DeadlineCalendar,
  type DeadlineKind,
  type DurationUnit,
  dueAt,
  type LegalDeadlineRule,
  legalDeadlineDescription,
  legalDueBusinessDay,
  localDate,
} from '@acervo/domain';
import type { EntityManager } from 'typeorm';

/** The calendar a unit's deadlines count on: the institution's zone and recess, and the holidays of its place. */
export interface UnitCalendar extends DeadlineCalendar {
  recess: boolean;
}

export async function unitCalendar(tx: EntityManager, unitId: string, from: Date): Promise<UnitCalendar> {
  const [settings] = await tx.query<{ time_zone: string; year_end_recess: boolean }[]>(
    `SELECT time_zone, year_end_recess FROM institution_settings WHERE id = 1`,
  );
  // National days, the unit's state's and its city's — from the day counting starts on.
  const holidays = await tx.query<{ day: string }[]>(
    `SELECT to_char(h.date, 'YYYY-MM-DD') AS day FROM holidays h JOIN units u ON u.id = $1
      WHERE h.date >= $2::date AND (h.scope = 'NATIONAL'
         OR (h.scope = 'STATE' AND h.uf = u.uf)
         OR (h.scope = 'MUNICIPAL' AND h.uf = u.uf AND lower(h.city) = lower(u.city)))`,
    [unitId, localDate(from, settings.time_zone)],
  );
  return {
    timeZone: settings.time_zone,
    recess: settings.year_end_recess,
    holidays: new Set(holidays.map((h) => h.day)),
  };
}

export async function legalRule(tx: EntityManager, classCode: string): Promise<LegalDeadlineRule | null> {
  const [row] = await tx.query<
    {
      duration_amount: number;
      duration_unit: DurationUnit;
      extension_amount: number | null;
      extension_unit: DurationUnit | null;
      max_extensions: number | null;
      legal_basis: string;
    }[]
  >(`SELECT * FROM legal_deadline_rules WHERE class_code = $1`, [classCode]);
  if (!row) return null;
  return {
    classCode,
    duration: { amount: row.duration_amount, unit: row.duration_unit },
    extension:
      row.extension_amount !== null && row.extension_unit
        ? { amount: row.extension_amount, unit: row.extension_unit }
        : null,
    maxExtensions: row.max_extensions,
    legalBasis: row.legal_basis,
  };
}

/** When a legal term counted from a day (with the recess, when the institution keeps it) is due. */
export function legalDueAt(from: Date, startDay: string, rule: LegalDeadlineRule['duration'], calendar: UnitCalendar) {
  return dueAt(from, { dueDate: legalDueBusinessDay(startDay, rule, calendar.recess, calendar.holidays) }, calendar);
}

export interface OpenedDeadline {
  id: string;
  dueAt: string;
}

/**
 * Starts the legal deadline of a process's class (at registration, at a class conversion),
 * when the class has one; an old process's runs from the day it was instaurated. The caller writes the event that caused it, naming the deadline.
 */
export async function openLegalDeadline(
  tx: EntityManager,
  p: { processId: string; unitId: string; classCode: string; actorId: string; startDay?: string },
  at: Date,
): Promise<OpenedDeadline | null> {
  const rule = await legalRule(tx, p.classCode);
  if (!rule) return null;
  const calendar = await unitCalendar(tx, p.unitId, at);
  const due = legalDueAt(at, p.startDay ?? localDate(at, calendar.timeZone), rule.duration, calendar);
  const [row] = await tx.query<{ id: string }[]>(
    `INSERT INTO deadlines (process_id, kind, description, wait, starts_at, due_at, legal_basis, created_by, created_at)
     VALUES ($1, 'LEGAL', $2, false, $3, $4, $5, $6, $3) RETURNING id`,
    [p.processId, legalDeadlineDescription(rule), at, due, rule.legalBasis, p.actorId],
  );
  return { id: row.id, dueAt: due.toISOString() };
}

/** Ends the open deadlines of a process (archiving: all; a class change: the legal one). Returns how many. */
export async function endOpenDeadlines(
  tx: EntityManager,
  processId: string,
  at: Date,
  actorId: string,
  kind?: DeadlineKind,
): Promise<number> {
  const ended = await tx.query<unknown[]>(
    `WITH ended AS (
       UPDATE deadlines SET status = 'ENDED', ended_at = $2, ended_by = $3, version = version + 1
        WHERE process_id = $1 AND status = 'OPEN' AND ($4::text IS NULL OR kind = $4) RETURNING 1)
     SELECT 1 FROM ended`,
    [processId, at, actorId, kind ?? null],
  );
  return ended.length;
}
