import { createHash, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import express, { Router, type Request } from 'express';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import type { Logger } from 'pino';
import { createOpenApiExpressMiddleware, generateOpenApiDocument } from 'trpc-to-openapi';
import { authorisedBrandIds, findLiveApiKey, type Database } from '@jf/db';
import { restErrorBody, type MarketplaceCode } from '@jf/domain';
import { z } from 'zod';
import type { BulkJobRunner } from '../services/bulk-notices';
import type { ApiPrincipal, RestContext } from './init';
import { apiV1Router } from './router';

const swaggerUiAssets = (createRequire(import.meta.url)('swagger-ui-dist') as { getAbsoluteFSPath(): string }).getAbsoluteFSPath();

const generated = generateOpenApiDocument(apiV1Router, {
  title: 'Joint Force API',
  version: '1.0.0',
  baseUrl: '/api/v1',
  description:
    'Brands, their agents and marketplaces talk to Joint Force here. Send a key as `Authorization: Bearer <key>`: brand keys (created by a brand admin in the portal) hold the scopes read, file_notices and answer_auth_requests; marketplace keys (created by a platform admin) hold counter_notices and listings. Each key is rate-limited (429 with Retry-After) and every call is audited under it. Lists page with an opaque `cursor`; creates take an idempotency key; timestamps are ISO 8601. Errors answer `{ code, message, data: { fieldIssues } }`. Removal, reinstatement and seller-status commands reach a marketplace as webhooks — POSTs to its `/commands/…` endpoints, acknowledged in the answer, retried with the same idempotency key until they are — each signed with the shared secret: `X-JF-Signature: t=<ms>,v1=<hex HMAC-SHA256 of "<t>.<body>">`; refuse a call whose signature does not match or is more than 5 minutes old.',
});

/**
 * The document as generated, with every error answer described by the platform's own error body
 * (`restErrorBody`: code, message, field issues) instead of the generator's narrower default.
 */
export const openApiDocument = (() => {
  const errorSchema = z.toJSONSchema(restErrorBody, { target: 'draft-2020-12' }) as Record<string, unknown>;
  delete errorSchema.$schema;
  for (const operations of Object.values(generated.paths ?? {})) {
    for (const operation of Object.values(operations as Record<string, { responses?: Record<string, { content?: Record<string, { schema: unknown }> }> }>)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (status !== '200' && response.content?.['application/json']) response.content['application/json'].schema = errorSchema;
      }
      operation.responses = { ...operation.responses, '429': { description: 'Too many calls with this key: wait Retry-After seconds', content: { 'application/json': { schema: errorSchema } } } as never };
    }
  }
  return generated;
})();

const bearerOf = (req: Request): string | null => {
  const [kind, secret] = (req.header('authorization') ?? '').split(' ');
  return kind === 'Bearer' && secret ? secret : null;
};

async function principalOf(database: Database, req: Request): Promise<ApiPrincipal | null> {
  const secret = bearerOf(req);
  if (!secret) return null;
  const em = database.fork();
  const key = await findLiveApiKey(em, secret);
  if (!key) return null;
  const named = req.header('x-brand-id') ?? null;
  return {
    keyId: key.id,
    kind: key.kind,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    brandId: key.brand?.id ?? null,
    marketplace: (key.marketplace?.code as MarketplaceCode | undefined) ?? null,
    agent: key.agent ? { id: key.agent.id, name: key.agent.name, authorisedBrandIds: await authorisedBrandIds(em, key.agent.id), actingFor: named } : null,
  };
}

/** Creates answer 201; everything else the status of its outcome. */
function statusOf(paths: readonly string[] | undefined, data: unknown): number | undefined {
  const [path] = paths ?? [];
  const created = (data as { created?: boolean; replayed?: boolean } | undefined) ?? {};
  if (path === 'marketplace.counterNotice') return created.created ? 201 : 200;
  if (path === 'notices.submit') return created.replayed ? 200 : 201;
  if (path === 'notices.bulk') return created.replayed ? 200 : 202;
  return undefined;
}

/**
 * `/api/v1`: the OpenAPI document, browsable docs, and the endpoints themselves — each key limited to
 * `perMinute` calls a minute (per address for calls without a key).
 */
export function restApi(options: { database: Database; logger: Logger; perMinute: number; uploadDir: string; bulkRunner: BulkJobRunner }): Router {
  const routes = Router();
  routes.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument);
  });
  // The docs page loads Swagger UI from the package's own files, with no inline script (the CSP forbids it).
  routes.get('/docs', (_req, res) => {
    res.type('html').send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Joint Force API</title>
<link rel="stylesheet" href="/api/v1/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div><script src="/api/v1/docs/assets/swagger-ui-bundle.js"></script><script src="/api/v1/docs/init.js"></script></body></html>`);
  });
  routes.get('/docs/init.js', (_req, res) => {
    res.type('application/javascript').send("window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger-ui', deepLinking: true });");
  });
  routes.use('/docs/assets', express.static(swaggerUiAssets, { index: false, maxAge: '1d' }));

  routes.use(
    rateLimit({
      windowMs: 60_000,
      limit: options.perMinute,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      keyGenerator: (req) => {
        const secret = bearerOf(req);
        return secret ? `key:${createHash('sha256').update(secret).digest('hex')}` : `ip:${ipKeyGenerator(req.ip ?? '')}`;
      },
      handler: (req, res, _next, used) => {
        const resetTime = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
        const seconds = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + used.windowMs) - Date.now()) / 1000));
        res.setHeader('Retry-After', String(seconds));
        res.status(429).json({ code: 'TOO_MANY_REQUESTS', message: `This key may make ${used.limit} calls a minute; try again in ${seconds} s`, data: { domainCode: 'rate_limited', fieldIssues: null } });
      },
    }),
  );

  routes.use(
    createOpenApiExpressMiddleware({
      router: apiV1Router,
      maxBodySize: 1024 * 1024,
      createContext: async ({ req }): Promise<RestContext> => ({
        em: options.database.fork(),
        database: options.database,
        uploadDir: options.uploadDir,
        bulkRunner: options.bulkRunner,
        principal: await principalOf(options.database, req as Request),
        requestId: String((req as Request & { id?: unknown }).id ?? randomUUID()),
        call: { method: req.method ?? 'GET', path: (req as Request).originalUrl?.split('?')[0] ?? '' },
      }),
      responseMeta: ({ paths, data, errors }) => (errors.length ? {} : { status: statusOf(paths, data[0]) }),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') options.logger.error({ err: error.cause ?? error, path }, 'REST call failed');
      },
    }),
  );
  return routes;
}
