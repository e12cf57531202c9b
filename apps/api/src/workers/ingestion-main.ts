/**
 * Listing ingestion as its own process (`tsx apps/api/src/workers/ingestion-main.ts`), for
 * deployments that run the API with JF_WORKERS=none. Run one per database: a second one is harmless
 * (each page commits with a compare-and-set on its cursor) but only repeats the first one's reads.
 */
import { resolve } from 'node:path';
import { pino } from 'pino';
import { Database, parseDatabaseUrl } from '@jf/db';
import { readEnv } from '../env';
import { startListingIngestion } from './listing-ingestion';

const repoRoot = resolve(import.meta.dirname, '../../../..');
const env = readEnv(resolve(repoRoot, '.env'));
const logger = pino({ level: env.LOG_LEVEL, base: { worker: 'listing-ingestion' } });

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

const ingestion = startListingIngestion({ database, logger, intervalMs: env.JF_INGEST_INTERVAL_MS });
logger.info({ database: database.kind, intervalMs: env.JF_INGEST_INTERVAL_MS }, 'listing ingestion running');

async function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down');
  await ingestion.stop();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
