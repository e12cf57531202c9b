/**
 * GFT notice → removal acknowledged by the marketplace simulator: latency percentiles at a steady,
 * open-loop 200 notices/s (the goal) and at 10/s (a rate the platform sustains), on SQLite and on
 * PostgreSQL, against a raw baseline measured in the same run: the same rate of HTTP POSTs straight to
 * the simulator's remove endpoint. Writes bench/RESULTS.md (section "GFT notice latency").
 *
 * Three processes, as `npm start` deploys it: this one generates the load; the platform (createApp over
 * HTTP plus the outbox dispatcher, the embedded default) and the simulator run in their own. With
 * `--dispatcher process` the dispatcher runs in a fourth, as `outbox-main.ts` deploys it (API with
 * JF_WORKERS=none), polling every 20 ms since it cannot be woken from the API process; its figures go
 * to a section of their own.
 *
 *   JF_TEST_POSTGRES_URL=postgres://… npm run bench:gft-latency [-- --seconds 30 --rates 10,200 --interval 10 --databases sqlite,postgresql --dispatcher embedded|process --profile DIR]
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rightProblem } from '@jf/domain';
import { Brand, brandIpRights, Database, DEFAULT_SEED, seedWorld, type DatabaseKind, type EntityManager } from '@jf/db';
import { DEMO_ACCOUNTS, DEMO_GFT_BRAND, DEMO_PASSWORD } from '@jf/db/demo-accounts';
import { createTestDatabase } from '@jf/db/testing';
import { createApp } from '../apps/api/src/app';
import { BulkJobRunner } from '../apps/api/src/services/bulk-notices';
import { startOutboxDispatcher, type RunningOutboxDispatcher } from '../apps/api/src/workers/outbox-dispatcher';
import { createSimApp } from '../apps/marketplace-sim/src/app';
import { writeSection } from './results';
import {
  benchLogger,
  failRole,
  machineNote,
  ms,
  numberArg,
  serveRole,
  signIn,
  startRole,
  stringArg,
  summarize,
  type BrowserSession,
  type LatencySummary,
  type RoleProcess,
} from './support';

const SECONDS = numberArg('--seconds', 30);
/** The goal rate, after one the platform should sustain, so the report shows latency with and without a queue. */
const RATES = (stringArg('--rates') ?? '10,200').split(',').map(Number).sort((a, b) => a - b);
/** Where the outbox dispatcher runs: inside the API process (woken on commit) or in a process of its own. */
const DISPATCHER = stringArg('--dispatcher') ?? 'embedded';
if (DISPATCHER !== 'embedded' && DISPATCHER !== 'process') throw new Error(`--dispatcher must be embedded or process (got ${DISPATCHER})`);
const OWN_PROCESS = DISPATCHER === 'process';
/** The dispatcher's pause between rounds that found less than a full batch: the polling delay. */
const INTERVAL_MS = numberArg('--interval', OWN_PROCESS ? 20 : 1000);
const SECTION = OWN_PROCESS ? 'GFT notice latency, dispatcher in its own process' : 'GFT notice latency';
const WARMUP_SECONDS = 2;
/** Every wait is bounded: a request, the tail of acknowledgements after the schedule ends. */
const REQUEST_TIMEOUT_MS = 30_000;
const ACK_DEADLINE_MS = 60_000;
const ACK_STALL_MS = 10_000;
const IDLE_SAMPLE_MS = 3_000;
const SESSION_POLICY = { ttlMs: 3_600_000, idleMs: 3_600_000 };
const NOTICE_KEY_PREFIX = 'bench-gft-';

interface BenchListing {
  id: string;
  marketplace: string;
  externalId: string;
}

interface PlatformReady {
  port: number;
  ipRightId: string;
  listings: BenchListing[];
}

/** When each notice's removal was requested, applied by the simulator and recorded by the platform (epoch ms). */
interface NoticeTiming {
  key: string;
  requestedAt: number;
  removedAt: number | null;
  recordedAt: number | null;
}

