/**
 * Read throughput of one typical tRPC query — `notices.list` as the portal's notice list calls it — against
 * a bare Express route returning the same data from the same process and port. To find where the time
 * goes, two layers in between are measured too (the API's middleware stack alone, then tRPC's procedure
 * machinery without its HTTP adapter), `brand.mine` shows the fixed cost per request, and a CPU profile
 * of the stock endpoint and the bare route is broken down by package. Writes bench/RESULTS.md (section
 * "tRPC read throughput").
 *
 *   npm run bench:trpc-read [-- --seconds 10 --concurrency 32 --rounds 2]
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { Session } from 'node:inspector/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import cookieParser from 'cookie-parser';
import express, { type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { isBrandRole, listNoticesInput } from '@jf/domain';
import { findBrand, listBrandNotices, resolveSession, seedWorld, type Database, type EntityManager } from '@jf/db';
import { DEMO_ACCOUNTS, DEMO_GFT_BRAND, DEMO_PASSWORD } from '@jf/db/demo-accounts';
import { createTestDatabase } from '@jf/db/testing';
import { createApp } from '../apps/api/src/app';
import { appRouter } from '../apps/api/src/routers';
import { presentNotice } from '../apps/api/src/routers/notice-presenters';
import { presentBrand } from '../apps/api/src/routers/presenters';
import { BulkJobRunner } from '../apps/api/src/services/bulk-notices';
import { contextFactory, SESSION_COOKIE } from '../apps/api/src/trpc/context';
import { createCallerFactory } from '../apps/api/src/trpc/init';
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

const SECONDS = numberArg('--seconds', 10);
const CONCURRENCY = numberArg('--concurrency', 32);
/** Each target is measured this many times, alternating the order, so a burst of load from other users hits all alike. */
const ROUNDS = numberArg('--rounds', 2);
const WARMUP_SECONDS = 2;
const PROFILE_SECONDS = 5;
const REQUEST_TIMEOUT_MS = 10_000;
const SESSION_POLICY = { ttlMs: 3_600_000, idleMs: 3_600_000 };

/** What the portal's notice list asks for (apps/portal/src/routes/notices.tsx): newest first, 20 a page. */
const LIST_INPUT = { page: 1, perPage: 20, sort: { field: 'submittedAt', order: 'DESC' }, filter: {} } as const;

const createCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof createCaller>;

/** A read a brand user makes, as a tRPC procedure and as plain repository calls. */
interface Query {
  procedure: 'notices.list' | 'brand.mine';
  label: string;
  input: unknown;
  /** The same work without tRPC: validate the input, query, present. */
  direct(em: EntityManager, brandId: string, input: unknown): Promise<unknown>;
  viaCaller(caller: Caller, input: unknown): Promise<unknown>;
}

const QUERIES: Query[] = [
  {
    procedure: 'notices.list',
    label: "`notices.list` (the typical read: the portal's notice list)",
    input: LIST_INPUT,
    direct: async (em, brandId, input) => {
      const page = await listBrandNotices(em, brandId, listNoticesInput.parse(input));
      return { data: page.items.map((notice) => ({ ...presentNotice(notice), itemStates: page.stateCounts.get(notice.id) ?? null })), total: page.total };
    },
    viaCaller: (caller, input) => caller.notices.list(listNoticesInput.parse(input)),
  },
  {
    procedure: 'brand.mine',
    label: '`brand.mine` (one row by key: the fixed cost per request shows)',
    input: undefined,
    direct: async (em, brandId) => {
      const brand = await findBrand(em, brandId);
      if (!brand) throw new Error('brand not found');
      return presentBrand(brand);
    },
    viaCaller: (caller) => caller.brand.mine(),
  },
];

/** The layers from a bare route to the stock endpoint; each is measured on its own. */
const VARIANTS = [
  { id: 'bare', name: 'bare Express route', prefix: '/bare/' },
  { id: 'stack', name: "+ the API's middleware stack (pino-http, helmet, cookie-parser)", prefix: '/stack/bare/' },
  { id: 'caller', name: "+ tRPC's context factory and procedure (createCaller, no HTTP adapter)", prefix: '/stack/caller/' },
  { id: 'trpc', name: '= stock tRPC endpoint (`createApp`, Express adapter, batch of one)', prefix: '/trpc/' },
] as const;
type VariantId = (typeof VARIANTS)[number]['id'];

