import {
  type DeadlineCalendar,
  type DeadlineKind,
  type DeadlineStatus,
  deadlineViewState,
  dueAt,
  type LegalDeadlineRule,
  legalDeadlineDescription,
  legalDueBusinessDay,
  localDate,
} from '@acervo/domain';
import { LegalDeadlineRuleEntity, preparedQuery, PROCESS_DEADLINES_ORDER } from '@acervo/persistence';
import type { EntityManager } from 'typeorm';
import { readInstitutionSettings } from '../catalogues/institution-settings.service';
import { toRule } from '../catalogues/legal-deadlines.service';
import type { DeadlineDto } from './dto/deadline.dto';

/** The calendar a unit's deadlines count on: the institution's zone and recess, and the holidays of its place. */
export interface UnitCalendar extends DeadlineCalendar {
  recess: boolean;
}

export async function unitCalendar(tx: EntityManager, unitId: string, from: Date): Promise<UnitCalendar> {
  const settings = await readInstitutionSettings(tx);
  // National days, the unit's state's and its city's — from the day counting starts on.
  const holidays = await tx.query<{ day: string }[]>(
    `SELECT to_char(h.date, 'YYYY-MM-DD') AS day FROM holidays h JOIN units u ON u.id = $1
      WHERE h.date >= $2::date AND (h.scope = 'NATIONAL'
         OR (h.scope = 'STATE' AND h.uf = u.uf)
         OR (h.scope = 'MUNICIPAL' AND h.uf = u.uf AND lower(h.city) = lower(u.city)))`,
    [unitId, localDate(from, settings.timeZone)],
  );
  return {
    timeZone: settings.timeZone,
    recess: settings.yearEndRecess,
    holidays: new Set(holidays.map((h) => h.day)),
  };
}

export async function legalRule(tx: EntityManager, classCode: string): Promise<LegalDeadlineRule | null> {
  const row = await tx.getRepository(LegalDeadlineRuleEntity).findOneBy({ classCode });
  return row ? toRule(row) : null;
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
 * when the class has one; an old process's runs from the day it was instaurated. The
 * caller gives its unit's calendar and writes the event that caused it, naming the deadline.
 */
export async function openLegalDeadline(
  tx: EntityManager,
  p: { processId: string; classCode: string; actorId: string; startDay?: string },
  at: Date,
  calendar: UnitCalendar,
): Promise<OpenedDeadline | null> {
  const rule = await legalRule(tx, p.classCode);
  if (!rule) return null;
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

export interface DeadlineRow {
  id: string;
  process_id: string;
  kind: DeadlineKind;
  description: string;
  wait: boolean;
  starts_at: Date;
  due_at: Date;
  status: DeadlineStatus;
  extensions: number;
  legal_basis: string | null;
  ended_at: Date | null;
  version: number;
}

/** A deadline row as node-postgres gives it, or from a JSON aggregate (timestamps as ISO strings). */
export type DeadlineRecord = Omit<DeadlineRow, 'starts_at' | 'due_at' | 'ended_at'> & {
  starts_at: Date | string;
  due_at: Date | string;
  ended_at: Date | string | null;
};

/** A process's deadlines, running ones first (its deadline list and the process view share it). */
export async function processDeadlines(db: EntityManager, processId: string, now: Date): Promise<DeadlineDto[]> {
  const rows = await preparedQuery<DeadlineRow[]>(
    db,
    `SELECT * FROM deadlines dl WHERE dl.process_id = $1 ORDER BY ${PROCESS_DEADLINES_ORDER}`,
    [processId],
  );
  return rows.map((r) => toDto(r, now));
}

export function toDto(r: DeadlineRecord, now: Date): DeadlineDto {
  return {
    id: r.id,
    processId: r.process_id,
    kind: r.kind,
    description: r.description,
    wait: r.wait,
    startsAt: new Date(r.starts_at).toISOString(),
    dueAt: new Date(r.due_at).toISOString(),
    state: deadlineViewState({ status: r.status, dueAt: new Date(r.due_at) }, now),
    extensions: r.extensions,
    legalBasis: r.legal_basis,
    endedAt: r.ended_at === null ? null : new Date(r.ended_at).toISOString(),
    version: r.version,
  };
}