const epochMs = (value: unknown): number | null =>
  value === null || value === undefined ? null : value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(String(value));

// ————————————————————————————————————————————————————————— child process: the simulator

async function runSimulatorRole(): Promise<void> {
  const app = createSimApp({ size: 'demo', seed: DEFAULT_SEED });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  serveRole({ port: (server.address() as AddressInfo).port }, {}, async () => {
    app.simulator.close();
    server.close();
    server.closeAllConnections();
  });
}

// ————————————————————————————————————————————————————————— child process: the platform

/**
 * Active listings that are in no open notice, in id order (ids are random UUIDs, so this mixes
 * marketplaces and sellers): every one can be noticed once.
 */
async function noticeableListings(em: EntityManager, count: number): Promise<BenchListing[]> {
  const rows: Record<string, unknown>[] = await em.getConnection().execute(
    `select l.id, l.marketplace_code as marketplace, l.external_id as external_id from listings l
     where l.status = 'active' and not exists (select 1 from notice_items i where i.listing_id = l.id and i.state in ('pending', 'needs_info'))
     order by l.id limit ${count}`,
  );
  if (rows.length < count) throw new Error(`the demo world has ${rows.length} noticeable listings, the run needs ${count}; use fewer --seconds`);
  return rows.map((row) => ({ id: String(row.id), marketplace: String(row.marketplace), externalId: String(row.external_id) }));
}

async function runPlatformRole(): Promise<void> {
  const kind = stringArg('--db') as DatabaseKind;
  const simulatorUrl = stringArg('--sim')!;
  const listingsNeeded = numberArg('--listings', 1);
  const { database, destroy } = await createTestDatabase(kind);
  const uploadDir = mkdtempSync(join(tmpdir(), 'jf-bench-uploads-'));
  let dispatcher: RunningOutboxDispatcher | null = null;
  let server: ReturnType<ReturnType<typeof createApp>['listen']> | null = null;
  const cleanup = async () => {
    await dispatcher?.stop();
    server?.close();
    server?.closeAllConnections();
    await destroy();
    rmSync(uploadDir, { recursive: true, force: true });
  };
  try {
    await seedWorld(database, { size: 'demo', simulatorBaseUrl: simulatorUrl });
    const em = database.fork();
    const brand = await em.findOneOrFail(Brand, { name: DEMO_GFT_BRAND });
    if (brand.gftStatus !== 'enrolled') throw new Error(`${DEMO_GFT_BRAND} is ${brand.gftStatus}, not GFT-enrolled`);
    const right = (await brandIpRights(em, brand.id)).find((candidate) => !rightProblem({ ...candidate, brandId: brand.id }, brand.id, new Date()));
    if (!right) throw new Error(`${DEMO_GFT_BRAND} has no verified, unexpired IP right`);
    const listings = await noticeableListings(em, listingsNeeded);

    const logger = benchLogger();
    const app = createApp({ database, logger, sessionPolicy: SESSION_POLICY, cookieSecure: false, uploadDir, bulkRunner: new BulkJobRunner(database, logger) });
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');

    serveRole(
      { port: (server.address() as AddressInfo).port, ipRightId: right.id, listings } satisfies PlatformReady,
      {
        // Started when the first platform run begins, so the raw baseline before it runs beside an idle process.
        // In the own-process layout the generator starts the dispatcher's process on this database instead.
        startDispatcher: async () => {
          if (!OWN_PROCESS) dispatcher ??= startOutboxDispatcher({ database, logger, intervalMs: INTERVAL_MS });
          return { target: database.target };
        },
        usage: async () => processUsage(),
        acknowledged: async (prefix) => {
          const [row] = await database.fork().getConnection().execute(
            `select count(*) as n from notices n join notice_items i on i.notice_id = n.id
             where n.brand_id = ? and n.idempotency_key like ? and i.state = 'removed'`,
            [brand.id, `${String(prefix)}%`],
          );
          return { acknowledged: Number(row?.n ?? 0) };
        },
        timings: async (prefix) => {
          const rows: Record<string, unknown>[] = await database.fork().getConnection().execute(
            `select n.idempotency_key as key, r.requested_at, r.removed_at, a.occurred_at as recorded_at
             from notices n
             join notice_items i on i.notice_id = n.id
             join removals r on r.notice_item_id = i.id
             left join audit_events a on a.entity_type = 'removal' and a.entity_id = cast(r.id as text) and a.action = 'removal_acknowledged'
             where n.brand_id = ? and n.idempotency_key like ?`,
            [brand.id, `${String(prefix)}%`],
          );
          return rows.map(
            (row): NoticeTiming => ({ key: String(row.key), requestedAt: epochMs(row.requested_at)!, removedAt: epochMs(row.removed_at), recordedAt: epochMs(row.recorded_at) }),
          );
        },
      },
      cleanup,
    );
  } catch (error) {
    await cleanup().catch(() => undefined);
    failRole(error);
  }
}

