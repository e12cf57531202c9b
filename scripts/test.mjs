#!/usr/bin/env node
// `npm test`: runs EVERY suite and ends with one plain line `N passed, N failed, N skipped`.
//
//   1. system packages (chromium, postgresql; installed via apt-get when root)
//   2. a throwaway PostgreSQL server (scripts/pg-server.mjs)
//   3. unit/integration: `turbo run test --concurrency=1` — each package's vitest writes
//      .reports/vitest-<name>.json (see scripts/vitest-reporters.mjs)
//   4. e2e: `turbo run build`, then Playwright in e2e/ — writes .reports/playwright.json
//   5. totals over all reports; exit non-zero on any failed test, any failed step or
//      missing report, or when no test ran at all.
//
// Developer flags:  npm test -- --only=unit   |   npm test -- --only=e2e
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startThrowawayPostgres } from './pg-server.mjs';
import { depsFor, ensureSystemDeps } from './system-deps.mjs';
import { reportFile } from './vitest-reporters.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const reportDir = join(root, '.reports');
const bin = (name) => join(root, 'node_modules', '.bin', name);

// ---------- arguments ----------
let only = null;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a.startsWith('--only=')) only = a.slice('--only='.length);
  else if (a === '--only') only = argv[++i] ?? null;
  else if (a === '-h' || a === '--help') {
    console.log('usage: npm test [-- --only=unit|e2e]');
    process.exit(0);
  } else {
    console.error(`[test] unknown argument: ${a} (usage: npm test [-- --only=unit|e2e])`);
    process.exit(2);
  }
}
if (only !== null && only !== 'unit' && only !== 'e2e') {
  console.error(`[test] --only must be "unit" or "e2e", got "${only}"`);
  process.exit(2);
}
const runUnit = only !== 'e2e';
const runE2e = only !== 'unit';

// ---------- child processes & signals ----------
const problems = []; // anything that must make the run fail, besides counted test failures
let currentChild = null;
let interrupted = null;

function onSignal(signal) {
  if (interrupted) return;
  interrupted = signal;
  console.error(`\n[test] ${signal}: stopping…`);
  currentChild?.kill(signal);
  setTimeout(() => {
    currentChild?.kill('SIGKILL');
    pg?.stop();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  }, 15_000).unref();
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

/** Runs a command with inherited stdio; resolves to its exit code (never rejects). */
function run(label, cmd, args, { cwd = root, env = {} } = {}) {
  if (interrupted) return Promise.resolve(1);
  console.log(
    `\n[test] ── ${label}: ${relative(root, cmd) || cmd} ${args.join(' ')}${cwd !== root ? `  (in ${relative(root, cwd)})` : ''}`,
  );
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, {
      cwd,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...env },
    });
    currentChild = child;
    child.on('error', (err) => {
      console.error(`[test] could not start ${cmd}: ${err.message}`);
      currentChild = null;
      resolvePromise(127);
    });
    child.on('exit', (code, signal) => {
      currentChild = null;
      resolvePromise(code ?? (signal ? 128 : 1));
    });
  });
}

