/**
 * `npm run soak`: load and faults against the real API process (apps/api/src/main.ts, JF_WORKERS=all) on
 * a seeded demo world, with its marketplaces pointed at the marketplace simulator (apps/marketplace-sim).
 * Not part of `npm test`. Writes bench/RESULTS.md (section "Soak").
 *
 *   npm run soak [-- --clients 200 --seconds 60 --databases sqlite,postgresql --faults pg,disk-full,read-only
 *                   --fault-clients 50 --fault-seconds 30 --notice-rate 40]
 *
 * 1. Load: a bounded, mixed, closed-loop workload on loopback (`--clients` clients on Node's fetch for
 *    `--seconds`): brands filing single-listing notices over tRPC (GFT and standard path, at most
 *    `--notice-rate` a second in all), brands reading their portal, reviewers listing and deciding the queue,
 *    staff dashboards. Reports requests, errors (anything but 2xx, timeouts, socket errors), p50/p99 and the
 *    API process's peak RSS (VmHWM; the world is seeded by a separate process first, so it is the API's own).
 *    Afterwards every notice answered 2xx must exist and every removal requested since the start must have
 *    its outbox command, delivered to the simulator.
 * 2. Faults, each under a smaller load (`--fault-clients` for `--fault-seconds`, the fault from 1/3 to 2/3):
 *    - pg: the PostgreSQL server is stopped and started again. While it is down the API must answer 503
 *      `service_unavailable` with a message, and it must recover by itself.
 *    - disk-full (SQLite): the database, copied with the backup command onto a small tmpfs, fills up. Needs
 *      root with the right to mount; otherwise reported as not run.
 *    - read-only (SQLite): the database file is made read-only and the API restarted on it as an unprivileged
 *      user (root ignores file modes): writes must be 503s saying so, reads must go on.
 *    After each: `pragma integrity_check` (SQLite), no accepted notice lost, no outbox command lost.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, chownSync, closeSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { backupDatabase, brandIpRights, Database, Listing, Notice, NoticeItem, OutboxCommand, Removal, User, type DatabaseTarget } from '@jf/db';
import { DEMO_PASSWORD } from '@jf/db/demo-accounts';
import { writeSection } from './results';
import { machineNote, ms, numberArg, signIn, stringArg, summarize, type BrowserSession, type LatencySummary } from './support';
// @ts-expect-error: a plain ES module of the repo's scripts, without types
import { startThrowawayPostgres } from '../scripts/pg-server.mjs';

const root = resolve(import.meta.dirname, '..');
const CLIENTS = numberArg('--clients', 200);
const SECONDS = numberArg('--seconds', 60);
const FAULT_CLIENTS = numberArg('--fault-clients', Math.min(CLIENTS, 50));
const FAULT_SECONDS = numberArg('--fault-seconds', 30);
const NOTICE_RATE = numberArg('--notice-rate', 40);
const BASELINE_SECONDS = numberArg('--baseline-seconds', 10);
const REQUEST_TIMEOUT_MS = 10_000;
const DATABASES = (stringArg('--databases') ?? 'sqlite,postgresql').split(',') as ('sqlite' | 'postgresql')[];
const FAULTS = new Set((stringArg('--faults') ?? 'pg,disk-full,read-only').split(',').filter((fault) => fault !== 'none'));
/** How long the outbox gets to deliver everything after a run before a command counts as lost. */
const DRAIN_TIMEOUT_MS = 180_000;
const isRoot = process.getuid?.() === 0;

// ————————————————————————————————————————————————————————— processes

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/** A TypeScript entry point in its own Node process (no tsx wrapper, so the pid is the program's), output to a log file. */
function startNode(script: string, env: NodeJS.ProcessEnv, logFile: string, runAs?: { uid: number; gid: number }): ChildProcess {
  const node = [process.execPath, '--import', 'tsx', script];
  const [command, args] = runAs ? ['setpriv', [`--reuid=${runAs.uid}`, `--regid=${runAs.gid}`, '--clear-groups', ...node]] : [node[0]!, node.slice(1)];
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

async function waitFor(url: string, child: ChildProcess, what: string, logFile: string, timeoutMs = 900_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}) before answering; its log: ${logFile}\n${tail(logFile)}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wake) => setTimeout(wake, 500));
  }
  throw new Error(`${what} did not answer on ${url} within ${timeoutMs / 1000} s`);
}

const tail = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-20).join('\n') : '');

/** The process's resident memory now and at its peak (VmHWM), in MiB, from /proc. */
function memoryOf(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** CPU seconds the process has used (user + system), from /proc. */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Waits until the API is idle (under 15% of a core over 2 s, at most two minutes): right after start the
 * detection scanner scores the changed listings, and a soak measures the steady state, not that pass.
 */
async function settle(pid: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    const before = cpuSecondsOf(pid);
    await new Promise((wake) => setTimeout(wake, 2000));
    const busy = (cpuSecondsOf(pid) - before) / 2;
    if (busy < 0.15 || performance.now() - started > 120_000) return (performance.now() - started) / 1000;
  }
}

interface Simulator {
  url: string;
  child: ChildProcess;
}

async function startSimulator(work: string): Promise<Simulator> {
  const port = await freePort();
  const logFile = join(work, 'simulator.log');
  const child = startNode('apps/marketplace-sim/src/main.ts', { SIM_PORT: String(port), SIM_HOST: '127.0.0.1', JF_SEED: 'demo', LOG_LEVEL: 'warn' }, logFile);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/health`, child, 'the marketplace simulator', logFile);
  return { url, child };
}

interface Platform {
  base: string;
  child: ChildProcess;
  pid: number;
  logFile: string;
}

/** The API as `npm start` runs it (production, workers inside), on its own port, logging at info to a file. */
async function startPlatform(target: DatabaseTarget, simulator: Simulator, work: string, label: string, runAs?: { uid: number; gid: number }, port?: number): Promise<Platform> {
  port ??= await freePort();
  const logFile = join(work, `api-${label}.log`);
  const uploads = join(work, 'uploads');
  mkdirSync(uploads, { recursive: true });
  if (runAs) chownSync(uploads, runAs.uid, runAs.gid);
  const child = startNode(
    'apps/api/src/main.ts',
    {
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: target.kind === 'sqlite' ? `sqlite:${target.location}` : target.location,
      JF_SEED: 'demo',
      JF_WORKERS: 'all',
      JF_SIMULATOR_URL: simulator.url,
      UPLOAD_DIR: uploads,
      LOG_LEVEL: 'info',
      ADMIN_DIST: join(work, 'no-admin'),
      PORTAL_DIST: join(work, 'no-portal'),
    },
    logFile,
    runAs,
  );
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/health`, child, `the API (${label})`, logFile);
  const seconds = await settle(child.pid!);
  console.warn(`[soak] the API (${label}) is up and idle after ${seconds.toFixed(0)} s of settling`);
  return { base, child, pid: child.pid!, logFile };
}

