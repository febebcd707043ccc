import type { FieldError } from '../errors';
import type { LegalDeadlineRule } from '../catalogues/legal-deadlines';
import { addDays } from './due-date';

export const DEADLINE_KINDS = ['LEGAL', 'INTERNAL'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** OPEN runs (pending, or expired while nobody closes it); CLOSED by a user (the answer arrived); ENDED by archiving or a class change. */
export const DEADLINE_STATUSES = ['OPEN', 'CLOSED', 'ENDED'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** What a person sees of a deadline: derived from its due time at read time, never from the worker. */
export const DEADLINE_VIEW_STATES = ['PENDING', 'EXPIRED', 'CLOSED', 'ENDED'] as const;
export type DeadlineViewState = (typeof DEADLINE_VIEW_STATES)[number];

export function deadlineViewState(d: { status: DeadlineStatus; dueAt: Date }, now: Date): DeadlineViewState {
  if (d.status !== 'OPEN') return d.status;
  return d.dueAt.getTime() <= now.getTime() ? 'EXPIRED' : 'PENDING';
}

export type ProcessDeadlineState = 'NONE' | 'PENDING' | 'EXPIRED';

/**
 * The flag a process carries in the boxes: EXPIRED when any running deadline is past due
 * (prazo vencido); PENDING when an internal one runs, or the legal term is near its end
 * (within the warning days); NONE otherwise — a legal term merely running is every
 * procedure's normal state, not news for the inbox.
 */
export function processDeadlineState(
  open: ReadonlyArray<{ kind: DeadlineKind; dueAt: Date }>,
  now: Date,
  warningDays: number,
): ProcessDeadlineState {
  if (open.some((d) => d.dueAt.getTime() <= now.getTime())) return 'EXPIRED';
  const soon = now.getTime() + warningDays * 86_400_000;
  return open.some((d) => d.kind === 'INTERNAL' || d.dueAt.getTime() <= soon) ? 'PENDING' : 'NONE';
}

/** How far ahead a deadline may fall: ten years (as `days` at most 3650). */
export const MAX_DEADLINE_DAYS = 3650;

/** A new internal deadline: some days ahead, or a day not in the past nor beyond ten years. */
export function internalDeadlineProblems(
  input: { description: string; days?: number; dueDate?: string },
  today: string,
): FieldError[] {
  const problems: FieldError[] = [];
  if (!input.description.trim()) problems.push({ field: 'description', message: 'descreva o prazo' });
  if ((input.days === undefined) === (input.dueDate === undefined)) {
    problems.push({ field: 'days', message: 'informe days ou dueDate (um dos dois)' });
  } else if (input.dueDate !== undefined && input.dueDate < today) {
    problems.push({ field: 'dueDate', message: 'a data de vencimento já passou' });
  } else if (input.dueDate !== undefined && input.dueDate > addDays(today, MAX_DEADLINE_DAYS)) {
    problems.push({ field: 'dueDate', message: 'no máximo dez anos à frente' });
  }
  return problems;
}

/**
 * Whether a deadline may be extended (prorrogado): a legal one as its class's rule allows
 * (how often, on a justification — the event keeps it); an internal one to a later day.
 */
export function extensionProblems(
  deadline: { kind: DeadlineKind; status: DeadlineStatus; extensions: number; dueDay: string },
  rule: LegalDeadlineRule | null,
  request: { justification?: string; days?: number; dueDate?: string },
): FieldError[] {
  if (deadline.status !== 'OPEN') return [{ field: 'id', message: 'o prazo já foi encerrado' }];
  if (deadline.kind === 'LEGAL') {
    const problems: FieldError[] = [];
    if (!rule?.extension) problems.push({ field: 'id', message: 'a classe não admite prorrogação do prazo legal' });
    else if (rule.maxExtensions !== null && deadline.extensions >= rule.maxExtensions) {
      problems.push({ field: 'id', message: `prorrogação já usada (${rule.maxExtensions} admitida)` });
    }
    if (!request.justification?.trim()) {
      problems.push({ field: 'justification', message: 'a prorrogação do prazo legal exige justificativa' });
    }
    if (request.days !== undefined || request.dueDate !== undefined) {
      problems.push({ field: 'days', message: 'o prazo legal prorroga-se pelo período da regra da classe' });
    }
    return problems;
  }
  if ((request.days === undefined) === (request.dueDate === undefined)) {
    return [{ field: 'days', message: 'informe days ou dueDate (um dos dois)' }];
  }
  if (request.dueDate !== undefined && request.dueDate <= deadline.dueDay) {
    return [{ field: 'dueDate', message: 'a prorrogação deve vencer depois do vencimento atual' }];
  }
  if (request.dueDate !== undefined && request.dueDate > addDays(deadline.dueDay, MAX_DEADLINE_DAYS)) {
    return [{ field: 'dueDate', message: 'no máximo dez anos à frente' }];
  }
  return [];
}

/**
 * An extension must leave the deadline pending: one still past due once extended would
 * record a second expiry at once, and tell nobody anything new.
 */
export function extendedDueProblems(newDue: Date, now: Date, field: string): FieldError[] {
  return newDue.getTime() > now.getTime()
    ? []
    : [{ field, message: 'mesmo prorrogado, o prazo já estaria vencido: informe um vencimento futuro' }];
}
