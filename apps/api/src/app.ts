import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import type { Database, SessionPolicy } from '@jf/db';
import type { SignInAddressPolicy } from '@jf/domain';
import { bulkNoticeRoutes } from './http/bulk-notices';
import { documentRoutes } from './http/documents';
import { auditExportRoute } from './http/audit-export';
import { restApi } from './rest/http';
import { SignInAddressLimiter } from './http/sign-in-limiter';
import type { BulkJobRunner } from './services/bulk-notices';
import { contextFactory } from './trpc/context';
import { appRouter } from './routers';

export interface AppOptions {
  database: Database;
  logger: Logger;
  sessionPolicy: SessionPolicy;
  /** Served over HTTPS (COOKIE_SECURE): the session cookie is marked Secure and browsers are told to stay on HTTPS (HSTS). */
  cookieSecure: boolean;
  /** Sign-in attempts allowed per client address; the domain's SIGN_IN_ADDRESS_LIMIT unless a test sets its own. */
  signInAddressLimit?: SignInAddressPolicy;
  /** Where uploaded files are kept, and the in-process runner that works through bulk notices. */
  uploadDir: string;
  bulkRunner: BulkJobRunner;
  /** Calls a minute each API key may make on `/api/v1` (default 600). */
  apiCallsPerMinute?: number;
  /** Built single-page apps to serve, mounted at `/admin/` and `/portal/`. */
  adminDist?: string;
  portalDist?: string;
}

/** A URL with the values of token-like query parameters (e.g. an invitation link's) replaced. */
export function redactUrlTokens(url: string): string {
  return url.replace(/([?&][^=&#]*(?:token|key|secret|password)[^=&#]*=)[^&#]*/gi, '$1[Redacted]');
}

/** The whole HTTP surface, without listening: tests and main.ts both build it here. */
export function createApp(options: AppOptions): Express {
  const { database, logger } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      // Cookies, CSRF tokens, API keys and one-time tokens in links never reach the log.
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      // The query string is logged once, inside the URL, with token-like values replaced.
      serializers: { req: ({ query: _query, ...req }: { url?: string; query?: unknown }) => ({ ...req, url: req.url && redactUrlTokens(req.url) }) },
      // Health probes and static assets would drown the requests that matter.
      autoLogging: { ignore: (req) => req.url === '/health' || /^\/(admin|portal)\/assets\//.test(req.url ?? '') },
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        // Nothing here is meant to be framed: no other site may frame the apps (clickjacking).
        directives: { 'img-src': ["'self'", 'data:', 'blob:'], 'frame-ancestors': ["'none'"], 'upgrade-insecure-requests': null },
      },
      xFrameOptions: { action: 'deny' },
      // HSTS only means something over HTTPS; on a plain-HTTP deployment it would only mislead.
      strictTransportSecurity: options.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    }),
  );
  app.use(cookieParser());

  app.get('/health', async (_req, res) => {
    const databaseOk = await database.isHealthy();
    res.status(databaseOk ? 200 : 503).json({ status: databaseOk ? 'ok' : 'unavailable', database: database.kind });
  });

  app.use(
    '/api/bulk-notices',
    bulkNoticeRoutes({ database, sessionPolicy: options.sessionPolicy, uploadDir: options.uploadDir, runner: options.bulkRunner, logger }),
  );

  app.use('/api/documents', documentRoutes({ database, sessionPolicy: options.sessionPolicy, uploadDir: options.uploadDir, logger }));
  app.get('/api/audit-events.csv', auditExportRoute({ database, sessionPolicy: options.sessionPolicy, logger }));
  app.use('/api/v1', restApi({ database, logger, perMinute: options.apiCallsPerMinute ?? 600, uploadDir: options.uploadDir, bulkRunner: options.bulkRunner }));

  app.use(
    '/trpc',
    express.json({ limit: '1mb' }),
    createExpressMiddleware({
      router: appRouter,
      createContext: contextFactory({ ...options, signInLimiter: new SignInAddressLimiter(options.signInAddressLimit) }),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') logger.error({ err: error.cause ?? error, path }, 'procedure failed');
      },
    }),
  );

  for (const [mount, folder] of [
    ['/admin', options.adminDist],
    ['/portal', options.portalDist],
  ] as const) {
    if (!folder || !existsSync(join(folder, 'index.html'))) continue;
    app.use(mount, express.static(folder, { index: false, maxAge: '1h' }));
    // Client-side routes: any other path under the mount gets the app shell.
    app.get(`${mount}{/*rest}`, (_req, res) => res.sendFile(join(folder, 'index.html'), { maxAge: 0 }));
  }
  app.get('/', (_req, res) => res.redirect(302, '/portal/'));

  app.use((_req, res) => res.status(404).json({ error: { code: 'not_found', message: 'No such route' } }));
  return app;
}
