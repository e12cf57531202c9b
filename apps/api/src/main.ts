import { resolve } from 'node:path';
import { pino } from 'pino';
import { Database, parseDatabaseUrl, seedWorld } from '@jf/db';
import { createApp } from './app';
import { readEnv } from './env';

const repoRoot = resolve(import.meta.dirname, '../../..');
const env = readEnv(resolve(repoRoot, '.env'));
const logger = pino({ level: env.LOG_LEVEL });

const database = await Database.open(parseDatabaseUrl(env.DATABASE_URL, resolve(repoRoot, 'data/joint-force.sqlite')), {
  migrate: false,
});
const applied = await database.migrate();
if (applied.length) logger.info({ applied }, 'migrations applied');

if (env.JF_SEED !== 'none') {
  const seeded = await seedWorld(database, { size: env.JF_SEED, onlyIfEmpty: true, log: (line) => logger.info(line) });
  if (seeded) logger.info({ size: env.JF_SEED }, 'demo world seeded');
}

const app = createApp({
  database,
  logger,
  sessionPolicy: { ttlMs: env.SESSION_TTL_HOURS * 3_600_000, idleMs: env.SESSION_IDLE_MINUTES * 60_000 },
  cookieSecure: env.COOKIE_SECURE,
  adminDist: resolve(repoRoot, env.ADMIN_DIST ?? 'apps/admin/dist'),
  portalDist: resolve(repoRoot, env.PORTAL_DIST ?? 'apps/portal/dist'),
});

const server = app.listen(env.PORT, env.HOST, () => {
  logger.info(`Joint Force on http://localhost:${env.PORT} (admin /admin/, portal /portal/, database ${database.kind})`);
});

async function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down');
  server.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
