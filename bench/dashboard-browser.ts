/**
 * How long the leadership dashboard takes to appear in headless Chromium over a database holding the
 * 10-million-removal world: from navigating to the admin (already signed in) until every chart of the
 * dashboard has drawn its data, against the time the same browser takes for the bare sign-in page of
 * the same server (the raw baseline: loading the app shell without any data). Median and worst of
 * `--repeats` cold loads (fresh browser context each). Writes bench/RESULTS.md ("Dashboard in the browser").
 *
 *   DATABASE_URL=<a database seeded by bench:dashboards> npm run bench:dashboard-browser [-- --repeats 5]
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { DEMO_PASSWORD } from '@jf/db/demo-accounts';
import { writeSection } from './results';
import { machineNote, numberArg } from './support';

const REPEATS = numberArg('--repeats', 5);
const PORT = numberArg('--port', 3493);
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL must name a database seeded by `npm run bench:dashboards` (10M removals)');
const root = resolve(import.meta.dirname, '..');
const base = `http://127.0.0.1:${PORT}`;
const CHARTS = ['Proactive vs brand-requested removals', 'Takedown turnaround'];

const api = spawn(resolve(root, 'node_modules/.bin/tsx'), ['apps/api/src/main.ts'], {
  cwd: root,
  env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(PORT), HOST: '127.0.0.1', JF_SEED: 'none', JF_WORKERS: 'none', NODE_ENV: 'production', LOG_LEVEL: 'warn' },
  stdio: 'inherit',
});
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

try {
  for (let attempt = 0; ; attempt++) {
    if (attempt > 120) throw new Error('the API did not start');
    if (await fetch(`${base}/health`).then((response) => response.ok).catch(() => false)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const dashboard: number[] = [];
  const shell: number[] = [];
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    let started = performance.now();
    await page.goto('/admin/');
    await page.getByLabel('E-mail').waitFor();
    shell.push(performance.now() - started);
    await page.getByLabel('E-mail').fill('leadership@jointforce.demo');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('region', { name: CHARTS[0] }).locator('.recharts-bar-rectangle').first().waitFor({ timeout: 60_000 });
    // Signed in: a cold load of the dashboard, as leadership opens it in the morning.
    const cold = await context.newPage();
    started = performance.now();
    await cold.goto('/admin/');
    await cold.getByRole('region', { name: CHARTS[0] }).locator('.recharts-bar-rectangle').first().waitFor({ timeout: 60_000 });
    await cold.getByRole('region', { name: CHARTS[1] }).locator('.recharts-line-curve').first().waitFor({ timeout: 60_000 });
    dashboard.push(performance.now() - started);
    console.log(`load ${repeat + 1}: sign-in page ${shell.at(-1)!.toFixed(0)} ms, dashboard with data ${dashboard.at(-1)!.toFixed(0)} ms`);
    await context.close();
  }
  await browser.close();
  const worst = Math.max(...dashboard);
  writeSection(
    'Dashboard in the browser',
    [
      `\`npm run bench:dashboard-browser\` against ${databaseUrl.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'} holding the small world plus 10,000,000 removals (the database \`bench:dashboards\` seeded), the API in production mode serving the built admin, headless Chromium on the same machine, ${REPEATS} cold loads.`,
      '',
      '| what appears | median | worst |',
      '|---|---|---|',
      `| raw baseline: the admin's sign-in page (app shell, no data) | ${median(shell).toFixed(0)} ms | ${Math.max(...shell).toFixed(0)} ms |`,
      `| the leadership dashboard with the removals and turnaround charts drawn | ${median(dashboard).toFixed(0)} ms | ${worst.toFixed(0)} ms |`,
      '',
      `Goal: under 2 s — ${worst < 2000 ? 'met' : median(dashboard) < 2000 ? 'met at the median, not at the worst load' : 'not met'}.`,
      '',
      machineNote(),
    ].join('\n'),
  );
} finally {
  api.kill('SIGTERM');
}
