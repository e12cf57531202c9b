import { resolve } from 'node:path';
import { pino } from 'pino';
import { Database, ensureMarketplaceKey, Marketplace, parseDatabaseUrl, pointMarketplacesAt, seedWorld, simulatorKey } from '@jf/db';
import { createApp } from './app';
import { BulkJobRunner } from './services/bulk-notices';
import { readEnv } from './env';
import { startListingIngestion } from './workers/listing-ingestion';
import { runGftGovernance } from './services/gft-governance';
import { startAppealDeadlines } from './workers/appeal-deadlines';
import { startDetectionScanner } from './workers/detection-scanner';
import { runPeriodically } from './workers/periodic';
import { startNotificationMailer } from './workers/notification-mailer';
import { startOutboxDispatcher } from './workers/outbox-dispatcher';
import { createTransport } from 'nodemailer';

const repoRoot = resolve(import.meta.dirname, '../../..');
const env = readEnv(resolve(repoRoot, '.env'));
const logger = pino({ level: env.LOG_LEVEL });

const database = await Database.open(parseDatabaseUrl(env.DATABASE_URL, resolve(repoRoot, 'data/joint-force.sqlite')), {
  migrate: false,
});
const applied = await database.migrate();
if (applied.length) logger.info({ applied }, 'migrations applied');

if (env.JF_SEED !== 'none') {
  const seeded = await seedWorld(database, {
    size: env.JF_SEED,
    onlyIfEmpty: true,
    simulatorBaseUrl: env.JF_SIMULATOR_URL,
    log: (line) => logger.info(line),
  });
  if (seeded) logger.info({ size: env.JF_SEED }, 'demo world seeded');
}
if (env.SIMULATOR_KEY_SECRET) {
  // The simulator sends what a marketplace sends (counter-notices) through the integration API, with these keys.
  const em = database.fork();
  for (const marketplace of await em.find(Marketplace, {})) {
    await ensureMarketplaceKey(em, marketplace, simulatorKey(marketplace.code, env.SIMULATOR_KEY_SECRET), 'Marketplace simulator', ['counter_notices', 'listings']);
  }
}
if (env.JF_SIMULATOR_URL) {
  const changed = await pointMarketplacesAt(database.fork(), env.JF_SIMULATOR_URL);
  if (changed) logger.info({ simulator: env.JF_SIMULATOR_URL, changed }, 'marketplaces pointed at the simulator');
}

// The embedded default: the outbox dispatcher and listing ingestion in this process
// (workers/outbox-main.ts and workers/ingestion-main.ts run them alone).
const outbox = env.JF_WORKERS === 'all' ? startOutboxDispatcher({ database, logger, webhookSecret: env.MARKETPLACE_WEBHOOK_SECRET }) : null;
const ingestion = env.JF_WORKERS === 'all' ? startListingIngestion({ database, logger, intervalMs: env.JF_INGEST_INTERVAL_MS }) : null;
const mailer =
  env.SMTP_URL && env.JF_WORKERS === 'all'
    ? startNotificationMailer({ database, logger, transport: createTransport(env.SMTP_URL), from: env.MAIL_FROM, publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`, intervalMs: env.JF_MAIL_INTERVAL_MS })
    : null;
const appealDeadlines = env.JF_WORKERS === 'all' ? startAppealDeadlines({ database, logger }) : null;
// Every brand's rolling record is re-judged every ten minutes (suspensions take effect then), the first
// time ten minutes after start: a freshly seeded demo keeps its story for a first look.
const governance =
  env.JF_WORKERS === 'all'
    ? runPeriodically(() => runGftGovernance(database), 10 * 60_000, logger, 'GFT governance pass failed', { firstPassAfterMs: 10 * 60_000 })
    : null;
// New and changed listings are scored as ingestion brings them; full scans and retraining on demand
// from the admin, and on the detection settings' schedule.
const scanner = env.JF_WORKERS === 'all' ? startDetectionScanner({ database, logger }) : null;
if (!env.SMTP_URL) logger.info('SMTP_URL is not set: notifications stay in the apps, no e-mail is sent');

const bulkRunner = new BulkJobRunner(database, logger, env.BULK_BATCH_PAUSE_MS);
const resumed = await bulkRunner.resumeUnfinished();
if (resumed) logger.info({ resumed }, 'resuming unfinished bulk notices');

const app = createApp({
  database,
  logger,
  uploadDir: resolve(repoRoot, env.UPLOAD_DIR ?? 'data/uploads'),
  bulkRunner,
  sessionPolicy: { ttlMs: env.SESSION_TTL_HOURS * 3_600_000, idleMs: env.SESSION_IDLE_MINUTES * 60_000 },
  cookieSecure: env.COOKIE_SECURE,
  apiCallsPerMinute: env.API_CALLS_PER_MINUTE,
  adminDist: resolve(repoRoot, env.ADMIN_DIST ?? 'apps/admin/dist'),
  portalDist: resolve(repoRoot, env.PORTAL_DIST ?? 'apps/portal/dist'),
});

const server = app.listen(env.PORT, env.HOST, () => {
  logger.info(`Joint Force on http://localhost:${env.PORT} (admin /admin/, portal /portal/, database ${database.kind})`);
});

async function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down');
  server.close();
  await Promise.all([outbox?.stop(), ingestion?.stop(), mailer?.stop(), appealDeadlines?.stop(), governance?.stop(), scanner?.stop()]);
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
