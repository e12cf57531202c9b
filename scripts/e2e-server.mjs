#!/usr/bin/env node
// The server Playwright's `webServer` starts (e2e/playwright.config.ts): a fresh temp SQLite
// database and the API on PORT=3100 with NODE_ENV=production, serving the built apps. The API
// migrates the empty database and seeds the small demo world (JF_SEED=small) before it listens,
// so /health answering 200 means the world is ready.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'jf-e2e-'));
const cleanup = () => rmSync(dir, { recursive: true, force: true });
process.on('exit', cleanup);

const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${join(dir, 'e2e.sqlite')}`,
  PORT: '3100',
  NODE_ENV: 'production',
  JF_SEED: 'small',
  // Request logs would bury Playwright's own report; warnings and errors still show.
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
};

const tsx = join(root, 'node_modules', '.bin', 'tsx');
const [cmd, args] = existsSync(tsx)
  ? [tsx, ['apps/api/src/main.ts']]
  : ['npx', ['--no-install', 'tsx', 'apps/api/src/main.ts']];
console.error(`[e2e-server] DATABASE_URL=${env.DATABASE_URL} PORT=${env.PORT} NODE_ENV=${env.NODE_ENV}`);
const child = spawn(cmd, args, { cwd: root, env, stdio: 'inherit' });

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}
child.on('error', (err) => {
  console.error(`[e2e-server] could not start ${cmd}: ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  cleanup();
  process.exit(code ?? (signal ? 0 : 1));
});
