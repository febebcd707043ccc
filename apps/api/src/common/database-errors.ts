import type { DomainError } from '@acervo/domain';
import { QueryFailedError } from 'typeorm';

const CONSTRAINT_VIOLATIONS = new Set(['23505', '23P01', '23503']);

/**
 * Turns the violation of a named constraint into the domain error the caller gives for it.
 * The database is the last word under concurrency (two requests checking at once both
 * see "free"); this names the field the way a check beforehand would have.
 */
export function translateConstraint(error: unknown, byConstraint: Record<string, () => DomainError>): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const { code, constraint } = error.driverError as { code?: string; constraint?: string };
  if (!code || !CONSTRAINT_VIOLATIONS.has(code) || !constraint) return error;
  return byConstraint[constraint]?.() ?? error;
}

/**
 * A transaction the database aborted to break a deadlock or a serialisation conflict:
 * nothing was written, and the same request may succeed again. Lock orders are designed
 * not to deadlock; this is the backstop that answers 409 instead of 500 if one does.
 */
export function isConcurrencyAbort(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const { code } = error.driverError as { code?: string };
  return code === '40P01' || code === '40001';
}
