/**
 * `npm run db:backup -- <file>` / `npm run db:restore -- <file> [--force]`
 *
 * Backs up or restores the database named by DATABASE_URL (default: <repo>/data/joint-force.sqlite);
 * `--database URL` names another. A backup is safe while the API runs (see ../backup.ts). A restore
 * refuses a database that already has tables unless `--force` (then stop the API first: the database
 * is replaced under it). `--pg-bin DIR` names the folder of pg_dump and pg_restore.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase, BackupError, redactUrl, restoreDatabase } from '../backup';
import { parseDatabaseUrl } from '../database';

const repoRoot = resolve(import.meta.dirname, '../../../..');
const USAGE = 'usage: npm run db:backup -- <file> | npm run db:restore -- <file> [--force]  (options: --database URL, --pg-bin DIR)';

const { values, positionals } = parseArgs({
  options: {
    force: { type: 'boolean', default: false },
    database: { type: 'string' },
    'pg-bin': { type: 'string' },
    restore: { type: 'boolean', default: false },
  },
  allowPositionals: true,
  strict: true,
});

// npm runs scripts from the repo root; a relative path means the caller's folder.
const file = positionals[0] && resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]);
if (!file || positionals.length > 1) {
  console.error(USAGE);
  process.exit(2);
}
const target = parseDatabaseUrl(values.database ?? process.env.DATABASE_URL, resolve(repoRoot, 'data/joint-force.sqlite'));
const where = target.kind === 'postgresql' ? redactUrl(target.location) : target.location;
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

try {
  if (values.restore) {
    const restored = await restoreDatabase(target, file, { force: values.force, pgBinDir: values['pg-bin'] });
    const migrations = restored.migrationsApplied.length ? `; migrations applied after it: ${restored.migrationsApplied.join(', ')}` : '; migrations at head';
    console.warn(`restored ${file} into ${target.kind} ${where}${restored.replaced ? ' (replacing what it held)' : ''} in ${seconds()} s${migrations}`);
  } else {
    if (values.force) console.warn('--force only matters for a restore; ignored');
    const backup = await backupDatabase(target, file, { pgBinDir: values['pg-bin'] });
    console.warn(`backed up ${target.kind} ${where} to ${backup.file} (${(backup.bytes / 1024 / 1024).toFixed(1)} MiB) in ${seconds()} s`);
  }
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`${values.restore ? 'restore' : 'backup'} failed: ${error.message}`);
  process.exit(1);
}
