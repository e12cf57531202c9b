import { resolve } from 'node:path';
import { pino } from 'pino';
import { createSimApp } from './app';
import { readSimEnv } from './env';
import { simulatorKey } from '@jf/db';
import { MARKETPLACE_CODES } from '@jf/domain';

const repoRoot = resolve(import.meta.dirname, '../../..');
const env = readSimEnv(resolve(repoRoot, '.env'));
const logger = pino({ level: env.LOG_LEVEL, base: { service: 'marketplace-sim' } });

const started = performance.now();
const app = createSimApp({
  size: env.JF_SEED,
  seed: env.SIM_WORLD_SEED,
  stateFile: env.SIM_STATE_FILE ? resolve(repoRoot, env.SIM_STATE_FILE) : undefined,
  control: { latencyMs: env.SIM_LATENCY_MS, failureRate: env.SIM_FAILURE_RATE },
  logger,
  webhookSecret: env.SIM_WEBHOOK_SECRET,
  platform:
    env.SIM_PLATFORM_URL && env.SIM_PLATFORM_KEY_SECRET
      ? { url: env.SIM_PLATFORM_URL, keys: Object.fromEntries(MARKETPLACE_CODES.map((code) => [code, simulatorKey(code, env.SIM_PLATFORM_KEY_SECRET!)])) }
      : undefined,
});
logger.info(
  { size: env.JF_SEED, seed: env.SIM_WORLD_SEED, ms: Math.round(performance.now() - started) },
  'marketplace world generated',
);

const server = app.listen(env.SIM_PORT, env.SIM_HOST, () => {
  logger.info(`marketplace simulator on http://${env.SIM_HOST}:${env.SIM_PORT} (/<marketplace>/listings, /control)`);
});
server.on('error', (error) => {
  logger.fatal({ err: error }, 'could not listen');
  process.exit(1);
});

function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down');
  app.simulator.close();
  server.close();
  server.closeAllConnections();
  process.exit(0);
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
