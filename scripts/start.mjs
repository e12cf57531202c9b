#!/usr/bin/env node
// `npm start`: builds the admin and the portal, starts the marketplace simulator (port SIM_PORT,
// default 3001, its state kept in data/marketplace-sim.json), then runs the API in production mode
// on one port with its marketplaces pointed at the simulator. The API migrates the database and, on
// first run, seeds the demo world into data/joint-force.sqlite (or into DATABASE_URL when it is set);
// the simulator generates the same world from the same seed, so their listings match.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const seedSize = process.env.JF_SEED ?? 'demo';
const simPort = process.env.SIM_PORT ?? '3001';
const simulatorUrl = `http://127.0.0.1:${simPort}`;

const children = new Set();
function start(cmd, args, env = {}) {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}
const exited = (child) =>
  new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 0 : 1)));
  });
let stopping = false;
const stopAll = (signal = 'SIGTERM') => {
  stopping = true;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal));
process.on('exit', () => stopAll());

async function waitForHealth(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the simulator exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the simulator did not answer on ${url}/health within ${timeoutMs / 1000} s`);
}

const telemetryOff = { TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' };
const built = await exited(
  start(bin('turbo'), ['run', 'build', '--filter=@jf/admin', '--filter=@jf/portal', '--output-logs=errors-only'], telemetryOff),
);
if (built !== 0) process.exit(built);

// The platform signs the commands it sends the simulator (X-JF-Signature) with a secret they share.
const webhookSecret = process.env.MARKETPLACE_WEBHOOK_SECRET ?? randomBytes(24).toString('base64url');
// And what the simulator sends the platform (counter-notices) goes through the integration API with keys
// the API creates at start from this secret.
const simulatorKeySecret = process.env.SIMULATOR_KEY_SECRET ?? randomBytes(18).toString('hex');
const apiPort = process.env.PORT ?? '3000';
const sim = start(bin('tsx'), ['apps/marketplace-sim/src/main.ts'], {
  SIM_WEBHOOK_SECRET: webhookSecret,
  SIM_PLATFORM_URL: `http://127.0.0.1:${apiPort}`,
  SIM_PLATFORM_KEY_SECRET: simulatorKeySecret,
  SIM_PORT: simPort,
  JF_SEED: seedSize,
  SIM_STATE_FILE: process.env.SIM_STATE_FILE ?? join(root, 'data', 'marketplace-sim.json'),
});
try {
  await waitForHealth(simulatorUrl, sim);
} catch (error) {
  console.error(`[start] ${error.message}`);
  stopAll();
  process.exit(1);
}
// If the simulator dies, the API keeps running: its outbox retries until the simulator is back.
void exited(sim).then((code) => {
  if (!stopping) console.error(`[start] the marketplace simulator exited (${code}); removals wait in the outbox until it is back`);
});

const api = start(bin('tsx'), ['apps/api/src/main.ts'], {
  NODE_ENV: 'production',
  JF_SEED: seedSize,
  JF_SIMULATOR_URL: simulatorUrl,
  MARKETPLACE_WEBHOOK_SECRET: webhookSecret,
  SIMULATOR_KEY_SECRET: simulatorKeySecret,
});
const code = await exited(api);
stopAll();
process.exit(code);