const processUsage = (): Usage => {
  const cpu = process.cpuUsage();
  const loop = performance.eventLoopUtilization();
  return { cpuMs: (cpu.user + cpu.system) / 1000, loopActiveMs: loop.active, loopIdleMs: loop.idle };
};

// ————————————————————————————————————————————————————————— child process: the dispatcher on its own

async function runDispatcherRole(): Promise<void> {
  const database = await Database.open({ kind: stringArg('--db') as DatabaseKind, location: stringArg('--location')! }, { migrate: false });
  const dispatcher = startOutboxDispatcher({ database, logger: benchLogger(), intervalMs: INTERVAL_MS });
  serveRole({}, { usage: async () => processUsage() }, async () => {
    await dispatcher.stop();
    await database.close();
  });
}

// ————————————————————————————————————————————————————————— load generator

interface Sent {
  index: number;
  /** Wall-clock time of sending (ms), comparable with the timestamps the other processes write. */
  sentAt: number;
  /** Round trip of the HTTP request itself. */
  roundTripMs: number;
  ok: boolean;
  error?: string;
}

interface OpenLoopResult {
  sent: Sent[];
  /** How late each request left against its schedule: the generator's own health. */
  scheduleLagMs: number[];
  sendingSeconds: number;
}

/**
 * Open loop: request i leaves at start + i / rate whatever happened to earlier ones, so a slow server
 * meets a growing queue instead of a politely slowed client. A late timer sends the overdue requests at
 * once to stay on schedule.
 */
