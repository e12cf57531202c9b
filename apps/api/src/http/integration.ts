import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { counterNoticeInput, DomainError, invalidInput, nulCharacterPath, type FieldIssues } from '@jf/domain';
import { ApiKey, findLiveApiKey, type Database } from '@jf/db';
import { fileCounterNotice } from '../services/appeals';
import { sendError } from './session-user';

/** The key behind `Authorization: Bearer …`, which must belong to a marketplace and carry `scope`. */
async function marketplaceKey(req: Request, database: Database, scope: string): Promise<ApiKey> {
  const [kind, secret] = (req.header('authorization') ?? '').split(' ');
  if (kind !== 'Bearer' || !secret) throw new DomainError('unauthenticated', 'Send the marketplace key as Authorization: Bearer <key>');
  const key = await findLiveApiKey(database.fork(), secret);
  if (!key) throw new DomainError('unauthenticated', 'This key is unknown or revoked');
  if (key.kind !== 'marketplace' || !key.marketplace) throw new DomainError('forbidden', 'Only marketplace keys may call the marketplace endpoints');
  if (!key.scopes.includes(scope)) throw new DomainError('forbidden', `This key lacks the ${scope} scope`);
  return key;
}

/**
 * What marketplaces call: `POST /api/v1/marketplace/counter-notices` files a seller's counter-notice
 * against a removal. 201 with the new appeal, 200 when the same counter-notice (same `externalId`)
 * comes again, 400 with the fields at fault, 409 when the removal already has another one.
 */
export function integrationRoutes(options: { database: Database; logger: Logger }): Router {
  const routes = Router();
  routes.use(express.json({ limit: '256kb' }));

  routes.post('/counter-notices', async (req, res) => {
    try {
      const key = await marketplaceKey(req, options.database, 'counter_notices');
      const nul = nulCharacterPath(req.body);
      if (nul) throw invalidInput('The counter-notice was not filed', { [nul]: ['must not contain a NUL character'] });
      const parsed = counterNoticeInput.safeParse(req.body ?? {});
      if (!parsed.success) {
        const issues: FieldIssues = {};
        for (const issue of parsed.error.issues) (issues[issue.path.join('.') || 'body'] ??= []).push(issue.message);
        throw invalidInput('The counter-notice was not filed', issues);
      }
      const marketplace = key.marketplace!.code;
      const actor = { id: null, label: `${marketplace} marketplace (key ${key.prefix}…)` };
      const result = await options.database.fork().transactional(async (em) => {
        const filed = await fileCounterNotice(em, marketplace, parsed.data, actor, new Date());
        await em.nativeUpdate(ApiKey, key.id, { lastUsedAt: new Date() });
        return filed;
      });
      const { appeal } = result;
      res.status(result.created ? 201 : 200).json({
        id: appeal.id,
        externalId: appeal.externalId,
        state: appeal.state,
        removalId: appeal.removal.id,
        brandDueAt: appeal.brandDueAt?.toISOString() ?? null,
        createdAt: appeal.createdAt.toISOString(),
      });
    } catch (error) {
      sendError(res, error, options.logger);
    }
  });

  // Bodies that are not JSON, or too large, are refused in the same error shape as everything else.
  routes.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    if (error.type === 'entity.too.large') {
      res.status(413).json({ error: { code: 'validation', message: 'The body is larger than 256 kB', fieldIssues: { body: ['is larger than 256 kB'] } } });
    } else if (error.status && error.status >= 400 && error.status < 500) {
      res.status(400).json({ error: { code: 'validation', message: `The body is not valid JSON: ${error.message}`, fieldIssues: { body: ['must be a JSON object'] } } });
    } else {
      sendError(res, error, options.logger);
    }
  });

  return routes;
}