interface Target {
  query: Query;
  variant: VariantId;
  path: string;
}

/**
 * The portal's client uses `httpBatchLink`, so a single query travels as a batch of one
 * (`?batch=1&input={"0":…}`) and comes back as an array; the bench's own routes take the plain input.
 */
function pathOf(variant: (typeof VARIANTS)[number], query: Query): string {
  if (variant.id === 'trpc') return `${variant.prefix}${query.procedure}?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: query.input }))}`;
  return `${variant.prefix}${query.procedure}${query.input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(query.input))}`}`;
}

const TARGETS: Target[] = QUERIES.flatMap((query) => VARIANTS.map((variant) => ({ query, variant: variant.id, path: pathOf(variant, query) })));

/** The payload of an answer: the bare routes answer it as is, the caller route as tRPC's `result.data`, the endpoint as a batch of one. */
function payloadOf(target: Target, body: unknown): unknown {
  if (target.variant === 'bare' || target.variant === 'stack') return body;
  if (target.variant === 'caller') return (body as { result: { data: unknown } }).result.data;
  return (body as [{ result: { data: unknown } }])[0].result.data;
}

// ————————————————————————————————————————————————————————— child process: the server

const inputOf = (req: Request): unknown => (typeof req.query.input === 'string' ? JSON.parse(req.query.input) : undefined);

/**
 * The baseline for each query: parse the cookie, resolve the session with the same repository call as
 * the tRPC context (`resolveSession` on a forked EntityManager), check it is a brand user, then the
 * same validation, repository query and presenter as the procedure, answered with `res.json`.
 */
function bareRoute(database: Database, query: Query): RequestHandler {
  return async (req: Request, res: Response) => {
    const em = database.fork();
    const token = (req.cookies as Record<string, string | undefined>)[SESSION_COOKIE];
    const session = token ? await resolveSession(em, token, SESSION_POLICY) : null;
    if (!session || !isBrandRole(session.user.role) || !session.user.brand) {
      res.status(401).json({ error: 'Sign in first' });
      return;
    }
    res.json(await query.direct(em, session.user.brand.id, inputOf(req)));
  };
}

/** The procedure through tRPC's own machinery (the real context factory, middlewares, input parser), without the HTTP adapter. */
function callerRoute(createContext: ReturnType<typeof contextFactory>, query: Query): RequestHandler {
  return async (req: Request, res: Response) => {
    const caller = createCaller(await createContext({ req, res }));
    res.json({ result: { data: await query.viaCaller(caller, inputOf(req)) } });
  };
}

/** The bare routes alone: cookie parsing only. */
function bareApp(database: Database): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(cookieParser());
  for (const query of QUERIES) app.get(`/bare/${query.procedure}`, bareRoute(database, query));
  return app;
}

/**
 * The bare routes and the tRPC caller behind the same middleware as `createApp` (apps/api/src/app.ts):
 * request logging with the same options, helmet with the same policy, cookie-parser. Kept in step with
 * app.ts by hand; it exists only to split the cost of that stack from the cost of tRPC.
 */
function stackApp(database: Database, logger: Logger): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
      autoLogging: { ignore: (req) => req.url === '/health' || /^\/(admin|portal)\/assets\//.test(req.url ?? '') },
    }),
  );
  app.use(helmet({ contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:', 'blob:'], 'upgrade-insecure-requests': null } } }));
  app.use(cookieParser());
  const createContext = contextFactory({ database, sessionPolicy: SESSION_POLICY, cookieSecure: false });
  for (const query of QUERIES) {
    app.get(`/stack/bare/${query.procedure}`, bareRoute(database, query));
    app.get(`/stack/caller/${query.procedure}`, callerRoute(createContext, query));
  }
  return app;
}

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time of a CPU profile in ms, grouped by where the code lives (package, Node internals, native, GC). */
function profileByArea(profile: Profile): Record<string, number> {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const areas = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = frames.get(id)!;
    const area = areaOf(frame.url, frame.functionName);
    if (area !== '(idle)') areas.set(area, (areas.get(area) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return Object.fromEntries(areas);
}

/** Groups a stack frame: an npm package, a Node internal module, the repo's own code, native code or GC. */
function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : 'native code (SQLite, sockets, crypto)';
  const packageName = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (packageName) return packageName;
  if (url.includes('internal/deps/undici')) return 'node: undici (Fetch API Request/Response/Headers)';
  if (url.includes('internal/webstreams')) return 'node: web streams';
  if (url.startsWith('node:')) return `node: ${url.replace(/^node:(internal\/)?/, '').split('/')[0]}`;
  const repoPath = /\/(apps|packages|bench)\/[^/]+/.exec(url)?.[0];
  return repoPath ? repoPath.slice(1) : url;
}

async function runServerRole(): Promise<void> {
  const { database, destroy } = await createTestDatabase('sqlite');
  const uploadDir = mkdtempSync(join(tmpdir(), 'jf-bench-uploads-'));
  let server: Server | null = null;
  const cleanup = async () => {
    server?.close();
    server?.closeAllConnections();
    await destroy();
    rmSync(uploadDir, { recursive: true, force: true });
  };
  try {
    await seedWorld(database, { size: 'demo' });
    const logger = benchLogger();
    const api = createApp({ database, logger, sessionPolicy: SESSION_POLICY, cookieSecure: false, uploadDir, bulkRunner: new BulkJobRunner(database, logger) });
    const bare = bareApp(database);
    const stack = stackApp(database, logger);
    // One server and port for all: the bench's routes are dispatched before the API's middleware ever runs.
    server = createServer((req, res) => {
      if (req.url?.startsWith('/bare/')) bare(req, res);
      else if (req.url?.startsWith('/stack/')) stack(req, res);
      else api(req, res);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const inspector = new Session();
    inspector.connect();
    serveRole(
      { port: (server.address() as AddressInfo).port },
      {
        usage: async () => {
          const cpu = process.cpuUsage();
          return { cpuMs: (cpu.user + cpu.system) / 1000 };
        },
        profileStart: async () => {
          await inspector.post('Profiler.enable');
          await inspector.post('Profiler.start');
          return {};
        },
        profileStop: async () => profileByArea((await inspector.post('Profiler.stop')).profile as Profile),
      },
      cleanup,
    );
  } catch (error) {
    await cleanup().catch(() => undefined);
    failRole(error);
  }
}

// ————————————————————————————————————————————————————————— load generator

type ServerProcess = RoleProcess<{ port: number }>;

interface Measurement {
  latencies: number[];
  errors: number;
  seconds: number;
  /** Server CPU (all threads) per answered request: steadier than throughput on a shared machine. */
  serverCpuMs: number;
}

/** Closed loop: CONCURRENCY loops, each sending its next request when the last one was answered, for `seconds`. */
async function closedLoop(url: string, session: BrowserSession, seconds: number): Promise<{ latencies: number[]; errors: number; seconds: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const sent = performance.now();
        try {
          const response = await fetch(url, { headers: { cookie: session.cookie }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
          await response.arrayBuffer();
          if (response.ok) latencies.push(performance.now() - sent);
          else errors++;
        } catch {
          errors++;
        }
      }
    }),
  );
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}

async function measure(server: ServerProcess, url: string, session: BrowserSession): Promise<Measurement> {
  const before = await server.ask<{ cpuMs: number }>('usage');
  const run = await closedLoop(url, session, SECONDS);
  const after = await server.ask<{ cpuMs: number }>('usage');
  return { ...run, serverCpuMs: (after.cpuMs - before.cpuMs) / Math.max(1, run.latencies.length) };
}

/** Every variant of a query must answer the very same data, or the comparison means nothing. */
async function checkSameAnswers(baseUrl: string, session: BrowserSession): Promise<number> {
  let listTotal = 0;
  for (const query of QUERIES) {
    const targets = TARGETS.filter((target) => target.query === query);
    const payloads = await Promise.all(
      targets.map(async (target) => {
        const response = await fetch(`${baseUrl}${target.path}`, { headers: { cookie: session.cookie } });
        if (!response.ok) throw new Error(`${target.path}: HTTP ${response.status} ${await response.text()}`);
        return payloadOf(target, await response.json());
      }),
    );
    if (!payloads.every((payload) => isDeepStrictEqual(payload, payloads[0]))) throw new Error(`${query.procedure}: the variants answer different data`);
    if (query.procedure === 'notices.list') listTotal = (payloads[0] as { total: number }).total;
  }
  return listTotal;
}

interface Combined {
  rate: number;
  errors: number;
  cpuMs: number;
  latency: LatencySummary;
  perRound: string;
}

/** A target's rounds together: overall rate, latency over every request, CPU per request, and each round's rate. */
function combine(runs: Measurement[]): Combined {
  const requests = runs.reduce((sum, run) => sum + run.latencies.length, 0);
  return {
    rate: requests / runs.reduce((sum, run) => sum + run.seconds, 0),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    cpuMs: runs.reduce((sum, run) => sum + run.serverCpuMs * run.latencies.length, 0) / requests,
    latency: summarize(runs.flatMap((run) => run.latencies)),
    perRound: runs.map((run) => (run.latencies.length / run.seconds).toFixed(0)).join(', '),
  };
}

interface AreaProfile {
  label: string;
  requests: number;
  areas: Record<string, number>;
}

async function profileTarget(server: ServerProcess, baseUrl: string, target: Target, session: BrowserSession): Promise<AreaProfile> {
  await server.ask('profileStart');
  const run = await closedLoop(`${baseUrl}${target.path}`, session, PROFILE_SECONDS);
  const areas = await server.ask<Record<string, number>>('profileStop');
  return { label: `${target.query.procedure} ${target.variant}`, requests: run.latencies.length, areas };
}

/** Self time per request by area, largest extra cost of the stock endpoint over the bare route first. */
function profileTable(profiles: AreaProfile[]): string[] {
  const perRequest = profiles.map(({ requests, areas }) => new Map(Object.entries(areas).map(([area, total]) => [area, total / Math.max(1, requests)])));
  const extra = (values: number[]) => values.reduce((sum, value, i) => sum + (i % 2 === 0 ? value : -value), 0);
  const rows = [...new Set(perRequest.flatMap((map) => [...map.keys()]))]
    .map((area) => ({ area, values: perRequest.map((map) => map.get(area) ?? 0) }))
    .filter((row) => Math.max(...row.values) >= 0.01)
    .sort((a, b) => extra(b.values) - extra(a.values));
  const totals = perRequest.map((map) => [...map.values()].reduce((sum, value) => sum + value, 0));
  const fmt = (value: number) => value.toFixed(3);
  return [
    `| where (self time, ms/request) | ${profiles.map((profile) => profile.label).join(' | ')} |`,
    `|---|${profiles.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.area} | ${row.values.map(fmt).join(' | ')} |`),
    `| **total** | ${totals.map((total) => `**${fmt(total)}**`).join(' | ')} |`,
  ];
}

function report(results: Map<Target, Combined>, profiles: AreaProfile[], listTotal: number): string {
  const lines = [
    `Signed in as the ${DEMO_GFT_BRAND} brand admin (session cookie), SQLite with the demo world, one server process on loopback; a separate`,
    `client process runs ${CONCURRENCY} concurrent \`fetch\` loops (closed loop) against one target at a time, ${SECONDS} s per target and round, ${ROUNDS}`,
    `rounds in alternating order, after ${WARMUP_SECONDS} s of warm-up per target. \`notices.list\` is called as the portal's notice list does (page 1,`,
    `20 per page, newest first; ${DEMO_GFT_BRAND} has ${listTotal} notices). The same server and port also host the bench's routes, dispatched`,
    'before the API\'s middleware runs:',
    '',
    '- **bare Express route**: cookie-parser, `resolveSession` on a forked EntityManager (as the tRPC context does), the brand-user',
    '  check, the same input schema, repository query and presenter, `res.json`. Session lookup is thus included on both sides.',
    "- **+ middleware stack**: the same route behind `createApp`'s pino-http (info level, to /dev/null), helmet and cookie-parser.",
    "- **+ tRPC's procedure**: behind that stack, the real `contextFactory` and `createCaller(appRouter)`: the procedure builders'",
    '  middlewares and input parsing, without the HTTP adapter.',
    '- **stock tRPC endpoint**: `/trpc/<procedure>` of `createApp` itself, called as the portal\'s `httpBatchLink` calls it',
    '  (`?batch=1&input={"0":…}`, answered as an array of one).',
    '',
    'Every variant of a query answers the same data (checked). "Server CPU" is the server process\'s CPU time (all threads) per',
    'request, which the other engineers\' load disturbs less than requests/s.',
    '',
    '| query | variant | requests/s | per round | % of bare | p50 ms | p99 ms | errors | server CPU ms/request | CPU added by the layer |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const query of QUERIES) {
    const targets = TARGETS.filter((target) => target.query === query);
    const bare = results.get(targets[0]!)!;
    targets.forEach((target, i) => {
      const result = results.get(target)!;
      const previous = i > 0 ? results.get(targets[i - 1]!)! : null;
      const added = !previous ? '' : target.variant === 'trpc' ? `${(result.cpuMs - previous.cpuMs).toFixed(2)} (the HTTP adapter)` : (result.cpuMs - previous.cpuMs).toFixed(2);
      const name = VARIANTS.find((variant) => variant.id === target.variant)!.name;
      lines.push(
        `| \`${query.procedure}\` | ${name} | ${result.rate.toFixed(0)} | ${result.perRound} | ${((result.rate / bare.rate) * 100).toFixed(0)}% | ${ms(result.latency.p50)} | ${ms(result.latency.p99)} | ${result.errors} | ${result.cpuMs.toFixed(2)} | ${added} |`,
      );
    });
  }
  lines.push('');
  for (const query of QUERIES) {
    const targets = TARGETS.filter((target) => target.query === query);
    const bare = results.get(targets[0]!)!;
    const trpc = results.get(targets.at(-1)!)!;
    const ratio = trpc.rate / bare.rate;
    lines.push(
      `- ${query.label}: the stock tRPC endpoint reaches **${(ratio * 100).toFixed(0)}%** of the bare route's requests/s (goal ≥ 60%: **${ratio >= 0.6 ? 'met' : 'missed'}**); ` +
        `by server CPU per request, ${((bare.cpuMs / trpc.cpuMs) * 100).toFixed(0)}% (${(trpc.cpuMs - bare.cpuMs).toFixed(2)} ms more per request).`,
    );
  }
  lines.push(
    '',
    `Where the main thread's time goes (self time from a ${PROFILE_SECONDS} s CPU profile per target, taken after the measurement, divided by the`,
    'requests answered meanwhile; the profiler adds overhead of its own, so read the differences between columns):',
    '',
    ...profileTable(profiles),
    '',
    machineNote(),
    '',
    'Rerun: `npm run bench:trpc-read` (`-- --seconds 5 --rounds 1` for a quick look, `--concurrency N`).',
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const server = await startRole<{ port: number }>(import.meta.filename, 'server', [], { readyTimeoutMs: 180_000 });
  try {
    const baseUrl = `http://127.0.0.1:${server.ready.port}`;
    const account = DEMO_ACCOUNTS.find((candidate) => candidate.brandName === DEMO_GFT_BRAND && candidate.role === 'brand_admin')!;
    const session = await signIn(baseUrl, account.email, DEMO_PASSWORD);
    const listTotal = await checkSameAnswers(baseUrl, session);

    for (const target of TARGETS) await closedLoop(`${baseUrl}${target.path}`, session, WARMUP_SECONDS);
    const runs = new Map(TARGETS.map((target) => [target, [] as Measurement[]]));
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate the order, so no target always runs right after the same one.
      const order = round % 2 === 0 ? TARGETS : [...TARGETS].reverse();
      for (const target of order) {
        console.warn(`round ${round + 1}: ${target.path.split('?')[0]}`);
        runs.get(target)!.push(await measure(server, `${baseUrl}${target.path}`, session));
      }
    }
    const profiled = QUERIES.flatMap((query) => TARGETS.filter((target) => target.query === query && (target.variant === 'trpc' || target.variant === 'bare')).reverse());
    const profiles: AreaProfile[] = [];
    for (const target of profiled) profiles.push(await profileTarget(server, baseUrl, target, session));

    const body = report(new Map([...runs].map(([target, measurements]) => [target, combine(measurements)])), profiles, listTotal);
    writeSection('tRPC read throughput', body);
    console.warn(body);
  } finally {
    await server.stop();
  }
}

const role = stringArg('--role');
if (role === 'server') await runServerRole();
else await main();
