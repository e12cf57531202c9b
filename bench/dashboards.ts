/**
 * Dashboard queries at 10 million removals, on SQLite and on PostgreSQL: each chart procedure of the
 * leadership dashboard (served from the rollups) timed over many calls for its p95, against the same
 * answer computed with a raw GROUP BY over the removals in the same run. Writes bench/RESULTS.md
 * (section "Dashboards at scale").
 *
 *   npm run bench:dashboards [-- --rows 10000000 --calls 40 --db sqlite|postgresql|both]
 *   (PostgreSQL: JF_BENCH_POSTGRES_URL names an empty database; scripts/pg-server.mjs starts one.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession, Database, resolveSession, seedRemovalEvents, seedWorld, User, type DatabaseTarget } from '@jf/db';
import { durationBucket, percentile, removalsSeries, turnaroundSeries, type DashboardInput, type RemovalSource } from '@jf/domain';
import { appRouter } from '../apps/api/src/routers';
import { createInnerContext } from '../apps/api/src/trpc/context';
import { createCallerFactory } from '../apps/api/src/trpc/init';
import { writeSection } from './results';
import { machineNote, numberArg, stringArg } from './support';

const ROWS = numberArg('--rows', 10_000_000);
const CALLS = numberArg('--calls', 40);
const RAW_RUNS = numberArg('--raw-runs', 3);
const WHICH = stringArg('--db') ?? 'both';
/** `--reuse`: a PostgreSQL database seeded by an earlier run is measured again without seeding (SQLite runs in a fresh file). */
const REUSE = process.argv.includes('--reuse');
const POLICY = { ttlMs: 3_600_000, idleMs: 3_600_000 };
const NOW = new Date('2026-11-01T00:00:00Z');

interface Figure {
  query: string;
  p95: number;
  raw: number | null;
}

async function measure(target: DatabaseTarget): Promise<{ figures: Figure[]; seedSeconds: number; rows: number }> {
  const database = await Database.open(target);
  try {
    const started = performance.now();
    const [{ n }] = await database.fork().getConnection().execute<{ n: number }[]>('select count(*) as n from removals');
    if (!REUSE || Number(n) < ROWS) {
      await seedWorld(database, { size: 'small', now: NOW });
      await seedRemovalEvents(database, ROWS, { now: NOW, log: (line) => console.log(`  ${line}`) });
    }
    const seedSeconds = (performance.now() - started) / 1000;
    const em = database.fork();
    const leader = await em.findOneOrFail(User, { role: 'leadership' });
    const { token } = createSession(em, leader, POLICY, 'bench');
    await em.flush();
    const caller = createCallerFactory(appRouter)(async () => {
      const requestEm = database.fork();
      return createInnerContext({ em: requestEm, session: await resolveSession(requestEm, token, POLICY), sessionPolicy: POLICY });
    });
    const year: DashboardInput = { from: '2025-11-01', to: '2026-10-31', unit: 'week' };
    const brandId = (await database.fork().getConnection().execute<{ brand_id: string }[]>("select brand_id from removals where brand_id is not null limit 1"))[0]!.brand_id;
    const queries: { name: string; run: () => Promise<unknown> }[] = [
      { name: 'removals by source, 12 months weekly', run: () => caller.admin.dashboards.removals(year) },
      { name: 'removals, one marketplace, 12 months daily', run: () => caller.admin.dashboards.removals({ ...year, unit: 'day', marketplace: 'taobao' }) },
      { name: 'removals, one brand, 12 months weekly', run: () => caller.admin.dashboards.removals({ ...year, brandId }) },
      { name: 'turnaround p50/p90/p99 + 8 h / 24 h, 12 months weekly', run: () => caller.admin.dashboards.turnaround(year) },
      { name: 'turnaround, one brand, 12 months monthly', run: () => caller.admin.dashboards.turnaround({ ...year, unit: 'month', brandId }) },
      { name: 'authentication requests, 12 months weekly', run: () => caller.admin.dashboards.authRequests(year) },
      { name: 'appeals, 12 months weekly', run: () => caller.admin.dashboards.appeals(year) },
      { name: 'GFT standing', run: () => caller.admin.dashboards.gft() },
    ];
    const raw = await rawBaselines(database, year);
    const figures: Figure[] = [];
    for (const query of queries) {
      await query.run();
      const times: number[] = [];
      for (let call = 0; call < CALLS; call++) {
        const start = performance.now();
        await query.run();
        times.push(performance.now() - start);
      }
      const p95 = percentile(times, 95)!;
      figures.push({ query: query.name, p95, raw: raw.get(query.name) ?? null });
      console.log(`  ${query.name}: p95 ${p95.toFixed(1)} ms${raw.has(query.name) ? `, raw GROUP BY ${raw.get(query.name)!.toFixed(0)} ms` : ''}`);
    }
    return { figures, seedSeconds, rows: ROWS };
  } finally {
    await database.close();
  }
}

