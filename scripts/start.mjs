#!/usr/bin/env node
// `npm start`: builds the admin and the portal, then runs the API in production mode on one port.
// The API migrates the database and, on first run, seeds the demo world into data/joint-force.sqlite
// (or into DATABASE_URL when it is set).
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(cmd, args, env = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 0 : 1)));
  });
}

const telemetryOff = { TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' };
const built = await run(bin('turbo'), ['run', 'build', '--filter=@jf/admin', '--filter=@jf/portal', '--output-logs=errors-only'], telemetryOff);
if (built !== 0) process.exit(built);

process.exit(
  await run(bin('tsx'), ['apps/api/src/main.ts'], {
    NODE_ENV: 'production',
    JF_SEED: process.env.JF_SEED ?? 'demo',
  }),
);