/** Seeds the demo world in a process of its own (`npm run seed`), so the API's peak memory is its own. */
async function seed(target: DatabaseTarget, work: string): Promise<void> {
  const logFile = join(work, `seed-${target.kind}.log`);
  const child = startNode('packages/db/src/cli/seed.ts', { DATABASE_URL: target.kind === 'sqlite' ? `sqlite:${target.location}` : target.location }, logFile);
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`seeding ${target.kind} failed (${code}):\n${tail(logFile)}`);
}

// ————————————————————————————————————————————————————————— the workload

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const cookieOf = (session: BrowserSession) => ({ cookie: session.cookie });
const mutationHeaders = (session: BrowserSession) => ({ cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' });
const query = (procedure: string, input: unknown) => `/trpc/${procedure}?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: input }))}`;

interface Sessions {
  gft: BrowserSession[];
  standard: BrowserSession[];
  reviewer: BrowserSession;
  leadership: BrowserSession;
  manager: BrowserSession;
}

async function signInAll(base: string): Promise<Sessions> {
  // A handful of sign-ins, one after the other: far below the per-address limit of 30 in flight.
  const as = (email: string) => signIn(base, email, DEMO_PASSWORD);
  return {
    gft: [await as('admin@aurelia.demo'), await as('agent@aurelia.demo')],
    standard: [await as('admin@northpeak.demo'), await as('agent@northpeak.demo')],
    reviewer: await as('reviewer@jointforce.demo'),
    leadership: await as('leadership@jointforce.demo'),
    manager: await as('manager@jointforce.demo'),
  };
}

/** What the notices need from the database: each brand's right and listings no open notice holds. */
interface NoticeMaterial {
  rights: { gft: string; standard: string };
  listings: string[];
}

async function noticeMaterial(target: DatabaseTarget, count: number): Promise<NoticeMaterial> {
  const database = await Database.open(target, { migrate: false });
  try {
    const em = database.fork();
    const rightOf = async (email: string) => {
      const user = await em.findOneOrFail(User, { email });
      const right = (await brandIpRights(em, user.brand!.id)).find((candidate) => candidate.status === 'verified' && candidate.validUntil > new Date());
      if (!right) throw new Error(`${email}'s brand has no verified right`);
      return right.id;
    };
    const rights = { gft: await rightOf('admin@aurelia.demo'), standard: await rightOf('admin@northpeak.demo') };
    // Listings with a risk score below the removal threshold: the detection scanner, running in the API, leaves them alone.
    const active = await em.find(Listing, { status: 'active' }, { fields: ['id', 'riskScore'], orderBy: { riskScore: 'ASC', id: 'ASC' }, limit: count * 2 });
    const open = new Set<string>();
    for (let i = 0; i < active.length; i += 5000) {
      const ids = active.slice(i, i + 5000).map((listing) => listing.id);
      for (const item of await em.find(NoticeItem, { listing: { $in: ids }, state: { $in: ['pending', 'needs_info'] } }, { fields: ['listing'] })) open.add(item.listing.id);
    }
    const listings = active.map((listing) => listing.id).filter((id) => !open.has(id)).slice(0, count);
    if (listings.length < count) throw new Error(`the world has ${listings.length} listings free for notices, the run needs ${count}; lower --notice-rate or --seconds`);
    return { rights, listings };
  } finally {
    await database.close();
  }
}

interface GroupResult {
  name: string;
  latencies: number[];
  statuses: Map<number, number>;
  /** Requests that got no answer: timeouts (10 s) and socket errors. */
  unanswered: number;
  /** 503 answers whose body was the API's `service_unavailable` JSON with a message. */
  clearUnavailable: number;
  /** Other error answers' first bodies, to show in the report. */
  samples: string[];
}

interface RunState {
  material: NoticeMaterial;
  nextListing: number;
  /** Notices answered 2xx, by id. */
  accepted: Set<string>;
  /** Queue items seen in a list and not yet decided by this run. */
  queue: string[];
  taken: Set<string>;
  keyPrefix: string;
  sequence: number;
}

/** A request of the workload; `setupRequest` builds each one anew (body, path, session headers). */
interface Request {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}

interface Group {
  name: string;
  share: number;
  /** Requests a second for the whole group, when it is rate-limited. */
  rate?: number;
  requests(sessions: Sessions, state: RunState): Request[];
}

/** Round-robin over a role's sessions; mutations carry the session's CSRF token. */
function signed(pool: BrowserSession[], mutation: boolean, request: Request): Request {
  let next = 0;
  return {
    ...request,
    setupRequest: (built, context) => {
      const session = pool[next++ % pool.length]!;
      const headers: Record<string, string> = mutation ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' } : { cookie: session.cookie };
      const shaped = request.setupRequest ? request.setupRequest(built, context) : built;
      return { ...shaped, headers: { ...(shaped.headers ?? {}), ...headers } };
    },
  };
}

function submitRequest(state: RunState, path: 'gft' | 'standard'): Request {
  return {
    method: 'POST',
    path: '/trpc/notices.submit?batch=1',
    setupRequest: (request) => {
      const listing = state.material.listings[state.nextListing++ % state.material.listings.length]!;
      const input = {
        ipRightId: state.material.rights[path],
        reason: 'counterfeit',
        evidence: 'Test purchase: the logo and the stitching differ from the genuine product.',
        listingIds: [listing],
        idempotencyKey: `${state.keyPrefix}-${state.sequence++}`,
      };
      return { ...request, body: JSON.stringify({ 0: input }) };
    },
    onResponse: (status, body) => {
      if (status < 200 || status > 299) return;
      const id = (JSON.parse(body) as [{ result: { data: { notice: { id: string } } } }])[0].result.data.notice.id;
      state.accepted.add(id);
    },
  };
}

const QUEUE_LIST = query('admin.queue.list', { page: 1, perPage: 50, sort: { field: 'createdAt', order: 'ASC' }, filter: {} });

const GROUPS: Group[] = [
  {
    name: 'brands filing notices (`notices.submit`, GFT and standard)',
    share: 0.2,
    rate: NOTICE_RATE,
    requests: (sessions, state) => [signed(sessions.gft, true, submitRequest(state, 'gft')), signed(sessions.standard, true, submitRequest(state, 'standard'))],
  },
  {
    name: 'brands reading the portal (notice list, brand, unread messages, dashboard)',
    share: 0.3,
    requests: (sessions) =>
      [
        { method: 'GET' as const, path: query('notices.list', { page: 1, perPage: 20, sort: { field: 'submittedAt', order: 'DESC' }, filter: {} }) },
        { method: 'GET' as const, path: query('brand.mine', null) },
        { method: 'GET' as const, path: query('messages.unread', null) },
        { method: 'GET' as const, path: query('dashboard.removals', { from: daysAgo(90), to: today(), unit: 'week' }) },
      ].map((request) => signed([...sessions.gft, ...sessions.standard], false, request)),
  },
  {
    name: 'reviewers listing and deciding the queue (`admin.queue.list`, `admin.queue.decide`)',
    share: 0.2,
    requests: (sessions, state) => [
      signed([sessions.reviewer], true, {
        method: 'GET',
        path: QUEUE_LIST,
        onResponse: (status, body) => {
          if (status !== 200) return;
          const items = (JSON.parse(body) as [{ result: { data: { data: { id: string }[] } } }])[0].result.data.data;
          for (const { id } of items) {
            if (state.taken.has(id)) continue;
            state.queue.push(id);
            state.taken.add(id);
          }
        },
      }),
      signed([sessions.reviewer], true, {
        method: 'POST',
        path: '/trpc/admin.queue.decide?batch=1',
        // One item per decision, never the same twice; with none at hand, the list again.
        setupRequest: (request) => {
          const id = state.queue.shift();
          if (!id) return { ...request, method: 'GET', path: QUEUE_LIST, body: undefined };
          const decision =
            state.sequence++ % 4 === 0
              ? { decision: 'reject', itemIds: [id], rejectionCode: 'insufficient_evidence', message: 'The photos do not show the mark; send the test-buy report.' }
              : { decision: 'remove', itemIds: [id] };
          return { ...request, method: 'POST', path: '/trpc/admin.queue.decide?batch=1', body: JSON.stringify({ 0: decision }) };
        },
      }),
    ],
  },
  {
    name: 'staff dashboards (`admin.overview.summary`, `admin.dashboards.removals`, `.turnaround`)',
    share: 0.3,
    requests: (sessions) =>
      [
        { method: 'GET' as const, path: query('admin.overview.summary', null) },
        { method: 'GET' as const, path: query('admin.dashboards.removals', { from: daysAgo(90), to: today(), unit: 'week' }) },
        { method: 'GET' as const, path: query('admin.dashboards.turnaround', { from: daysAgo(90), to: today(), unit: 'week' }) },
      ].map((request) => signed([sessions.leadership, sessions.manager], false, request)),
  },
];

/** Every request of the workload, twice, in order: a wrong input or path shows here, not as errors under load. */
async function preflight(base: string, sessions: Sessions, state: RunState): Promise<void> {
  for (const group of GROUPS) {
    const requests = group.requests(sessions, state);
    for (let round = 0; round < 2; round++) {
      for (const request of requests) {
        const built = request.setupRequest ? request.setupRequest({ ...request }, {}) : request;
        const response = await fetch(`${base}${built.path}`, { method: built.method, headers: built.headers, body: built.body });
        const body = await response.text();
        if (!response.ok) throw new Error(`preflight ${built.method} ${built.path.split('?')[0]} answered ${response.status}: ${body.slice(0, 500)}`);
        request.onResponse?.(response.status, body, {});
      }
    }
  }
}

interface RunResult {
  seconds: number;
  groups: GroupResult[];
  /** Resident memory of the API sampled each 500 ms during the run (MiB). */
  rssMax: number;
}

/** The `service_unavailable` error of a tRPC (batch or not) or file-route answer, if that is what it is. */
function isClearUnavailable(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as unknown;
    const error = ((Array.isArray(parsed) ? parsed[0] : parsed) as { error?: { message?: string; code?: unknown; data?: { domainCode?: string } } }).error;
    const code = error?.data?.domainCode ?? error?.code;
    return code === 'service_unavailable' && typeof error?.message === 'string' && error.message.length > 0;
  } catch {
    return false;
  }
}

/** A closed-loop client: sends its group's requests in turn, the next when the last was answered, until the deadline. */
async function client(base: string, requests: Request[], deadline: number, result: GroupResult, slot?: () => Promise<void>): Promise<void> {
  let index = Math.floor(Math.random() * requests.length);
  while (performance.now() < deadline) {
    if (slot) await slot();
    if (performance.now() >= deadline) return;
    const template = requests[index++ % requests.length]!;
    const request = template.setupRequest ? template.setupRequest({ ...template }, {}) : template;
    const sent = performance.now();
    try {
      const response = await fetch(`${base}${request.path}`, { method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      const body = await response.text();
      result.latencies.push(performance.now() - sent);
      result.statuses.set(response.status, (result.statuses.get(response.status) ?? 0) + 1);
      template.onResponse?.(response.status, body, {});
    } catch (error) {
      result.unanswered++;
      const reason = `no answer: ${(error as Error).name === 'TimeoutError' ? `timed out after ${REQUEST_TIMEOUT_MS / 1000} s` : ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message}`;
      if (result.samples.length < 3 && !result.samples.includes(reason)) result.samples.push(reason);
    }
  }
}

/** Spaces the requests of a rate-limited group evenly: each caller waits for the next free slot. */
function rateSlots(perSecond: number): () => Promise<void> {
  let next = performance.now();
  return async () => {
    const now = performance.now();
    const at = Math.max(now, next);
    next = at + 1000 / perSecond;
    if (at > now) await new Promise((wake) => setTimeout(wake, at - now));
  };
}

/**
 * Runs the groups side by side for `seconds`, `clients` closed-loop clients split by share; `during` may act
 * on the system meanwhile (faults). Node's fetch keeps one keep-alive connection per client busy.
 */
async function runLoad(base: string, pid: number, sessions: Sessions, state: RunState, clients: number, seconds: number, during?: () => Promise<void>): Promise<RunResult> {
  let rssMax = 0;
  const sampler = setInterval(() => {
    const memory = memoryOf(pid);
    if (memory) rssMax = Math.max(rssMax, memory.rss);
  }, 500);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const runs = GROUPS.map(async (group) => {
    const connections = Math.max(1, Math.round(clients * group.share));
    const result: GroupResult = { name: group.name, latencies: [], statuses: new Map(), unanswered: 0, clearUnavailable: 0, samples: [] };
    const requests = group.requests(sessions, state).map((request) => ({
      ...request,
      onResponse: (status: number, body: string, context: Record<string, unknown>) => {
        if (status === 503 && isClearUnavailable(body)) result.clearUnavailable++;
        else if ((status < 200 || status > 299) && result.samples.length < 3) result.samples.push(`${status} ${body.slice(0, 300)}`);
        request.onResponse?.(status, body, context);
      },
    }));
    const slot = group.rate ? rateSlots(group.rate) : undefined;
    await Promise.all(Array.from({ length: connections }, () => client(base, requests, deadline, result, slot)));
    return result;
  });
  const [groups] = await Promise.all([Promise.all(runs), during?.()]);
  clearInterval(sampler);
  return { seconds: (performance.now() - started) / 1000, groups, rssMax };
}

/**
 * The raw baseline, in the same run and process layout: the same number of clients, on the same client code,
 * against the API's `/health` (Express, its middleware and a `select 1`), the floor any procedure stands on.
 */
async function baseline(base: string, clients: number, seconds: number): Promise<{ rate: number; latency: LatencySummary; errors: number }> {
  const result: GroupResult = { name: 'baseline', latencies: [], statuses: new Map(), unanswered: 0, clearUnavailable: 0, samples: [] };
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(Array.from({ length: clients }, () => client(base, [{ method: 'GET', path: '/health' }], deadline, result)));
  const ok = result.statuses.get(200) ?? 0;
  return { rate: ok / ((performance.now() - started) / 1000), latency: summarize(result.latencies), errors: result.latencies.length - ok + result.unanswered };
}

const sum = (values: Iterable<number>) => [...values].reduce((total, value) => total + value, 0);
const requestsOf = (groups: GroupResult[]) => sum(groups.map((group) => group.latencies.length));
const okOf = (group: GroupResult) => sum([...group.statuses].filter(([status]) => status >= 200 && status < 300).map(([, count]) => count));
const errorsOf = (group: GroupResult) => group.latencies.length - okOf(group) + group.unanswered;

// ————————————————————————————————————————————————————————— checks after a run

interface Durability {
  accepted: number;
  lostNotices: number;
  removals: number;
  /** Removals without an outbox command, plus commands not delivered when the wait ended. */
  lostCommands: number;
  undelivered: number;
  drainSeconds: number;
  integrity: string | null;
}

/** Waits for the outbox to deliver what the run wrote, then counts what is missing. */
async function checkDurability(target: DatabaseTarget, accepted: Set<string>, since: Date): Promise<Durability> {
  const database = await Database.open(target, { migrate: false });
  try {
    const started = performance.now();
    let removals: { id: string }[] = [];
    let commands: { state: string }[] = [];
    for (;;) {
      const em = database.fork();
      removals = await em.find(Removal, { requestedAt: { $gte: since } }, { fields: ['id'] });
      commands = [];
      const keys = removals.map((removal) => `remove:${removal.id}`);
      for (let i = 0; i < keys.length; i += 5000) commands.push(...(await em.find(OutboxCommand, { idempotencyKey: { $in: keys.slice(i, i + 5000) } }, { fields: ['id', 'state', 'idempotencyKey'] })));
      const waiting = commands.filter((command) => command.state === 'pending' || command.state === 'in_flight').length;
      if (waiting === 0 || performance.now() - started > DRAIN_TIMEOUT_MS) break;
      await new Promise((wake) => setTimeout(wake, 1000));
    }
    const em = database.fork();
    const ids = [...accepted];
    let found = 0;
    for (let i = 0; i < ids.length; i += 5000) found += await em.count(Notice, { id: { $in: ids.slice(i, i + 5000) } });
    const undelivered = commands.filter((command) => command.state !== 'delivered').length;
    const integrity =
      target.kind === 'sqlite' ? ((await em.getConnection().execute('pragma integrity_check')) as { integrity_check: string }[]).map((row) => row.integrity_check).join('; ') : null;
    return {
      accepted: ids.length,
      lostNotices: ids.length - found,
      removals: removals.length,
      lostCommands: removals.length - commands.length + undelivered,
      undelivered,
      drainSeconds: (performance.now() - started) / 1000,
      integrity,
    };
  } finally {
    await database.close();
  }
}

// ————————————————————————————————————————————————————————— scenarios

interface LoadFigures {
  kind: string;
  run: RunResult;
  peakRss: number;
  durability: Durability;
  baseline: { rate: number; latency: LatencySummary; errors: number };
  /** CPU time of the API process during the load, per request answered (ms). */
  cpuMsPerRequest: number;
  /** One-minute load average before and after the load: the machine is shared. */
  loadAverage: [number, number];
  /** Time inside the API per procedure, from its request log (pino-http's responseTime), during the load. */
  serverTimes: Map<string, number[]>;
}

/** The API's own timing of each request (from arrival to the answer's end), per path, between two instants. */
function serverTimesFrom(logFile: string, from: number, to: number): Map<string, number[]> {
  const times = new Map<string, number[]>();
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    if (!line.includes('"responseTime"')) continue;
    try {
      const entry = JSON.parse(line) as { time: number; responseTime: number; req?: { url?: string } };
      if (entry.time < from || entry.time > to || !entry.req?.url) continue;
      const path = entry.req.url.split('?')[0]!;
      const list = times.get(path) ?? times.set(path, []).get(path)!;
      list.push(entry.responseTime);
    } catch {
      // a line cut by the log's buffering
    }
  }
  return times;
}

interface FaultFigures {
  fault: string;
  kind: string;
  run: RunResult | null;
  /** Seconds from the end of the fault to the first 2xx write (a notice) afterwards; null when none came. */
  recoverySeconds: number | null;
  readsDuringFault: number;
  durability: Durability | null;
  survived: boolean;
  note: string;
}

function newState(material: NoticeMaterial, prefix: string): RunState {
  return { material, nextListing: 0, accepted: new Set(), queue: [], taken: new Set(), keyPrefix: `soak-${prefix}-${Date.now()}`, sequence: 0 };
}

/** A notice and a read, once a second, to time the recovery and show reads during a fault; separate from the load's figures. */
function probe(base: string, sessions: Sessions, state: RunState) {
  const writes: { at: number; ok: boolean }[] = [];
  const reads: { at: number; ok: boolean }[] = [];
  let stopped = false;
  let lastFailure = '';
  const loop = (async () => {
    while (!stopped) {
      const at = performance.now();
      const read = await fetch(`${base}${query('notices.list', { page: 1, perPage: 5, sort: { field: 'submittedAt', order: 'DESC' }, filter: {} })}`, { headers: cookieOf(sessions.standard[0]!) }).catch(() => null);
      reads.push({ at, ok: read?.status === 200 });
      await read?.arrayBuffer();
      const write = await fetch(`${base}/trpc/notices.submit?batch=1`, {
        method: 'POST',
        headers: mutationHeaders(sessions.gft[0]!),
        body: JSON.stringify({ 0: { ipRightId: state.material.rights.gft, reason: 'counterfeit', evidence: 'Probe during a fault.', listingIds: [state.material.listings[state.nextListing++ % state.material.listings.length]], idempotencyKey: `${state.keyPrefix}-probe-${state.sequence++}` } }),
      }).catch(() => null);
      if (write?.ok) state.accepted.add(((await write.json()) as [{ result: { data: { notice: { id: string } } } }])[0].result.data.notice.id);
      else if (write) lastFailure = `${write.status} ${(await write.text()).slice(0, 300)}`;
      else lastFailure = 'no answer';
      writes.push({ at, ok: !!write?.ok });
      await new Promise((wake) => setTimeout(wake, 1000));
    }
  })();
  return {
    writes,
    reads,
    lastFailure: () => lastFailure,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

const sleep = (seconds: number) => new Promise((wake) => setTimeout(wake, seconds * 1000));

/** The load, then its durability check. */
async function loadScenario(kind: string, target: DatabaseTarget, platform: Platform, sessions: Sessions, material: NoticeMaterial): Promise<LoadFigures> {
  const state = newState(material, `load-${kind}`);
  await preflight(platform.base, sessions, state);
  console.warn(`[soak] ${kind}: raw baseline, ${CLIENTS} clients on /health for ${BASELINE_SECONDS} s`);
  const raw = await baseline(platform.base, CLIENTS, BASELINE_SECONDS);
  const since = new Date();
  console.warn(`[soak] ${kind}: ${CLIENTS} clients for ${SECONDS} s`);
  const loadBefore = loadavg()[0]!;
  const cpuBefore = cpuSecondsOf(platform.pid);
  const loadStarted = Date.now();
  const run = await runLoad(platform.base, platform.pid, sessions, state, CLIENTS, SECONDS);
  const cpuMsPerRequest = ((cpuSecondsOf(platform.pid) - cpuBefore) * 1000) / Math.max(1, requestsOf(run.groups));
  const loadAfter = loadavg()[0]!;
  const loadEnded = Date.now();
  const peakRss = memoryOf(platform.pid)?.peak ?? Number.NaN;
  console.warn(`[soak] ${kind}: ${requestsOf(run.groups)} requests, ${sum(run.groups.map(errorsOf))} errors; waiting for the outbox`);
  const durability = await checkDurability(target, state.accepted, since);
  // The request log is written asynchronously; give it a moment before reading it back.
  await sleep(1);
  const serverTimes = serverTimesFrom(platform.logFile, loadStarted, loadEnded);
  return { kind, run, peakRss, durability, baseline: raw, cpuMsPerRequest, loadAverage: [loadBefore, loadAfter], serverTimes };
}

/**
 * A fault under load: `inject` at a third of the run, `heal` at two thirds. During the fault only 503s
 * with the API's `service_unavailable` message are acceptable; any other error fails it.
 */
async function faultScenario(
  fault: string,
  kind: string,
  target: DatabaseTarget,
  platform: Platform,
  sessions: Sessions,
  material: NoticeMaterial,
  inject: () => Promise<void>,
  heal: () => Promise<void>,
  expectReads: boolean,
  /** The fault lasts the whole load (it needed a restart to set up) and is healed after it. */
  wholeRun = false,
): Promise<FaultFigures> {
  const state = newState(material, `${fault}-${kind}`);
  const since = new Date();
  const probes = probe(platform.base, sessions, state);
  let healedAt = 0;
  let injectedAt = 0;
  console.warn(`[soak] fault ${fault} on ${kind}: ${FAULT_CLIENTS} clients for ${FAULT_SECONDS} s, fault ${wholeRun ? 'all along' : `from ${(FAULT_SECONDS / 3).toFixed(0)} s to ${((2 * FAULT_SECONDS) / 3).toFixed(0)} s`}`);
  const run = await runLoad(platform.base, platform.pid, sessions, state, FAULT_CLIENTS, FAULT_SECONDS, async () => {
    if (wholeRun) {
      injectedAt = performance.now();
      await inject();
      return;
    }
    await sleep(FAULT_SECONDS / 3);
    injectedAt = performance.now();
    await inject();
    await sleep(FAULT_SECONDS / 3);
    await heal();
    healedAt = performance.now();
  });
  if (wholeRun) {
    // Reads during the fault are those of the load's time; the probe pauses while the API restarts.
    healedAt = performance.now();
    await heal();
  }
  // Recovery: the first successful probe notice after healing, waiting up to a minute past the load.
  const deadline = performance.now() + 60_000;
  while (!probes.writes.some((write) => write.at >= healedAt && write.ok) && performance.now() < deadline) await sleep(0.5);
  await probes.stop();
  const firstWrite = probes.writes.find((write) => write.at >= healedAt && write.ok);
  const readsDuringFault = probes.reads.filter((read) => read.at >= injectedAt + 1000 && read.at < healedAt);
  const alive = platform.child.exitCode === null;
  const durability = alive ? await checkDurability(target, state.accepted, since) : null;
  const otherErrors = sum(run.groups.map((group) => errorsOf(group) - group.clearUnavailable));
  const unavailable = sum(run.groups.map((group) => group.clearUnavailable));
  const readsOk = !expectReads || (readsDuringFault.length > 0 && readsDuringFault.every((read) => read.ok));
  const survived =
    alive && otherErrors === 0 && unavailable > 0 && !!firstWrite && readsOk && durability !== null && durability.lostNotices === 0 && durability.lostCommands === 0 && (durability.integrity ?? 'ok') === 'ok';
  const notes = [
    !alive && 'the API process died',
    otherErrors > 0 && `${otherErrors} errors other than a clear 503 (${run.groups.flatMap((group) => group.samples).slice(0, 2).map((sample) => `\`${sample.replace(/\|/g, '\\|').slice(0, 200)}\``).join('; ')})`,
    unavailable === 0 && 'no 503 seen: the fault did not bite',
    !firstWrite && `no notice accepted after the fault (last answer: ${probes.lastFailure()})`,
    !readsOk && `reads during the fault: ${readsDuringFault.filter((read) => read.ok).length}/${readsDuringFault.length} ok`,
  ].filter(Boolean);
  return {
    fault,
    kind,
    run,
    recoverySeconds: firstWrite ? (firstWrite.at - healedAt) / 1000 : null,
    readsDuringFault: readsDuringFault.filter((read) => read.ok).length,
    durability,
    survived,
    note: notes.join('; '),
  };
}

/** Fills a file system until it refuses more (ENOSPC); returns the filler's path. */
function fillUp(folder: string): string {
  const filler = join(folder, 'filler.bin');
  const chunk = Buffer.alloc(1024 * 1024);
  const handle = openSync(filler, 'w');
  try {
    for (;;) writeSync(handle, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(handle);
  }
  // The last partial megabyte too, so not a page is left.
  const small = Buffer.alloc(4096);
  const rest = openSync(join(folder, 'filler-rest.bin'), 'w');
  try {
    for (;;) writeSync(rest, small);
  } catch {
    // full
  } finally {
    closeSync(rest);
  }
  return filler;
}

function run(command: string, args: string[]): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

// ————————————————————————————————————————————————————————— main

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'jf-soak-'));
  const loads: LoadFigures[] = [];
  const faults: FaultFigures[] = [];
  const postgres: { server: { url: string; stop(): void; serverDown(): Promise<void>; serverUp(): Promise<void> } | null } = { server: null };
  try {
    for (const kind of DATABASES) {
      const simulator = await startSimulator(work);
      let target: DatabaseTarget;
      if (kind === 'postgresql') {
        postgres.server = (await startThrowawayPostgres()) as NonNullable<typeof postgres.server>;
        target = { kind, location: postgres.server.url };
      } else {
        target = { kind, location: join(work, 'soak.sqlite') };
      }
      console.warn(`[soak] ${kind}: seeding the demo world`);
      await seed(target, work);
      let platform = await startPlatform(target, simulator, work, kind);
      let sessions = await signInAll(platform.base);
      const needed = Math.ceil(NOTICE_RATE * (SECONDS + 2 * FAULT_SECONDS) * 1.3) + 1000;
      const material = await noticeMaterial(target, needed);
      loads.push(await loadScenario(kind, target, platform, sessions, material));
      // Each run takes listings after the last one's.
      const rest = (used: number) => ({ ...material, listings: material.listings.slice(used) });
      let used = Math.ceil(NOTICE_RATE * SECONDS * 1.3) + 200;

      if (kind === 'postgresql' && FAULTS.has('pg')) {
        faults.push(await faultScenario('PostgreSQL stopped and started under load', kind, target, platform, sessions, rest(used), () => postgres.server!.serverDown(), () => postgres.server!.serverUp(), false));
        used += Math.ceil(NOTICE_RATE * FAULT_SECONDS * 1.3) + 100;
      }
      await stopProcess(platform.child);

      if (kind === 'sqlite' && (FAULTS.has('disk-full') || FAULTS.has('read-only'))) {
        // A copy of the soaked database on a small file system of its own, made with the backup command.
        const mount = join(work, 'small-fs');
        mkdirSync(mount, { recursive: true });
        const size = Math.ceil(statSync(target.location).size / 1024 / 1024) + 96;
        const mounted = isRoot && run('mount', ['-t', 'tmpfs', '-o', `size=${size}m`, 'tmpfs', mount]).ok;
        const copy: DatabaseTarget = { kind, location: join(mount, 'soak.sqlite') };
        await backupDatabase(target, copy.location);
        try {
          if (FAULTS.has('disk-full')) {
            if (!mounted) {
              faults.push({ fault: 'SQLite disk full', kind, run: null, recoverySeconds: null, readsDuringFault: 0, durability: null, survived: false, note: 'not run: mounting a small tmpfs needs root with CAP_SYS_ADMIN' });
            } else {
              platform = await startPlatform(copy, simulator, work, 'sqlite-disk-full');
              sessions = await signInAll(platform.base);
              let filler = '';
              faults.push(
                await faultScenario('SQLite disk full', kind, copy, platform, sessions, rest(used), async () => void (filler = fillUp(mount)), async () => {
                  rmSync(filler, { force: true });
                  rmSync(join(mount, 'filler-rest.bin'), { force: true });
                }, true),
              );
              used += Math.ceil(NOTICE_RATE * FAULT_SECONDS * 1.3) + 100;
              await stopProcess(platform.child);
            }
          }
          if (FAULTS.has('read-only')) faults.push(await readOnlyScenario(copy, simulator, work, rest(used)));
        } finally {
          if (mounted) run('umount', ['-l', mount]);
        }
      }
      await stopProcess(simulator.child);
      if (kind === 'postgresql') {
        postgres.server?.stop();
        postgres.server = null;
      }
    }
  } finally {
    postgres.server?.stop();
    for (const child of [...children]) await stopProcess(child);
  }
  const body = report(loads, faults);
  writeSection('Soak', body);
  console.warn(body);
  if (process.argv.includes('--keep')) console.warn(`[soak] logs and databases kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

/**
 * The database file read-only under a restarted API. Root ignores file modes, so the API runs as `nobody`
 * here (the folder stays writable, for SQLite's shared-memory index). Sessions are made first, while
 * sign-in can still write; while read-only, writes must be clear 503s and reads must go on.
 */
async function readOnlyScenario(copy: DatabaseTarget, simulator: Simulator, work: string, material: NoticeMaterial): Promise<FaultFigures> {
  const note = (text: string): FaultFigures => ({ fault: 'SQLite file read-only', kind: 'sqlite', run: null, recoverySeconds: null, readsDuringFault: 0, durability: null, survived: false, note: text });
  if (!isRoot) return note('not run: needs root to start the API as another user');
  const nobody = { uid: 65534, gid: 65534 };
  const folder = resolve(copy.location, '..');
  // The unprivileged API must reach its database and uploads inside the soak's private work folder.
  chmodSync(work, 0o755);
  let platform = await startPlatform(copy, simulator, work, 'sqlite-before-read-only');
  const sessions = await signInAll(platform.base);
  await stopProcess(platform.child);
  chownSync(folder, nobody.uid, nobody.gid);
  chownSync(copy.location, nobody.uid, nobody.gid);
  chmodSync(copy.location, 0o444);
  try {
    platform = await startPlatform(copy, simulator, work, 'sqlite-read-only', nobody);
  } catch (error) {
    chmodSync(copy.location, 0o644);
    return note(`the API did not start on the read-only file: ${(error as Error).message.split('\n')[0]}`);
  }
  // The API runs read-only from the start (the fault needed a restart); it is healed by another restart, on the same port.
  const port = Number(new URL(platform.base).port);
  const figures = await faultScenario(
    'SQLite file read-only',
    'sqlite',
    copy,
    platform,
    sessions,
    material,
    async () => undefined,
    async () => {
      await stopProcess(platform.child);
      // SQLite made the -wal and -shm files with the database's mode: they must become writable too.
      for (const suffix of ['', '-wal', '-shm']) if (existsSync(`${copy.location}${suffix}`)) chmodSync(`${copy.location}${suffix}`, 0o644);
      Object.assign(platform, await startPlatform(copy, simulator, work, 'sqlite-after-read-only', nobody, port));
    },
    true,
    true,
  );
  await stopProcess(platform.child);
  return figures;
}

// ————————————————————————————————————————————————————————— report

function latencyOf(groups: GroupResult[]): LatencySummary {
  return summarize(groups.flatMap((group) => group.latencies));
}

function report(loads: LoadFigures[], faults: FaultFigures[]): string {
  const lines = [
    `The real API process (\`apps/api/src/main.ts\`, production mode, \`JF_WORKERS=all\`: outbox dispatcher, listing ingestion, detection`,
    'scanner, mailer off) on the **demo** world (seeded first by `npm run seed` in a process of its own), its marketplaces pointed at the',
    'marketplace simulator (`apps/marketplace-sim`, demo world, no latency or failures), request log at info level to a file. The 10M-removal',
    'world is not used here (it is another benchmark\'s). Load from the soak\'s own process on loopback: each client is a closed loop on',
    'Node\'s fetch (undici, one keep-alive connection each) sending its next request when the last was answered, signed in beforehand (sessions shared per role), tRPC',
    'calls as the apps\' `httpBatchLink` sends them (a batch of one). Mix of the clients: 20% brands filing single-listing notices (half',
    `GFT, half standard path; at most ${NOTICE_RATE} notices/s in all), 30% brands reading their portal, 20% reviewers listing the queue and`,
    'deciding one item at a time (3 removals to 1 rejection; an item is never decided twice), 30% leadership and an account manager',
    'reading dashboards. An error is any answer but 2xx, a timeout (10 s) or a socket error.',
    '',
    `| database | clients | seconds | requests | requests/s | errors | p50 ms | p99 ms | max ms | API peak RSS (VmHWM) | notices accepted | accepted notices lost | removals | commands lost | outbox drained in |`,
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const load of loads) {
    const latency = latencyOf(load.run.groups);
    const requests = requestsOf(load.run.groups);
    const d = load.durability;
    lines.push(
      `| ${load.kind} | ${CLIENTS} | ${SECONDS} | ${requests.toLocaleString('en')} | ${(requests / load.run.seconds).toFixed(0)} | **${sum(load.run.groups.map(errorsOf))}** | ${ms(latency.p50)} | **${ms(latency.p99)}** | ${ms(latency.max)} | **${load.peakRss.toFixed(0)} MiB** | ${d.accepted.toLocaleString('en')} | ${d.lostNotices} | ${d.removals.toLocaleString('en')} | ${d.lostCommands} | ${d.drainSeconds.toFixed(1)} s |`,
    );
  }
  lines.push(
    '',
    'Raw baseline in the same run, before the load: the same number of connections against the API\'s `GET /health` (Express, its',
    'middleware and a `select 1`), the floor every procedure stands on. "API CPU" is the API process\'s CPU time during the load per',
    'request answered: it is what the other engineers\' work on the same two cores disturbs least, and 1,000 ÷ it is the requests/s one',
    'free core would serve.',
    '',
    '| database | raw baseline requests/s | baseline p50 ms | baseline p99 ms | baseline errors | mixed load requests/s | API CPU ms/request | one core would serve | load average before → after |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const load of loads) {
    const requests = requestsOf(load.run.groups);
    lines.push(
      `| ${load.kind} | ${load.baseline.rate.toFixed(0)} | ${ms(load.baseline.latency.p50)} | ${ms(load.baseline.latency.p99)} | ${load.baseline.errors} | ${(requests / load.run.seconds).toFixed(0)} | ${load.cpuMsPerRequest.toFixed(2)} | ${(1000 / load.cpuMsPerRequest).toFixed(0)}/s | ${load.loadAverage[0].toFixed(2)} → ${load.loadAverage[1].toFixed(2)} |`,
    );
  }
  lines.push('', 'By kind of client:', '', '| database | clients doing | requests | errors | p50 ms | p99 ms | first error bodies |', '|---|---|---|---|---|---|---|');
  for (const load of loads) {
    for (const group of load.run.groups) {
      const latency = summarize(group.latencies);
      lines.push(`| ${load.kind} | ${group.name} | ${group.latencies.length.toLocaleString('en')} | ${errorsOf(group)} | ${ms(latency.p50)} | ${ms(latency.p99)} | ${group.samples.map((sample) => `\`${sample.replace(/\|/g, '\\|').slice(0, 160)}\``).join('<br>')} |`);
    }
  }
  lines.push(
    '',
    'Time inside the API by procedure during the load (from its request log: arrival to the end of the answer; a request that waits for',
    'the event loop before it is read is not in it), most total time first:',
    '',
    '| database | path | requests | p50 ms | p99 ms | share of the API\'s time |',
    '|---|---|---|---|---|---|',
  );
  for (const load of loads) {
    const total = sum([...load.serverTimes.values()].map((times) => sum(times)));
    for (const [path, times] of [...load.serverTimes].sort((a, b) => sum(b[1]) - sum(a[1]))) {
      const latency = summarize(times);
      lines.push(`| ${load.kind} | \`${path}\` | ${times.length.toLocaleString('en')} | ${ms(latency.p50)} | ${ms(latency.p99)} | ${((sum(times) / total) * 100).toFixed(0)}% |`);
    }
  }
  for (const load of loads) {
    const latency = latencyOf(load.run.groups);
    lines.push(
      '',
      `- ${load.kind}: p99 ${ms(latency.p99)} ms against the goal of < 200 ms: **${latency.p99 < 200 ? 'met' : 'missed'}**; peak RSS ${load.peakRss.toFixed(0)} MiB against < 512 MiB: **${load.peakRss < 512 ? 'met' : 'missed'}** (demo world, not the 10M-removal one); resident memory sampled during the load peaked at ${load.run.rssMax.toFixed(0)} MiB.` +
        (load.durability.integrity ? ` \`pragma integrity_check\`: ${load.durability.integrity}.` : ''),
    );
    const slowest = Math.max(0, ...[...load.serverTimes.values()].flat());
    const rate = requestsOf(load.run.groups) / load.run.seconds;
    lines.push(
      `  The slowest answer measured inside the API took ${ms(slowest)} ms, against ${ms(latency.max)} ms at the client: the rest is time in socket queues, the API's or the load generator's, both on the same two shared cores.` +
        ` ${CLIENTS} closed-loop clients at ${rate.toFixed(0)} requests/s wait ${((CLIENTS / rate) * 1000).toFixed(0)} ms on average (clients ÷ throughput);` +
        ` at ${load.cpuMsPerRequest.toFixed(1)} ms of API CPU per request one process saturates near ${(1000 / load.cpuMsPerRequest).toFixed(0)} requests/s, so the p99 goal needs` +
        ' that cost cut several times, or more API processes (on PostgreSQL).' +
        (sum(load.run.groups.map((group) => group.unanswered)) > 0 && sum(load.run.groups.map(errorsOf)) === sum(load.run.groups.map((group) => group.unanswered))
          ? ' Every error is a request that waited past the 10 s timeout in those queues; none was answered with an error.'
          : ''),
    );
  }
  lines.push(
    '',
    `Faults, each under ${FAULT_CLIENTS} clients of the same mix for ${FAULT_SECONDS} s, the fault lasting the middle third. Beside the load, a probe files`,
    'one notice and reads the notice list once a second: the recovery time is from the end of the fault to its first accepted notice.',
    'During a fault a 503 whose JSON names `service_unavailable` with a message is the expected answer; anything else counts as an error.',
    'Survived = the API process stayed up, no other error, 503s seen, a notice accepted after the fault, reads answered during it (SQLite),',
    'no accepted notice lost, every removal requested during the run has its command and all were delivered, and the SQLite file passes',
    '`pragma integrity_check`.',
    '',
    '| fault | database | requests | clear 503s | other errors | reads ok during fault | recovered after | notices accepted | accepted lost | commands lost | integrity | survived | note |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const fault of faults) {
    const groups = fault.run?.groups ?? [];
    const d = fault.durability;
    lines.push(
      `| ${fault.fault} | ${fault.kind} | ${fault.run ? requestsOf(groups).toLocaleString('en') : '–'} | ${fault.run ? sum(groups.map((group) => group.clearUnavailable)) : '–'} | ${fault.run ? sum(groups.map((group) => errorsOf(group) - group.clearUnavailable)) : '–'} | ${fault.run ? fault.readsDuringFault : '–'} | ${fault.recoverySeconds === null ? '–' : `${fault.recoverySeconds.toFixed(1)} s`} | ${d ? d.accepted : '–'} | ${d ? d.lostNotices : '–'} | ${d ? d.lostCommands : '–'} | ${d?.integrity ?? (fault.kind === 'sqlite' ? '–' : 'n/a')} | **${fault.survived ? 'yes' : 'no'}** | ${fault.note} |`,
    );
  }
  lines.push('', machineNote(), '', 'Rerun: `npm run soak` (`-- --clients 50 --seconds 20` for a quick look; `--databases sqlite`, `--faults pg,disk-full,read-only|none`, `--fault-clients N --fault-seconds N`, `--notice-rate N`).');
  return lines.join('\n');
}

await main();
