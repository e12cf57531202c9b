import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { bulkNoticeMetaInput, DomainError, isBrandRole } from '@jf/domain';
import { bulkJobErrorLines, findBrandBulkJob, resolveSession, type Database, type SessionPolicy, type User } from '@jf/db';
import { CSRF_HEADER, SESSION_COOKIE } from '../trpc/context';
import { acceptBulkUpload, storeUpload, type BulkJobRunner } from '../services/bulk-notices';

export interface BulkNoticeRouteOptions {
  database: Database;
  sessionPolicy: SessionPolicy;
  uploadDir: string;
  runner: BulkJobRunner;
  logger: Logger;
}

const STATUS_BY_CODE: Record<string, number> = { validation: 400, unauthenticated: 401, forbidden: 403, not_found: 404, conflict: 409 };

function sendError(res: Response, error: unknown, logger: Logger) {
  if (error instanceof DomainError) {
    res.status(STATUS_BY_CODE[error.code] ?? 400).json({ error: { code: error.code, message: error.message, fieldIssues: error.fieldIssues } });
    return;
  }
  logger.error({ err: error }, 'bulk notice request failed');
  res.status(500).json({ error: { code: 'internal', message: 'Something went wrong on our side; nothing was stored' } });
}

/** The brand user behind the session cookie; mutations must also carry the session's CSRF token. */
async function brandUser(req: Request, options: BulkNoticeRouteOptions, requireCsrf: boolean): Promise<User> {
  const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  const session = token ? await resolveSession(options.database.fork(), token, options.sessionPolicy) : null;
  if (!session) throw new DomainError('unauthenticated', 'Sign in first');
  if (requireCsrf && req.header(CSRF_HEADER) !== session.csrfToken) throw new DomainError('forbidden', 'Missing or invalid CSRF token; reload the page and try again');
  if (!isBrandRole(session.user.role) || !session.user.brand) throw new DomainError('forbidden', 'Only brand users can file notices');
  return session.user;
}

/**
 * Bulk notices travel as a raw CSV body (`content-type: text/csv`) with the notice's fields as query
 * parameters, so the file streams to disk without being held in memory.
 */
export function bulkNoticeRoutes(options: BulkNoticeRouteOptions): Router {
  const routes = Router();

  routes.post('/', async (req, res) => {
    try {
      const user = await brandUser(req, options, true);
      const meta = bulkNoticeMetaInput.safeParse(req.query);
      if (!meta.success) {
        const fieldIssues = Object.fromEntries(meta.error.issues.map((issue) => [issue.path.join('.'), [issue.message]]));
        throw new DomainError('validation', `Invalid input: ${Object.entries(fieldIssues).map(([field, reasons]) => `${field}: ${reasons.join(', ')}`).join('; ')}`, fieldIssues);
      }
      if (!req.is('text/csv') && !req.is('text/plain') && !req.is('application/octet-stream')) {
        throw new DomainError('validation', 'Send the file as text/csv', { file: ['must be sent as text/csv'] });
      }
      const stored = await storeUpload(req, options.uploadDir);
      const fileName = String(req.header('x-file-name') ?? 'notice.csv');
      const accepted = await acceptBulkUpload(options.database, user, meta.data, { ...stored, fileName });
      if (!accepted.replayed) void options.runner.enqueue(accepted.jobId);
      res.status(202).json(accepted);
    } catch (error) {
      sendError(res, error, options.logger);
    }
  });

  /** Rejected rows as CSV, for the brand to fix and upload again. */
  routes.get('/:jobId/errors.csv', async (req, res) => {
    try {
      const user = await brandUser(req, options, false);
      const job = /^[0-9a-f-]{36}$/i.test(req.params.jobId) ? await findBrandBulkJob(options.database.fork(), user.brand!.id, req.params.jobId) : null;
      if (!job) throw new DomainError('not_found', 'Bulk notice not found');
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="bulk-notice-${job.id}-errors.csv"`);
      // Written row by row from the database, so a 100,000-row report never sits in memory at once.
      res.write('\uFEFFrow,column,error\n');
      for await (const line of bulkJobErrorLines(options.database.fork(), job.id)) res.write(line);
      res.end();
    } catch (error) {
      sendError(res, error, options.logger);
    }
  });

  return routes;
}
