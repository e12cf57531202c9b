#!/usr/bin/env node
// A throwaway PostgreSQL server for tests: its own temp data dir, a free port on 127.0.0.1, trust
// auth, fsync off. Never touches the default cluster on port 5432.
//
//   import { startThrowawayPostgres } from './pg-server.mjs';
//   const pg = await startThrowawayPostgres();   // { url, port, dir, stop() }
//   ... use pg.url (postgres://postgres@127.0.0.1:PORT/jf_test) ...
//   pg.stop();
//
// Run directly (`node scripts/pg-server.mjs`) to start one, print its URL and keep it running
// until Ctrl-C.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPgBin } from './system-deps.mjs';

const DB_NAME = 'jf_test';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** A TCP port that was free on 127.0.0.1 a moment ago. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary, as the `postgres` OS user when we are root (initdb/pg_ctl refuse root). */
function pgRun(bin, args, { allowFail = false, cwd = '/' } = {}) {
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  // cwd '/': the postgres user may not be able to enter the caller's cwd (e.g. /root).
  const r = spawnSync(cmd, argv, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (!allowFail && (r.error || r.status !== 0)) {
    const why = r.error ? r.error.message : `exit ${r.status ?? r.signal}`;
    throw new Error(`[pg] ${bin} ${args.join(' ')} failed (${why})\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  }
  return r;
}

/** pgRun without blocking the event loop. */
function pgRunAsync(bin, args) {
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, argv, { cwd: '/', stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`[pg] ${bin} ${args.join(' ')} failed (exit ${code ?? signal})\n${output}`));
    });
  });
}

function makeTempDir() {
  // Unix socket paths are limited to ~107 bytes; fall back to /tmp when TMPDIR is long.
  const base = tmpdir().length < 60 ? tmpdir() : '/tmp';
  const dir = mkdtempSync(join(base, 'jf-pg-'));
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  return dir;
}

function logTail(file) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Starts a fresh PostgreSQL cluster and creates database `jf_test`.
 * `serverDown()` / `serverUp()` stop and start the same server (fault tests); `stop()` removes it.
 * @returns {Promise<{ url: string, port: number, dir: string, stop: () => void, serverDown: () => Promise<void>, serverUp: () => Promise<void> }>}
 */
export async function startThrowawayPostgres() {
  const pgBin = findPgBin();
  if (!pgBin) {
    throw new Error('[pg] PostgreSQL server binaries not found; run `node scripts/system-deps.mjs` first');
  }
  if (isRoot) {
    const r = spawnSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    if (r.status !== 0) throw new Error('[pg] running as root but there is no `postgres` OS user');
  }

  const dir = makeTempDir();
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  let running = false;
  let stopped = false;

  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (running) {
      const r = pgRun(join(pgBin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop'], {
        allowFail: true,
      });
      if (r.status !== 0) {
        process.stderr.write(`[pg] pg_ctl stop failed: ${r.stdout}${r.stderr}\n`);
        // Last resort: the postmaster pid is the first line of postmaster.pid.
        try {
          const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
          if (pid > 0) process.kill(pid, 'SIGQUIT');
        } catch {
          /* already gone */
        }
      }
      running = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  function onSignal(signal) {
    stop();
    // Re-raise the default behaviour only if nobody else handles this signal.
    if (process.listenerCount(signal) === 0) process.exit(signal === 'SIGINT' ? 130 : 143);
  }
  process.on('exit', stop);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    pgRun(join(pgBin, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);

    // The port may be grabbed between probing and binding; retry a few times with a new one.
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const opts = `-h 127.0.0.1 -p ${port} -k '${dir}' -c fsync=off -c max_connections=200`;
      const r = pgRun(
        join(pgBin, 'pg_ctl'),
        ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', opts, 'start'],
        {
          allowFail: true,
        },
      );
      if (r.status === 0) break;
      const log = logTail(logFile);
      // pg_ctl may have left a half-started server behind; make sure it is gone before retrying.
      pgRun(join(pgBin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], { allowFail: true });
      if (attempt >= 3 || !/could not bind|Address already in use/i.test(log)) {
        throw new Error(
          `[pg] pg_ctl start failed on port ${port}:\n${r.stdout}${r.stderr}\n--- server log ---\n${log}`,
        );
      }
    }
    running = true;

    const createdb = pgRun(
      join(pgBin, 'createdb'),
      ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', DB_NAME],
      {
        allowFail: true,
      },
    );
    if (createdb.status !== 0) {
      throw new Error(`[pg] createdb failed: ${createdb.stdout}${createdb.stderr}\n${logTail(logFile)}`);
    }
    const opts = `-h 127.0.0.1 -p ${port} -k '${dir}' -c fsync=off -c max_connections=200`;
    // For fault tests: the same server (data, port) taken down and brought back, e.g. under load. Asynchronous,
    // so a load generator in this process keeps running meanwhile.
    const serverDown = async () => {
      await pgRunAsync(join(pgBin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      running = false;
    };
    const serverUp = async () => {
      await pgRunAsync(join(pgBin, 'pg_ctl'), ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', opts, 'start']);
      running = true;
    };
    return { url: `postgres://postgres@127.0.0.1:${port}/${DB_NAME}`, port, dir, stop, serverDown, serverUp };
  } catch (err) {
    stop();
    throw err;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const pg = await startThrowawayPostgres();
  console.log(pg.url);
  console.error(`[pg] data in ${pg.dir}; Ctrl-C to stop`);
  setInterval(() => {
    if (!existsSync(pg.dir)) process.exit(1);
  }, 60_000);
}
