import { type AppError, errorCodeOf, isAppError } from '@rustok/kernel';
import { dbErrors } from './errors.js';

/**
 * Errors that say the database server is away (stopped, restarting, unreachable, or the connection
 * was cut), as opposed to errors of a statement. They become `DATABASE_UNAVAILABLE` (503): the
 * request may be tried again once the server is back, and the pool reconnects by itself.
 */

/** Socket errors of a connection that could not be made or was lost. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);

/**
 * SQLSTATEs: class 08 (connection exception), 57P01 admin shutdown (`pg_ctl stop/restart -m fast`),
 * 57P02 crash shutdown, 57P03 cannot connect now (starting up / shutting down), 53300 too many connections.
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** What `pg` and `pg-pool` throw when a connection ends or cannot be had. */
const DRIVER_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /is not queryable$/,
  /^Cannot use a pool after calling end on the pool$/,
];

const isUnavailableError = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false;
  const code = errorCodeOf(error);
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  if (error instanceof AggregateError && error.errors.some(isUnavailableError)) return true;
  return DRIVER_MESSAGES.some((pattern) => pattern.test(error.message));
};

/** `DATABASE_UNAVAILABLE` (503) when the error, or one of its causes, says the database is away; otherwise undefined. */
export const databaseUnavailable = (error: unknown): AppError | undefined => {
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (isAppError(current)) return current.code === 'DATABASE_UNAVAILABLE' ? current : undefined;
    if (isUnavailableError(current)) {
      return dbErrors.DATABASE_UNAVAILABLE('The database is unavailable; try again shortly', {
        cause: error,
        meta: { retryAfterSeconds: 2 },
      });
    }
    current = current.cause;
  }
  return undefined;
};

/** Rethrows `error`, as `DATABASE_UNAVAILABLE` when it says the database is away. */
export const rethrowUnavailable = (error: unknown): never => {
  throw databaseUnavailable(error) ?? error;
};
