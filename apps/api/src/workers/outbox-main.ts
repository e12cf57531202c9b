/**
 * The outbox dispatcher as its own process (`tsx apps/api/src/workers/outbox-main.ts`), for
 * deployments that run the API with JF_WORKERS=none and scale workers separately. Several may run
 * against one PostgreSQL database: claims are leased with `for update skip locked`.
 */
import { resolve } from 'node:path';
import { pino } from 'pino';
import { Database, parseDatabaseUrl } from '@jf/db';
import { readEnv } from '../env';
import { defaultWorkerId, startOutboxDispatcher } from './outbox-dispatcher';

const repoRoot = resolve(import.meta.dirname, '../../../..');
const env = readEnv(resolve(repoRoot, '.env'));
const workerId = defaultWorkerId();
const logger = pino({ level: env.LOG_LEVEL, base: { worker: 'outbox', workerId } });

const database = await Database.open(parseDatabaseUrl(env.DATABASE_URL, resolve(repoRoot, 'data/joint-force.sqlite')), {
  migrate: false,
});
// Migrations belong to the API's start; a worker on an old schema would fail in odd ways.
const pending = await database.pendingMigrations();
if (pending.length) {
  logger.fatal({ pending }, 'the database has pending migrations: start the API first, it applies them');
  await database.close();
  process.exit(1);
}

const dispatcher = startOutboxDispatcher({ database, logger, workerId });
logger.info({ database: database.kind }, 'outbox dispatcher running');

async function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down');
  await dispatcher.stop();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
