import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { Database, type DatabaseKind, type DatabaseTarget } from './database';
import { runStatement, selectRows } from './repositories/sql';

/**
 * Backups of either database, online: the API may keep running while one is taken.
 *
 * - SQLite: `VACUUM INTO` a new file. It reads one consistent snapshot inside a read transaction, so
 *   in WAL mode writers go on meanwhile and the copy holds every transaction committed before it began
 *   (unlike copying the file, which can tear, or the page-by-page backup API, which restarts whenever
 *   another connection writes).
 * - PostgreSQL: `pg_dump --format=custom`, itself one snapshot, restored by `pg_restore` in a single
 *   transaction. The binaries are Debian's, the same ones the test run uses (`/usr/lib/postgresql/<v>/bin`).
 *
 * Restoring refuses a target that already holds tables unless `force` says to replace it, and leaves
 * the restored database migrated to head. Uploaded files (UPLOAD_DIR) are not in the database: copy them alongside.
 */

export interface BackupResult {
  kind: DatabaseKind;
  file: string;
  bytes: number;
}

export interface RestoreResult {
  kind: DatabaseKind;
  /** Migrations the backup was behind by, applied after restoring. */
  migrationsApplied: string[];
  /** Whether the target held tables that were replaced (only with `force`). */
  replaced: boolean;
}

export interface PostgresToolOptions {
  /** A folder holding pg_dump and pg_restore, instead of looking in /usr/lib/postgresql/<version>/bin and PATH. */
  pgBinDir?: string;
}

/** A refusal the command line prints as it is, without a stack. */
export class BackupError extends Error {
  override name = 'BackupError';
}

const SQLITE_HEADER = 'SQLite format 3\0';
const PG_CUSTOM_HEADER = 'PGDMP';
const PG_ROOT = '/usr/lib/postgresql';

/** pg_dump and pg_restore: the newest Debian server version's first, then PATH; the error names what is missing. */
export function findPostgresTools(options: PostgresToolOptions = {}): { pgDump: string; pgRestore: string } {
  const folders = options.pgBinDir
    ? [options.pgBinDir]
    : [
        ...(existsSync(PG_ROOT)
          ? readdirSync(PG_ROOT)
              .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))
              .map((version) => join(PG_ROOT, version, 'bin'))
          : []),
        ...(process.env.PATH ?? '').split(delimiter).filter(Boolean),
      ];
  const find = (tool: string) => folders.map((folder) => join(folder, tool)).find((path) => existsSync(path));
  const [pgDump, pgRestore] = [find('pg_dump'), find('pg_restore')];
  if (pgDump && pgRestore) return { pgDump, pgRestore };
  const missing = [!pgDump && 'pg_dump', !pgRestore && 'pg_restore'].filter(Boolean).join(' and ');
  const where = options.pgBinDir ? options.pgBinDir : `${PG_ROOT}/<version>/bin or PATH`;
  throw new BackupError(
    `${missing} not found in ${where}. Install Debian's PostgreSQL client tools, the server's major version or newer ` +
      '(`apt-get install postgresql-client`; `npm test` installs `postgresql`, which brings them), or pass --pg-bin DIR.',
  );
}

/** Writes a backup of `target` to `file` (replacing it only once the new one is complete). */
export async function backupDatabase(target: DatabaseTarget, file: string, options: PostgresToolOptions = {}): Promise<BackupResult> {
  const output = resolve(file);
  const partial = `${output}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  try {
    if (target.kind === 'sqlite') {
      if (target.location === ':memory:') throw new BackupError('An in-memory SQLite database cannot be backed up');
      if (!existsSync(target.location)) throw new BackupError(`There is no SQLite database at ${target.location}`);
      const database = await Database.open(target, { migrate: false });
      try {
        await runStatement(database.fork(), 'vacuum into ?', [partial]);
      } finally {
        await database.close();
      }
    } else {
      const { pgDump } = findPostgresTools(options);
      await run(pgDump, ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${target.location}`]);
    }
    renameSync(partial, output);
  } finally {
    rmSync(partial, { force: true });
  }
  return { kind: target.kind, file: output, bytes: statSync(output).size };
}

