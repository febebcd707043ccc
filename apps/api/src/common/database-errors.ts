import type { DomainError } from '@acervo/domain';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

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

/** Socket errors of a server that is gone, restarting or unreachable. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
/**
 * SQLSTATE classes 08 (connection exception) and 57P (the server shutting down, crashed,
 * or not yet accepting connections), and 53300 (no connection slot left).
 */
const SERVER_GONE = /^(08...|57P0[1-3]|53300)$/;
/** What node-postgres throws, without a code, when the server closes the connection under it. */
const DRIVER_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
];

/**
 * PostgreSQL could not be reached or dropped the connection (a restart, a failover): the
 * request's transaction was never committed, and the same request may succeed again in a
 * moment — answered 503, not 500. TypeORM wraps some of these in QueryFailedError, and
 * passes connection failures of the pool through as they are.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  // TypeORM releases a transaction's query runner when its connection errors; the next
  // statement of that transaction then finds it released (it rolled back with the connection).
  if (error instanceof QueryRunnerAlreadyReleasedError || error instanceof QueryRunnerProviderAlreadyReleasedError) {
    return true;
  }
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_GONE.test(code))) return true;
    if (typeof message === 'string' && DRIVER_MESSAGES.some((m) => message.startsWith(m))) return true;
    e = (e as { driverError?: unknown; cause?: unknown }).driverError ?? (e as { cause?: unknown }).cause;
  }
  return false;
}
