import { resolve } from 'node:path';
import { pino, type Logger } from 'pino';
import { Database, parseDatabaseUrl } from '@jf/db';
import { readEnv, type Env } from '../env';

/** What a worker hands back once started: how to stop it. */
export interface StoppableWorker {
  stop(): Promise<void>;
}

/**
 * Runs one background worker as its own process (for deployments that run the API with
 * JF_WORKERS=none): reads the environment, opens the database without migrating it, refuses to start
 * on an old schema, and stops the worker and closes the database on SIGINT/SIGTERM.
 */
export async function runWorkerProcess(
  name: string,
  start: (deps: { database: Database; logger: Logger; env: Env }) => StoppableWorker,
  base: Record<string, unknown> = {},
): Promise<void> {
  const repoRoot = resolve(import.meta.dirname, '../../../..');
  const env = readEnv(resolve(repoRoot, '.env'));
  const logger = pino({ level: env.LOG_LEVEL, base: { worker: name, ...base } });
  const database = await Database.open(parseDatabaseUrl(env.DATABASE_URL, resolve(repoRoot, 'data/joint-force.sqlite')), { migrate: false });
  // Migrations belong to the API's start; a worker on an old schema would fail in odd ways.
  const pending = await database.pendingMigrations();
  if (pending.length) {
    logger.fatal({ pending }, 'the database has pending migrations: start the API first, it applies them');
    await database.close();
    process.exit(1);
  }
  const worker = start({ database, logger, env });
  logger.info({ database: database.kind }, `${name} running`);

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await worker.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