/** Restores `file` into `target`; a target with tables is refused unless `force`, then replaced whole. */
export async function restoreDatabase(target: DatabaseTarget, file: string, options: PostgresToolOptions & { force?: boolean } = {}): Promise<RestoreResult> {
  const input = resolve(file);
  if (!existsSync(input)) throw new BackupError(`There is no backup at ${input}`);
  const kindOfFile = backupKindOf(input);
  if (kindOfFile !== target.kind) {
    throw new BackupError(
      kindOfFile
        ? `${input} is a ${kindOfFile} backup; the target is ${target.kind}. Restore it into a ${kindOfFile} database (DATABASE_URL).`
        : `${input} is neither a SQLite database nor a pg_dump custom-format file`,
    );
  }
  return target.kind === 'sqlite' ? restoreSqlite(target, input, options.force ?? false) : restorePostgres(target, input, options);
}

/** Which database a backup file is for, by its first bytes. */
export function backupKindOf(file: string): DatabaseKind | null {
  const handle = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const read = readSync(handle, head, 0, 16, 0);
    const text = head.subarray(0, read).toString('latin1');
    if (text === SQLITE_HEADER) return 'sqlite';
    if (text.startsWith(PG_CUSTOM_HEADER)) return 'postgresql';
    return null;
  } finally {
    closeSync(handle);
  }
}

/** Tables a database holds (ours or anyone's): a non-empty target is not overwritten by accident. */
async function tableCount(database: Database): Promise<number> {
  const sql =
    database.kind === 'postgresql'
      ? `select count(*) as n from information_schema.tables where table_schema = current_schema()`
      : `select count(*) as n from sqlite_master where type = 'table' and name not like 'sqlite_%'`;
  const [row] = await selectRows<{ n: number | string }>(database.fork(), sql, []);
  return Number(row?.n ?? 0);
}

const refusal = (where: string, tables: number) =>
  new BackupError(`${where} already holds ${tables} table(s); restore into an empty database, or pass --force to replace it (stop the API first)`);

async function restoreSqlite(target: DatabaseTarget, input: string, force: boolean): Promise<RestoreResult> {
  if (target.location === ':memory:') throw new BackupError('Restore into a SQLite file, not :memory:');
  let replaced = false;
  if (existsSync(target.location) && statSync(target.location).size > 0) {
    const existing = await Database.open(target, { migrate: false });
    const tables = await tableCount(existing).finally(() => existing.close());
    if (tables > 0 && !force) throw refusal(target.location, tables);
    replaced = tables > 0;
  }
  // Checked and migrated beside the target, then moved over it in one rename: a failure leaves the target as it was.
  const staging = join(dirname(target.location), `.restore-${process.pid}-${Date.now()}.sqlite`);
  copyFileSync(input, staging);
  try {
    const database = await Database.open({ kind: 'sqlite', location: staging }, { migrate: false });
    let migrationsApplied: string[];
    try {
      const [check] = await selectRows<{ integrity_check: string }>(database.fork(), 'pragma integrity_check', []);
      if (check?.integrity_check !== 'ok') throw new BackupError(`${input} fails SQLite's integrity check: ${check?.integrity_check ?? 'no answer'}`);
      migrationsApplied = await database.migrate();
    } finally {
      await database.close();
    }
    // The old file's write-ahead log would be replayed into the restored one: it goes first.
    for (const suffix of ['-wal', '-shm']) rmSync(`${target.location}${suffix}`, { force: true });
    renameSync(staging, target.location);
    return { kind: 'sqlite', migrationsApplied, replaced };
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${staging}${suffix}`, { force: true });
  }
}

async function restorePostgres(target: DatabaseTarget, input: string, options: PostgresToolOptions & { force?: boolean }): Promise<RestoreResult> {
  const { pgRestore } = findPostgresTools(options);
  const existing = await Database.open(target, { migrate: false });
  let replaced = false;
  try {
    const tables = await tableCount(existing);
    if (tables > 0 && !options.force) throw refusal(redactUrl(target.location), tables);
    if (tables > 0) {
      // Replaced whole: tables the backup does not have must not survive beside it.
      const em = existing.fork();
      await runStatement(em, 'drop schema public cascade', []);
      await runStatement(em, 'create schema public', []);
      replaced = true;
    }
  } finally {
    await existing.close();
  }
  await run(pgRestore, ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${target.location}`, input]);
  const restored = await Database.open(target, { migrate: false });
  try {
    return { kind: 'postgresql', migrationsApplied: await restored.migrate(), replaced };
  } finally {
    await restored.close();
  }
}

/** A connection URL without its password, for messages. */
export const redactUrl = (url: string): string => url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');

/** Runs a PostgreSQL client tool; its stderr becomes the error when it fails. */
function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => reject(new BackupError(`could not run ${command}: ${error.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new BackupError(`${command.split('/').pop()} failed (${code ?? signal}): ${redactUrl(stderr.trim()) || 'no message'}`));
    });
  });
}