/** Workspace package.json files (root `workspaces` entries are `dir` or `dir/*`). */
function workspaces() {
  const patterns = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces ?? [];
  const dirs = patterns.flatMap((p) => {
    if (!p.endsWith('/*')) return [join(root, p)];
    const parent = join(root, p.slice(0, -2));
    return existsSync(parent)
      ? readdirSync(parent, { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => join(parent, d.name))
      : [];
  });
  return dirs
    .filter((d) => existsSync(join(d, 'package.json')))
    .map((d) => ({ dir: d, pkg: JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')) }));
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    problems.push(`${relative(root, file)} is not readable JSON (${err.message})`);
    return null;
  }
}

// ---------- counting ----------
const suites = []; // { name, passed, failed, skipped }

function countVitest(name, file) {
  const r = readJson(file);
  if (!r) return;
  const passed = r.numPassedTests ?? 0;
  let failed = r.numFailedTests ?? 0;
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  // A test file that failed without a failing test (import error, syntax error, hook failure)
  // counts as one failure, as vitest's own "Test Files N failed" does.
  for (const f of r.testResults ?? []) {
    const failedAsserts = (f.assertionResults ?? []).filter((a) => a.status === 'failed').length;
    if (f.status === 'failed' && failedAsserts === 0) failed += 1;
  }
  if (r.success === false && failed === 0) problems.push(`vitest ${name} reported success=false`);
  suites.push({ name: `vitest ${name}`, passed, failed, skipped });
}

function countPlaywright(file) {
  const r = readJson(file);
  if (!r) return;
  const s = r.stats ?? {};
  const passed = (s.expected ?? 0) + (s.flaky ?? 0);
  const skipped = s.skipped ?? 0;
  // Global errors (webServer did not start, a spec file threw on import, …) count as failures.
  const errors = r.errors ?? [];
  const failed = (s.unexpected ?? 0) + errors.length;
  for (const e of errors) problems.push(`playwright: ${(e.message ?? String(e)).split('\n')[0]}`);
  suites.push({ name: 'playwright', passed, failed, skipped });
}

// ---------- main ----------
let pg = null;

async function main() {
  // Start clean: stale reports from an earlier run must not be counted.
  mkdirSync(reportDir, { recursive: true });
  for (const f of readdirSync(reportDir)) {
    if ((runUnit && /^vitest-.*\.json$/.test(f)) || (runE2e && f === 'playwright.json')) {
      rmSync(join(reportDir, f), { force: true });
    }
  }
  for (const tool of ['turbo', ...(runE2e ? ['playwright'] : [])]) {
    if (!existsSync(bin(tool)))
      throw new Error(`node_modules/.bin/${tool} is missing — run \`npm ci\` first`);
  }

  ensureSystemDeps(depsFor(only));

  const common = {
    JF_REPORT_DIR: reportDir,
    TURBO_TELEMETRY_DISABLED: '1',
    TURBO_NO_UPDATE_NOTIFIER: '1',
  };

  if (runUnit) {
    pg = await startThrowawayPostgres();
    console.log(`[test] throwaway PostgreSQL: ${pg.url}`);
    const code = await run(
      'unit',
      bin('turbo'),
      ['run', 'test', '--concurrency=1', '--continue=always', '--ui=stream', '--log-order=stream'],
      { env: { ...common, JF_TEST_POSTGRES_URL: pg.url, JF_REQUIRE_POSTGRES: '1' } },
    );
    if (code !== 0) problems.push(`turbo run test exited with ${code}`);

    // Every package with a `test` script must have written its report.
    for (const { dir, pkg } of workspaces()) {
      if (!pkg.scripts?.test) continue;
      const file = reportFile(reportDir, pkg.name);
      if (existsSync(file)) countVitest(pkg.name, file);
      else {
        problems.push(
          `${pkg.name} (${relative(root, dir)}) has a test script but wrote no ${relative(root, file)} — ` +
            `it crashed, or its vitest.config.ts does not use reporters() from scripts/vitest-reporters.mjs`,
        );
      }
    }
  }

  if (runE2e && !interrupted) {
    const build = await run('build', bin('turbo'), ['run', 'build', '--ui=stream'], { env: common });
    if (build !== 0)
      problems.push(`turbo run build exited with ${build} (running e2e anyway for the totals)`);

    const e2eDir = join(root, 'e2e');
    const code = await run('e2e', bin('playwright'), ['test'], { cwd: e2eDir, env: common });
    if (code !== 0) problems.push(`playwright test exited with ${code}`);
    const file = join(reportDir, 'playwright.json');
    if (existsSync(file)) countPlaywright(file);
    else problems.push(`playwright wrote no ${relative(root, file)}`);
  }
}

try {
  await main();
} catch (err) {
  problems.push(err instanceof Error ? err.message : String(err));
} finally {
  if (pg) {
    pg.stop();
    console.log('[test] PostgreSQL stopped');
  }
}

const total = suites.reduce(
  (t, s) => ({ passed: t.passed + s.passed, failed: t.failed + s.failed, skipped: t.skipped + s.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
if (interrupted) problems.push(`interrupted by ${interrupted}`);
if (total.passed + total.failed + total.skipped === 0) problems.push('no test ran');

console.log('\n[test] ── summary');
for (const s of suites)
  console.log(`[test]   ${s.name}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
for (const p of problems) console.log(`[test] FAIL: ${p}`);
// The one line CI's log reader understands; keep it the last line of output.
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = interrupted
  ? interrupted === 'SIGINT'
    ? 130
    : 143
  : total.failed > 0 || problems.length > 0
    ? 1
    : 0;
