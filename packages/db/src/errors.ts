import { ConnectionException, DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';

/** Lets callers outside this package tell database failures apart without importing MikroORM. */
export const isUniqueViolation = (error: unknown): boolean => error instanceof UniqueConstraintViolationException;
export const isDatabaseError = (error: unknown): boolean => error instanceof DriverException;

/** Socket and pool failures: the database server is down, restarting or out of reach. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** PostgreSQL SQLSTATEs of a server that went away or is not ready: shutdown, crash, starting up, too many connections. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const CONNECTION_MESSAGES = [
  /Connection terminated/i,
  /connection error and is not queryable/i,
  /Timeout acquiring a connection/i,
  /Unable to acquire a connection/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /server closed the connection unexpectedly/i,
];

/**
 * Why a failure is the database's being unavailable rather than a fault of the request, as a sentence
 * for the caller; null for any other error. Covers PostgreSQL being stopped or restarted (refused or
 * dropped connections, SQLSTATE class 08, shutdown codes, a pool that cannot hand out a connection) and
 * a SQLite file that cannot take writes (read-only, disk full, I/O error) or stays locked.
 */
export function databaseUnavailableReason(error: unknown): string | null {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const failure: Error = current;
    const code = String((failure as { code?: unknown }).code ?? '');
    if (code.startsWith('SQLITE_READONLY')) return 'The database is read-only at the moment; nothing was changed. Reading still works; try the change again later.';
    if (code === 'SQLITE_FULL') return 'The database’s disk is full; nothing was changed. Try again once space has been freed.';
    if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return 'The database file cannot be read or written at the moment; nothing was changed. Try again shortly.';
    if (code.startsWith('SQLITE_BUSY')) return 'The database is busy; nothing was changed. Try again in a moment.';
    if (failure instanceof ConnectionException || CONNECTION_CODES.has(code) || code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code) || CONNECTION_MESSAGES.some((pattern) => pattern.test(failure.message))) {
      return 'The database is unavailable at the moment; nothing was changed. Try again shortly.';
    }
  }
  return null;
}
