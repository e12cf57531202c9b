import { Router } from 'express';
import type { Logger } from 'pino';
import { bulkNoticeMetaInput, DomainError, invalidInput } from '@jf/domain';
import { bulkJobErrorLines, findBrandBulkJob } from '@jf/db';
import { brandUser, sendError, type HttpAuthOptions } from './session-user';
import { acceptBulkUpload, storeUpload, type BulkJobRunner } from '../services/bulk-notices';

export interface BulkNoticeRouteOptions extends HttpAuthOptions {
  uploadDir: string;
  runner: BulkJobRunner;
  logger: Logger;
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
        throw invalidInput('Invalid input', fieldIssues);
      }
      if (!req.is('text/csv') && !req.is('text/plain') && !req.is('application/octet-stream')) {
        throw new DomainError('validation', 'Send the file as text/csv', { file: ['must be sent as text/csv'] });
      }
      const stored = await storeUpload(req, options.uploadDir);
      const fileName = String(req.header('x-file-name') ?? 'notice.csv');
      const accepted = await acceptBulkUpload(options.database, { brandId: user.brand!.id, userId: user.id, actor: { id: user.id, label: `${user.email} (${user.role})` } }, meta.data, { ...stored, fileName });
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
