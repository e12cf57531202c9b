/**
 * What the HTTP benchmarks share: command-line numbers, latency summaries, the machine note, signing in
 * over the real API, and running a role of a benchmark script in its own process (so the load
 * generator never shares an event loop with the code it measures).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { pino, type Logger } from 'pino';
import { percentile } from '@jf/domain';

/** `--name N` from the command line, or the fallback. */
export function numberArg(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} needs a positive number`);
  return value;
}

/** `--name value` from the command line, or undefined. */
export function stringArg(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index < 0 ? undefined : process.argv[index + 1];
}

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles (the platform's own definition, `percentile` in @jf/domain), in milliseconds. */
export function summarize(values: readonly number[]): LatencySummary {
  const at = (p: number) => percentile(values, p) ?? Number.NaN;
  return { count: values.length, p50: at(50), p90: at(90), p99: at(99), max: at(100) };
}

export const ms = (value: number): string => (Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(2) : value.toFixed(1));

/** Load average when the script started: other engineers run tests on the same 2 cores. */
const loadAtStart = loadavg();

/** CPU, Node and the load around the run, because the figures are only as steady as the machine was. */
export function machineNote(): string {
  const cpu = cpus();
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' / ');
  return [
    `Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}.`,
    `Load average (1 / 5 / 15 min) at start ${load(loadAtStart)}, at end ${load(loadavg())}: the machine is shared with other`,
    'engineers\' test runs, so anything above ~2 means the benchmark competed for the two cores and the figures carry that noise.',
  ].join(' ');
}

/** The API's request logger as production runs it (info level, one line per request), written to /dev/null. */
export function benchLogger(): Logger {
  return pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: true }));
}

export interface BrowserSession {
  /** `jf_session=…`, for the cookie header. */
  cookie: string;
  csrfToken: string;
}

/** Signs in through `auth.signIn` over HTTP, as the portal does, and returns what a browser would keep. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<BrowserSession> {
  const response = await fetch(`${baseUrl}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': 'anonymous' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email} failed: HTTP ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('jf_session='));
  if (!cookie) throw new Error('sign-in answered without a session cookie');
  const body = (await response.json()) as { result: { data: { csrfToken: string } } };
  return { cookie: cookie.split(';')[0]!, csrfToken: body.result.data.csrfToken };
}

/** A benchmark role running in a child process, spoken to over IPC. */
export interface RoleProcess<Ready> {
  child: ChildProcess;
  /** What the role sent once it was ready (ports, ids…). */
  ready: Ready;
  /** Sends a request and waits for the reply of the same `type`. */
  ask<Reply>(type: string, payload?: unknown, timeoutMs?: number): Promise<Reply>;
  /** Asks the role to clean up and exit; kills it if it does not within `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
}

type RoleMessage = { type: string; payload?: unknown; error?: string };

/**
 * Runs `script --role <role> …args` in a child process with the same tsx loader as this one, and
 * waits (at most `readyTimeoutMs`) for its `ready` message.
 */
export async function startRole<Ready>(
  script: string,
  role: string,
  args: string[] = [],
  options: { execArgv?: string[]; readyTimeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<RoleProcess<Ready>> {
  const child = fork(script, ['--role', role, ...args], {
    execArgv: [...process.execArgv, ...(options.execArgv ?? [])],
    env: options.env ?? process.env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = (type: string, timeoutMs: number) =>
    new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`${role}: no "${type}" answer within ${timeoutMs} ms`)), timeoutMs);
      const onMessage = (message: RoleMessage) => {
        if (message.type === 'error') finish(new Error(`${role} failed: ${message.error}`));
        else if (message.type === type) finish(null, message.payload);
      };
      const onExit = (code: number | null) => finish(new Error(`${role} exited (code ${code}) before answering "${type}"`));
      function finish(error: Error | null, payload?: unknown) {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (error) reject(error);
        else resolve(payload);
      }
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = (await next('ready', options.readyTimeoutMs ?? 120_000)) as Ready;
  return {
    child,
    ready,
    ask: async <Reply>(type: string, payload?: unknown, timeoutMs = 120_000) => {
      const answer = next(type, timeoutMs);
      child.send({ type, payload });
      return (await answer) as Reply;
    },
    stop: async (timeoutMs = 30_000) => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * The child side of `startRole`: sends `ready`, answers each request with the handler's reply under
 * the same type, and on `stop` runs `cleanup` and exits.
 */
export function serveRole(ready: unknown, handlers: Record<string, (payload: unknown) => Promise<unknown>>, cleanup: () => Promise<void>): void {
  const send = (message: RoleMessage) => process.send!(message);
  process.on('message', (message: RoleMessage) => {
    if (message.type === 'stop') {
      void cleanup().finally(() => process.exit(0));
      return;
    }
    const handler = handlers[message.type];
    if (!handler) return send({ type: 'error', error: `unknown request ${message.type}` });
    handler(message.payload).then(
      (payload) => send({ type: message.type, payload }),
      (error: unknown) => send({ type: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
  // An orphaned role (the benchmark died) must not keep a database or a port.
  process.on('disconnect', () => void cleanup().finally(() => process.exit(1)));
  send({ type: 'ready', payload: ready });
}

/** Reports a role's start-up failure to the parent instead of dying silently. */
export function failRole(error: unknown): never {
  process.send?.({ type: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}
