import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { DomainError, isBrandRole } from '@jf/domain';
import { databaseUnavailableReason, resolveSession, type Database, type SessionPolicy, type User } from '@jf/db';
import { CSRF_HEADER, csrfTokenMatches, SESSION_COOKIE } from '../trpc/context';

/** What the plain-HTTP routes (file uploads and downloads) need to authenticate like tRPC does. */
export interface HttpAuthOptions {
  database: Database;
  sessionPolicy: SessionPolicy;
}

const STATUS_BY_CODE: Record<string, number> = { validation: 400, unauthenticated: 401, forbidden: 403, not_found: 404, conflict: 409, service_unavailable: 503 };

/** The same error body as tRPC's: a code, a readable message and the fields at fault. */
export function sendError(res: Response, error: unknown, logger: Logger): void {
  const unavailable = databaseUnavailableReason(error);
  if (unavailable) {
    logger.warn({ err: error }, 'database unavailable');
    error = new DomainError('service_unavailable', unavailable);
  }
  if (res.headersSent) {
    // A download that fails midway can only be cut off; the client sees an incomplete body.
    res.destroy();
    return;
  }
  if (error instanceof DomainError) {
    res.status(STATUS_BY_CODE[error.code] ?? 400).json({ error: { code: error.code, message: error.message, fieldIssues: error.fieldIssues } });
    return;
  }
  logger.error({ err: error }, 'file request failed');
  res.status(500).json({ error: { code: 'internal', message: 'Something went wrong on our side; nothing was stored' } });
}

/** The signed-in user behind the session cookie; mutations must also carry the session's CSRF token. */
export async function sessionUser(req: Request, options: HttpAuthOptions, requireCsrf: boolean): Promise<User> {
  const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  const session = token ? await resolveSession(options.database.fork(), token, options.sessionPolicy) : null;
  if (!session) throw new DomainError('unauthenticated', 'Sign in first');
  if (requireCsrf && !csrfTokenMatches(session.csrfToken, req.header(CSRF_HEADER))) {
    throw new DomainError('forbidden', 'Missing or invalid CSRF token; reload the page and try again');
  }
  return session.user;
}

/** Like sessionUser, for routes only brand users may use. */
export async function brandUser(req: Request, options: HttpAuthOptions, requireCsrf: boolean): Promise<User> {
  const user = await sessionUser(req, options, requireCsrf);
  if (!isBrandRole(user.role) || !user.brand) throw new DomainError('forbidden', 'Only brand users can do this');
  return user;
}
