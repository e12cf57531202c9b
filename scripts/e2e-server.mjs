#!/usr/bin/env node
// The server Playwright's `webServer` starts (e2e/playwright.config.ts): the marketplace simulator
// on port 3101 (small world, state in memory), then a fresh temp SQLite database and the API on
// PORT=3100 with NODE_ENV=production, serving the built apps, its marketplaces pointed at the
// simulator. The API migrates the empty database and seeds the small demo world (JF_SEED=small)
// before it listens, so /health answering 200 means the world is ready.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'jf-e2e-'));
const cleanup = () => rmSync(dir, { recursive: true, force: true });

const SIM_PORT = '3101';
const simulatorUrl = `http://127.0.0.1:${SIM_PORT}`;
// Request logs would bury Playwright's own report; warnings and errors still show.
const logLevel = process.env.LOG_LEVEL ?? 'warn';

// Commands to the simulator are signed, as in production: the e2e runs exercise the check.
const webhookSecret = randomBytes(24).toString('base64url');
// What the simulator sends (counter-notices) goes through the integration API with keys made from this.
const simulatorKeySecret = randomBytes(18).toString('hex');
const env = {
  ...process.env,
  MARKETPLACE_WEBHOOK_SECRET: webhookSecret,
  SIMULATOR_KEY_SECRET: simulatorKeySecret,
  DATABASE_URL: `sqlite:${join(dir, 'e2e.sqlite')}`,
  PORT: '3100',
  NODE_ENV: 'production',
  JF_SEED: 'small',
  JF_SIMULATOR_URL: simulatorUrl,
  LOG_LEVEL: logLevel,
};

const tsx = join(root, 'node_modules', '.bin', 'tsx');
const command = (script) => (existsSync(tsx) ? [tsx, [script]] : ['npx', ['--no-install', 'tsx', script]]);

const children = new Set();
function start(script, childEnv) {
  const [cmd, args] = command(script);
  const child = spawn(cmd, args, { cwd: root, env: childEnv, stdio: 'inherit' });
  children.add(child);
  child.on('error', (err) => {
    console.error(`[e2e-server] could not start ${cmd} ${script}: ${err.message}`);
    stopAll();
    process.exit(1);
  });
  return child;
}
let stopping = false;
function stopAll(signal = 'SIGTERM') {
  stopping = true;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}
process.on('exit', () => {
  stopAll();
  cleanup();
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stopAll(signal));

let api = null;
console.error(`[e2e-server] simulator ${simulatorUrl} (small world)`);
const sim = start('apps/marketplace-sim/src/main.ts', { ...process.env, SIM_PORT, JF_SEED: 'small', LOG_LEVEL: logLevel, SIM_WEBHOOK_SECRET: webhookSecret, SIM_PLATFORM_URL: 'http://127.0.0.1:3100', SIM_PLATFORM_KEY_SECRET: simulatorKeySecret });
sim.on('exit', (code, signal) => {
  if (stopping || !api || api.exitCode !== null) return;
  console.error(`[e2e-server] the simulator exited (${code ?? signal}); stopping`);
  stopAll();
});

// The API retries marketplace commands until the simulator answers, so it need not wait for it.
console.error(`[e2e-server] DATABASE_URL=${env.DATABASE_URL} PORT=${env.PORT} NODE_ENV=${env.NODE_ENV}`);
api = start('apps/api/src/main.ts', env);
api.on('exit', (code, signal) => {
  stopAll();
  cleanup();
  process.exit(code ?? (signal ? 0 : 1));
});
