#!/usr/bin/env node
// Ensures the Debian system packages the test suites need are installed:
//   - chromium   (/usr/bin/chromium, used by Playwright; never `npx playwright install`) and a CJK font
//   - postgresql (/usr/lib/postgresql/<ver>/bin/initdb, for the throwaway test server)
// As root it installs what is missing (apt-get update once, then apt-get install -y ...).
// Otherwise it fails with the exact command to run. It never silently skips.
//
// Usage:  node scripts/system-deps.mjs [--only=unit|e2e]
//   or:   import { ensureSystemDeps } from './system-deps.mjs'; ensureSystemDeps({ chromium, postgres });
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const PG_ROOT = '/usr/lib/postgresql';

/** Newest installed PostgreSQL bin dir (e.g. /usr/lib/postgresql/15/bin) or null. */
export function findPgBin() {
  if (!existsSync(PG_ROOT)) return null;
  const versions = readdirSync(PG_ROOT)
    .filter((v) => existsSync(`${PG_ROOT}/${v}/bin/initdb`) && existsSync(`${PG_ROOT}/${v}/bin/pg_ctl`))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const newest = versions.at(-1);
  return newest ? `${PG_ROOT}/${newest}/bin` : null;
}

/** The Chromium binary Playwright will launch (JF_CHROMIUM_PATH overrides the Debian path). */
export function chromiumPath() {
  return process.env.JF_CHROMIUM_PATH || CHROMIUM_PATH;
}

/** Chinese glyphs for the browser: without a CJK font the demo's Chinese keywords render as empty boxes. */
const CJK_FONT_PACKAGE = 'fonts-wqy-zenhei';
const CJK_FONT_FILE = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';

function missingPackages({ chromium, postgres }) {
  const missing = [];
  if (chromium && !existsSync(chromiumPath())) missing.push('chromium');
  if (chromium && !existsSync(CJK_FONT_FILE)) missing.push(CJK_FONT_PACKAGE);
  if (postgres && !findPgBin()) missing.push('postgresql');
  return missing;
}

function run(cmd, args) {
  console.log(`[system-deps] $ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.error) throw new Error(`[system-deps] could not run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) {
    throw new Error(`[system-deps] \`${cmd} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal})`);
  }
}

/**
 * Makes sure the requested system packages exist. Throws (with an actionable message) when they
 * are missing and cannot be installed.
 */
export function ensureSystemDeps({ chromium = true, postgres = true } = {}) {
  if (chromium && process.env.JF_CHROMIUM_PATH && !existsSync(process.env.JF_CHROMIUM_PATH)) {
    throw new Error(`[system-deps] JF_CHROMIUM_PATH=${process.env.JF_CHROMIUM_PATH} does not exist`);
  }
  const missing = missingPackages({ chromium, postgres });
  if (missing.length === 0) {
    console.log(
      `[system-deps] ok:${chromium ? ` chromium=${chromiumPath()}` : ''}${postgres ? ` postgresql=${findPgBin()}` : ''}`,
    );
    return;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(
      `[system-deps] missing system package(s): ${missing.join(', ')}.\n` +
        `Install them with:\n\n    sudo apt-get install ${missing.join(' ')}\n`,
    );
  }
  console.log(`[system-deps] installing missing system package(s): ${missing.join(' ')}`);
  const lockWait = ['-o', 'DPkg::Lock::Timeout=600'];
  run('apt-get', [...lockWait, 'update']);
  run('apt-get', [...lockWait, 'install', '-y', ...missing]);
  const still = missingPackages({ chromium, postgres });
  if (still.length > 0) {
    throw new Error(
      `[system-deps] apt-get install finished but these are still missing: ${still.join(', ')} ` +
        `(expected ${CHROMIUM_PATH} and ${PG_ROOT}/*/bin/initdb)`,
    );
  }
  console.log('[system-deps] installed.');
}

/** `--only=unit` needs PostgreSQL only, `--only=e2e` needs Chromium only; default both. */
export function depsFor(only) {
  return { chromium: only !== 'unit', postgres: only !== 'e2e' };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  try {
    ensureSystemDeps(depsFor(only));
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