/** The same answers from the removals themselves: a GROUP BY over every row in the range, then the same domain maths. */
async function rawBaselines(database: Database, input: DashboardInput): Promise<Map<string, number>> {
  const sqlite = database.kind === 'sqlite';
  const day = sqlite ? "strftime('%Y-%m-%d', requested_at / 1000, 'unixepoch')" : "to_char(requested_at at time zone 'UTC', 'YYYY-MM-DD')";
  const millis = sqlite ? '(removed_at - requested_at)' : '(extract(epoch from (removed_at - requested_at)) * 1000)';
  const from = new Date(`${input.from}T00:00:00Z`);
  const to = new Date(new Date(`${input.to}T00:00:00Z`).getTime() + 86_400_000);
  const bounds = sqlite ? [from.getTime(), to.getTime()] : [from, to];
  const connection = database.fork().getConnection();
  const time = async (run: () => Promise<unknown>) => {
    const runs: number[] = [];
    for (let index = 0; index < RAW_RUNS; index++) {
      const start = performance.now();
      await run();
      runs.push(performance.now() - start);
    }
    return percentile(runs, 50)!;
  };
  const removals = await time(async () => {
    const rows = await connection.execute<{ day: string; source: RemovalSource; n: number; reinstated: number }[]>(
      `select ${day} as day, source, count(*) as n, sum(case when reinstated_at is not null then 1 else 0 end) as reinstated from removals where requested_at >= ? and requested_at < ? group by 1, 2`,
      bounds,
    );
    return removalsSeries(rows.map((row) => ({ day: row.day, source: row.source, requested: Number(row.n), reinstated: Number(row.reinstated) })), input.from, input.to, input.unit);
  });
  const turnaround = await time(async () => {
    // The bucket is computed in the application from exact durations: the raw answer needs every duration's bucket.
    const rows = await connection.execute<{ day: string; source: RemovalSource; ms: number }[]>(
      `select ${day} as day, source, ${millis} as ms from removals where removed_at is not null and requested_at >= ? and requested_at < ?`,
      bounds,
    );
    const counts = new Map<string, { day: string; source: RemovalSource; bucket: number; n: number }>();
    for (const row of rows) {
      const bucket = durationBucket(Number(row.ms));
      const key = `${row.day}|${row.source}|${bucket}`;
      const entry = counts.get(key) ?? { day: row.day, source: row.source, bucket, n: 0 };
      entry.n++;
      counts.set(key, entry);
    }
    return turnaroundSeries([...counts.values()], input.from, input.to, input.unit);
  });
  return new Map([
    ['removals by source, 12 months weekly', removals],
    ['turnaround p50/p90/p99 + 8 h / 24 h, 12 months weekly', turnaround],
  ]);
}

const table = (kind: string, result: { figures: Figure[]; seedSeconds: number; rows: number }) => [
  `**${kind}** — ${result.rows.toLocaleString('en')} removals (seeded with their rollups in ${Math.round(result.seedSeconds)} s), ${CALLS} calls per query:`,
  '',
  '| dashboard query (leadership, whole platform unless named) | p95 from the rollups | raw GROUP BY over the removals | speed-up |',
  '|---|---|---|---|',
  ...result.figures.map(
    (figure) => `| ${figure.query} | ${figure.p95.toFixed(1)} ms | ${figure.raw === null ? '–' : `${(figure.raw / 1000).toFixed(2)} s`} | ${figure.raw === null ? '–' : `**${Math.round(figure.raw / figure.p95)}×**`} |`,
  ),
  '',
  `Slowest p95: ${Math.max(...result.figures.map((figure) => figure.p95)).toFixed(1)} ms (goal ≤ 50 ms) — ${Math.max(...result.figures.map((figure) => figure.p95)) <= 50 ? 'met' : 'not met'}.`,
  '',
];

const sections: string[] = [];
if (WHICH === 'sqlite' || WHICH === 'both') {
  const dir = mkdtempSync(join(tmpdir(), 'jf-dash-'));
  try {
    console.log('SQLite');
    sections.push(...table('SQLite', await measure({ kind: 'sqlite', location: join(dir, 'dash.sqlite') })));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (WHICH === 'postgresql' || WHICH === 'both') {
  const url = process.env.JF_BENCH_POSTGRES_URL;
  if (!url) throw new Error('JF_BENCH_POSTGRES_URL must name an empty PostgreSQL database (scripts/pg-server.mjs starts a server)');
  console.log('PostgreSQL');
  sections.push(...table('PostgreSQL', await measure({ kind: 'postgresql', location: url })));
}
writeSection(
  'Dashboards at scale',
  [
    `\`npm run bench:dashboards\`: the small world plus ${ROWS.toLocaleString('en')} removals spread over a year (\`seedRemovalEvents\`), each dashboard procedure called in-process as leadership (tRPC caller: session, scope, rollup query, the domain's period maths). The raw baseline computes the same chart from the removals themselves (median of ${RAW_RUNS}): removals with a GROUP BY day and source; turnaround by reading every acknowledged removal's duration and bucketing it in the application, which is what the chart costs without rollups (SQLite has no percentile aggregate).`,
    '',
    ...sections,
    machineNote(),
  ].join('\n'),
);