async function openLoop(rate: number, seconds: number, send: (index: number) => Promise<Outcome>): Promise<OpenLoopResult> {
  const total = Math.round(rate * seconds);
  const spacingMs = 1000 / rate;
  const inFlight: Promise<Sent>[] = [];
  const scheduleLagMs: number[] = [];
  const start = performance.now();
  const fire = (index: number) => {
    const sentAt = Date.now();
    const began = performance.now();
    return send(index).then(
      (outcome) => ({ ...outcome, index, sentAt, roundTripMs: performance.now() - began }),
      (error: unknown) => ({ index, sentAt, roundTripMs: performance.now() - began, ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };
  await new Promise<void>((resolve) => {
    let next = 0;
    const pump = () => {
      const now = performance.now();
      while (next < total && start + next * spacingMs <= now) {
        scheduleLagMs.push(now - (start + next * spacingMs));
        inFlight.push(fire(next));
        next++;
      }
      if (next < total) setTimeout(pump, Math.max(0, start + next * spacingMs - performance.now()));
      else resolve();
    };
    pump();
  });
  const sendingSeconds = (performance.now() - start) / 1000;
  return { sent: await Promise.all(inFlight), scheduleLagMs, sendingSeconds };
}

type Outcome = { ok: true } | { ok: false; error: string };

async function outcomeOf(response: Response): Promise<Outcome> {
  const body = await response.text();
  return response.ok ? { ok: true } : { ok: false, error: `HTTP ${response.status}: ${body.slice(0, 200)}` };
}

/** One raw removal command straight to the simulator: what the dispatcher's last hop costs alone. */
async function rawRemoval(simulatorUrl: string, listing: BenchListing, key: string): Promise<Outcome> {
  const response = await fetch(`${simulatorUrl}/${listing.marketplace}/commands/remove`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ externalId: listing.externalId, idempotencyKey: key }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return outcomeOf(response);
}

/** One single-listing notice through `notices.submit`, as the portal's `httpBatchLink` sends it: a batch of one. */
async function submitNotice(apiUrl: string, session: BrowserSession, ipRightId: string, listing: BenchListing, key: string): Promise<Outcome> {
  const input = { ipRightId, reason: 'counterfeit', evidence: 'Test purchase: the logo and stitching differ from the genuine product.', listingIds: [listing.id], idempotencyKey: key };
  const response = await fetch(`${apiUrl}/trpc/notices.submit?batch=1`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify({ 0: input }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return outcomeOf(response);
}

type Platform = RoleProcess<PlatformReady>;

/** CPU and event-loop time of the platform process, to turn into a cost per notice. */
interface Usage {
  cpuMs: number;
  loopActiveMs: number;
  loopIdleMs: number;
}

/**
 * Waits (bounded) until the platform has acknowledged every notice filed under `prefix`: stops when all
 * `expected` are in, when nothing moved for ACK_STALL_MS, or at ACK_DEADLINE_MS. Polls a cheap count
 * every second so the wait adds little load of its own.
 */
async function waitForAcknowledgements(platform: Platform, prefix: string, expected: number): Promise<void> {
  const deadline = performance.now() + ACK_DEADLINE_MS;
  let last = -1;
  let lastMoved = performance.now();
  for (;;) {
    const { acknowledged } = await platform.ask<{ acknowledged: number }>('acknowledged', prefix);
    if (acknowledged !== last) lastMoved = performance.now();
    last = acknowledged;
    if (acknowledged >= expected || performance.now() > deadline || performance.now() - lastMoved > ACK_STALL_MS) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

interface RawFigures {
  roundTrip: LatencySummary;
  achievedRate: number;
  errors: number;
  scheduleLagP99: number;
}

interface PlatformFigures {
  /** Every notice sent counts: one that failed or was not acknowledged in time is an infinite latency. */
  applied: LatencySummary;
  recorded: LatencySummary;
  submitRoundTrip: LatencySummary;
  turnaround: LatencySummary;
  achievedRate: number;
  /** Acknowledgements per second, from the first send to the last acknowledgement. */
  acknowledgedRate: number;
  errors: number;
  unacknowledged: number;
  scheduleLagP99: number;
  cpuMsPerNotice: number;
  loopUtilization: number;
  /** The dispatcher process's event loop, when it runs on its own. */
  dispatcherLoopUtilization: number | null;
  firstError?: string;
}

interface RateFigures {
  rate: number;
  raw: RawFigures;
  platform: PlatformFigures;
}

/** The same rate of raw removal commands straight to the simulator, on listings the platform never notices. */
async function measureRaw(simulatorUrl: string, rate: number, listings: BenchListing[]): Promise<RawFigures> {
  const warmupCount = Math.round(rate * WARMUP_SECONDS);
  await openLoop(rate, WARMUP_SECONDS, (i) => rawRemoval(simulatorUrl, listings[i]!, `bench-raw-${rate}-warmup-${i}`));
  const raw = await openLoop(rate, SECONDS, (i) => rawRemoval(simulatorUrl, listings[warmupCount + i]!, `bench-raw-${rate}-${i}`));
  return {
    roundTrip: summarize(raw.sent.map((sent) => (sent.ok ? sent.roundTripMs : Number.POSITIVE_INFINITY))),
    achievedRate: raw.sent.length / raw.sendingSeconds,
    errors: raw.sent.filter((sent) => !sent.ok).length,
    scheduleLagP99: summarize(raw.scheduleLagMs).p99,
  };
}

/** The platform's processes: the API, and the dispatcher when it runs on its own. */
interface PlatformProcesses {
  api: Platform;
  dispatcher: RoleProcess<unknown> | null;
}

/** CPU of every platform process together; event loop of the API and of the dispatcher's own process. */
async function usageOf({ api, dispatcher }: PlatformProcesses): Promise<{ cpuMs: number; api: Usage; dispatcher: Usage | null }> {
  const apiUsage = await api.ask<Usage>('usage');
  const dispatcherUsage = dispatcher ? await dispatcher.ask<Usage>('usage') : null;
  return { cpuMs: apiUsage.cpuMs + (dispatcherUsage?.cpuMs ?? 0), api: apiUsage, dispatcher: dispatcherUsage };
}

const loopShare = (before: Usage, after: Usage) =>
  (after.loopActiveMs - before.loopActiveMs) / (after.loopActiveMs - before.loopActiveMs + after.loopIdleMs - before.loopIdleMs);

async function measurePlatform(processes: PlatformProcesses, session: BrowserSession, rate: number, listings: BenchListing[]): Promise<PlatformFigures> {
  const platform = processes.api;
  const { port, ipRightId } = platform.ready;
  const apiUrl = `http://127.0.0.1:${port}`;
  const warmupCount = Math.round(rate * WARMUP_SECONDS);
  const warmupPrefix = `${NOTICE_KEY_PREFIX}${rate}-warmup-`;
  const prefix = `${NOTICE_KEY_PREFIX}${rate}-measured-`;
  await openLoop(rate, WARMUP_SECONDS, (i) => submitNotice(apiUrl, session, ipRightId, listings[i]!, `${warmupPrefix}${i}`));
  await waitForAcknowledgements(platform, warmupPrefix, warmupCount);

  const before = await usageOf(processes);
  const load = await openLoop(rate, SECONDS, (i) => submitNotice(apiUrl, session, ipRightId, listings[warmupCount + i]!, `${prefix}${i}`));
  await waitForAcknowledgements(platform, prefix, load.sent.filter((sent) => sent.ok).length);
  const after = await usageOf(processes);
  const timings = new Map((await platform.ask<NoticeTiming[]>('timings', prefix)).map((timing) => [timing.key, timing]));

  const never = Number.POSITIVE_INFINITY;
  const applied: number[] = [];
  const recorded: number[] = [];
  const turnaround: number[] = [];
  let acknowledged = 0;
  let lastAcknowledgedAt = 0;
  for (const sent of load.sent) {
    const timing = sent.ok ? timings.get(`${prefix}${sent.index}`) : undefined;
    applied.push(timing?.removedAt ? timing.removedAt - sent.sentAt : never);
    recorded.push(timing?.recordedAt ? timing.recordedAt - sent.sentAt : never);
    if (timing?.removedAt && timing.recordedAt) {
      acknowledged++;
      lastAcknowledgedAt = Math.max(lastAcknowledgedAt, timing.recordedAt);
      turnaround.push(timing.removedAt - timing.requestedAt);
    }
  }
  const firstSentAt = Math.min(...load.sent.map((sent) => sent.sentAt));
  return {
    applied: summarize(applied),
    recorded: summarize(recorded),
    submitRoundTrip: summarize(load.sent.map((sent) => (sent.ok ? sent.roundTripMs : never))),
    turnaround: summarize(turnaround),
    achievedRate: load.sent.length / load.sendingSeconds,
    acknowledgedRate: acknowledged / ((lastAcknowledgedAt - firstSentAt) / 1000),
    errors: load.sent.filter((sent) => !sent.ok).length,
    unacknowledged: load.sent.filter((sent) => sent.ok).length - acknowledged,
    scheduleLagP99: summarize(load.scheduleLagMs).p99,
    cpuMsPerNotice: (after.cpuMs - before.cpuMs) / Math.max(1, acknowledged),
    loopUtilization: loopShare(before.api, after.api),
    dispatcherLoopUtilization: before.dispatcher && after.dispatcher ? loopShare(before.dispatcher, after.dispatcher) : null,
    firstError: load.sent.find((sent) => !sent.ok)?.error,
  };
}

/** One database: a simulator and a freshly seeded platform, then each rate, the lower first, raw baseline before platform. */
interface DatabaseFigures {
  /** What the dispatcher's polling alone costs the platform process while no notice arrives. */
  idlePollingCpuMsPerSecond: number;
  rates: RateFigures[];
}

/** CPU the platform spends per second with the dispatcher polling and nothing to do. */
async function idleCost(processes: PlatformProcesses): Promise<number> {
  const before = await usageOf(processes);
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, IDLE_SAMPLE_MS));
  const after = await usageOf(processes);
  return (after.cpuMs - before.cpuMs) / ((performance.now() - started) / 1000);
}

async function measureDatabase(kind: DatabaseKind): Promise<DatabaseFigures> {
  const perRate = RATES.map((rate) => Math.round(rate * (SECONDS + WARMUP_SECONDS)));
  const listingsNeeded = 2 * perRate.reduce((sum, count) => sum + count, 0);
  const script = import.meta.filename;
  const simulator = await startRole<{ port: number }>(script, 'sim');
  const simulatorUrl = `http://127.0.0.1:${simulator.ready.port}`;
  const profileDir = stringArg('--profile');
  let dispatcherProcess: RoleProcess<unknown> | null = null;
  const platform = await startRole<PlatformReady>(script, 'platform', ['--db', kind, '--sim', simulatorUrl, '--listings', String(listingsNeeded), '--dispatcher', DISPATCHER], {
    readyTimeoutMs: 180_000,
    // `--profile DIR` writes the platform process's CPU profile there, to see where a notice's time goes.
    execArgv: profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [],
  });
  try {
    const listings = [...platform.ready.listings];
    const account = DEMO_ACCOUNTS.find((candidate) => candidate.brandName === DEMO_GFT_BRAND && candidate.role === 'brand_admin')!;
    const session = await signIn(`http://127.0.0.1:${platform.ready.port}`, account.email, DEMO_PASSWORD);
    const results: RateFigures[] = [];
    let idlePollingCpuMsPerSecond: number | null = null;
    const processes: PlatformProcesses = { api: platform, dispatcher: null };
    for (const [i, rate] of RATES.entries()) {
      // Disjoint listings: the platform's notices never meet a listing the baseline already removed.
      const rawListings = listings.splice(0, perRate[i]!);
      const platformListings = listings.splice(0, perRate[i]!);
      console.warn(`[${kind}] raw baseline: ${rate}/s for ${SECONDS} s straight to the simulator`);
      const raw = await measureRaw(simulatorUrl, rate, rawListings);
      console.warn(`[${kind}] platform: ${rate}/s notices.submit for ${SECONDS} s, dispatcher every ${INTERVAL_MS} ms`);
      if (idlePollingCpuMsPerSecond === null) {
        // Started at the first platform run, so the first raw baseline runs beside an idle platform process.
        const { target } = await platform.ask<{ target: { kind: DatabaseKind; location: string } }>('startDispatcher');
        if (OWN_PROCESS) dispatcherProcess = await startRole<unknown>(script, 'dispatcher', ['--db', target.kind, '--location', target.location, '--interval', String(INTERVAL_MS)]);
        processes.dispatcher = dispatcherProcess;
        idlePollingCpuMsPerSecond = await idleCost(processes);
      }
      results.push({ rate, raw, platform: await measurePlatform(processes, session, rate, platformListings) });
    }
    return { idlePollingCpuMsPerSecond: idlePollingCpuMsPerSecond ?? Number.NaN, rates: results };
  } finally {
    await dispatcherProcess?.stop();
    await platform.stop();
    await simulator.stop();
  }
}

const latency = (value: number): string => (value === Number.POSITIVE_INFINITY ? 'never' : ms(value));
const withUnit = (value: number): string => (value === Number.POSITIVE_INFINITY ? 'never (not acknowledged)' : `${ms(value)} ms`);

function report(results: Map<DatabaseKind, DatabaseFigures>): string {
  const row = (cells: string[], s: LatencySummary, notes: string) =>
    `| ${cells.join(' | ')} | ${s.count.toLocaleString('en')} | ${latency(s.p50)} | ${latency(s.p90)} | ${latency(s.p99)} | ${latency(s.max)} | ${notes} |`;
  const lines = [
    `Open-loop load: single-listing GFT notices at a fixed rate for ${SECONDS} s per database and rate (after a ${WARMUP_SECONDS} s warm-up that is not`,
    `counted), each \`notices.submit\` over HTTP on loopback as the portal's \`httpBatchLink\` sends it (a batch of one), signed in as the`,
    `${DEMO_GFT_BRAND} brand admin (session cookie + CSRF header), each naming a different active listing of the **demo** world (50,000`,
    'listings: the small world\'s 1,000 would run out in 5 s at 200/s, and reinstating between rounds would add reinstatement traffic to',
    'what is measured). Goal rate 200/s; a run at a rate the platform sustains comes first, to show the latency without a queue.',
    ...(OWN_PROCESS
      ? [
          'Processes: load generator | API (`createApp`, no dispatcher: JF_WORKERS=none) | outbox dispatcher in its own process (as',
          `\`outbox-main.ts\` runs it; it cannot be woken from the API process, so it polls every ${INTERVAL_MS} ms; batch 50, 8 deliveries in flight)`,
          '| marketplace simulator (`createSimApp`, demo world, no latency or failures). Both platform processes share the database.',
        ]
      : [
          'Processes: load generator | platform (`createApp` + outbox dispatcher, the embedded default: woken when a notice commits,',
          `otherwise polling every ${INTERVAL_MS} ms; batch 50, 8 deliveries in flight) | marketplace simulator (\`createSimApp\`, demo world,`,
          'no latency or failures).',
        ]),
    'Request logging is on at info level (to /dev/null), as in production. CPU per notice counts every platform process.',
    '',
    'Latency of a notice = from sending `notices.submit` to the simulator applying the removal (the `appliedAt` it answers, which the',
    'dispatcher stores as `removedAt`). "Recorded" runs until the platform wrote the acknowledgement (the `removal_acknowledged` audit',
    'time, inside that transaction). Both cross processes on the same wall clock, so they have 1 ms resolution. A notice that failed, or',
    `was not acknowledged before the wait ended (${ACK_STALL_MS / 1000} s without progress or ${ACK_DEADLINE_MS / 1000} s after the last send), counts as "never", so an`,
    'overloaded run cannot look better by dropping its slowest notices. The raw baseline is the same rate of HTTP POSTs straight to the',
    'simulator\'s `/:marketplace/commands/remove` (fresh idempotency keys, other active listings), timed from send to answer, measured',
    'just before the platform run in the same process layout.',
    '',
    '| database | rate/s | path | count | p50 ms | p90 ms | p99 ms | max ms | notes |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const [kind, { rates }] of results) {
    for (const { rate, raw, platform } of rates) {
      const cells = (path: string) => [kind, String(rate), path];
      lines.push(
        row(cells('raw baseline: POST to the simulator, round trip'), raw.roundTrip, `${raw.achievedRate.toFixed(1)}/s sent, ${raw.errors} errors`),
        row(
          cells('**notice → removal applied by the simulator**'),
          platform.applied,
          `${platform.achievedRate.toFixed(1)}/s sent, ${platform.acknowledgedRate.toFixed(1)}/s acknowledged, ${platform.errors} errors, ${platform.unacknowledged} unacknowledged`,
        ),
        row(cells('notice → acknowledgement recorded'), platform.recorded, ''),
        row(cells('`notices.submit` round trip alone'), platform.submitRoundTrip, ''),
        row(cells('turnaround `removedAt − requestedAt`'), platform.turnaround, 'what the dashboards report'),
      );
    }
  }
  lines.push('');
  for (const [kind, { idlePollingCpuMsPerSecond, rates }] of results) {
    lines.push(`- ${kind}: the outbox dispatcher polling every ${INTERVAL_MS} ms with nothing to deliver costs the platform ${idlePollingCpuMsPerSecond.toFixed(0)} ms of CPU per second.`);
    for (const { rate, raw, platform } of rates) {
      const verdict = platform.applied.p99 < 100 ? 'met' : 'missed';
      const ratio = (a: number, b: number) => (Number.isFinite(a) ? `${(a / b).toFixed(1)}x` : 'unbounded');
      const saturated = platform.loopUtilization >= 0.9;
      lines.push(
        `- ${kind} at ${rate}/s: p99 ${withUnit(platform.applied.p99)} against the goal of < 100 ms: **${verdict}**. Platform ÷ raw: p50 ${ratio(platform.applied.p50, raw.roundTrip.p50)}, ` +
          `p99 ${ratio(platform.applied.p99, raw.roundTrip.p99)}. Platform: ${platform.cpuMsPerNotice.toFixed(1)} ms CPU per acknowledged notice ` +
          `(the idle polling alone would be ${(idlePollingCpuMsPerSecond / rate).toFixed(1)} ms of it at this rate, less when rounds find work), ${OWN_PROCESS ? 'API ' : ''}event loop busy ${(platform.loopUtilization * 100).toFixed(0)}%` +
          (platform.dispatcherLoopUtilization !== null ? `, dispatcher's ${(platform.dispatcherLoopUtilization * 100).toFixed(0)}%` : '') +
          (saturated ? `: saturated, so the ${platform.acknowledgedRate.toFixed(1)} acknowledgements/s it managed are about its capacity on this machine` : '') +
          `. Generator schedule lag p99 ${ms(raw.scheduleLagP99)} ms (raw) / ${ms(platform.scheduleLagP99)} ms (platform).` +
          (platform.firstError ? ` First error: \`${platform.firstError.replaceAll('|', '\\|').replaceAll('`', "'").slice(0, 160)}\` (the client gives up after ${REQUEST_TIMEOUT_MS / 1000} s).` : ''),
      );
    }
  }
  lines.push(
    '',
    machineNote(),
    '',
    `Rerun: \`JF_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:gft-latency${OWN_PROCESS ? ' -- --dispatcher process' : ''}\` (add \`--seconds 5\` for a quick look,`,
    '`--databases sqlite` without PostgreSQL, `--rates 20,200` for other rates, `--interval N` for another polling interval, `--dispatcher process`',
    'for the dispatcher in its own process, `--profile DIR` for a CPU profile of the API process).',
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const kinds = (stringArg('--databases') ?? 'sqlite,postgresql').split(',') as DatabaseKind[];
  if (kinds.includes('postgresql') && !process.env.JF_TEST_POSTGRES_URL) {
    throw new Error('Set JF_TEST_POSTGRES_URL (an admin URL of a PostgreSQL server; a scratch database is created and dropped), or pass --databases sqlite');
  }
  const results = new Map<DatabaseKind, DatabaseFigures>();
  for (const kind of kinds) results.set(kind, await measureDatabase(kind));
  const body = report(results);
  writeSection(SECTION, body);
  console.warn(body);
}

const role = stringArg('--role');
if (role === 'sim') await runSimulatorRole().catch(failRole);
else if (role === 'platform') await runPlatformRole();
else if (role === 'dispatcher') await runDispatcherRole().catch(failRole);
else await main();
