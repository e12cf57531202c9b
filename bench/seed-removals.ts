/**
 * How fast the `--scale` seeder appends removal events to SQLite, against a raw baseline in the same
 * run: better-sqlite3 prepared inserts of equivalent rows, in one transaction, into the same migrated
 * schema. Writes the figures to bench/RESULTS.md (section "Removal events seeder").
 *
 *   npm run bench:seed-removals [-- --rows 200000]
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Database, seedRemovalEvents, seedWorld } from '@jf/db';
import { writeSection } from './results';

const rowsArg = process.argv.indexOf('--rows');
const rows = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 200_000;
const folder = mkdtempSync(join(tmpdir(), 'jf-bench-'));

async function seededDatabase(name: string): Promise<Database> {
  const database = await Database.open({ kind: 'sqlite', location: join(folder, name) });
  await seedWorld(database, { size: 'small', now: new Date('2026-11-01T00:00:00Z') });
  return database;
}

async function timeSeeder(): Promise<number> {
  const database = await seededDatabase('seeder.sqlite');
  const started = performance.now();
  await seedRemovalEvents(database, rows, { now: new Date('2026-11-01T00:00:00Z') });
  const elapsed = performance.now() - started;
  await database.close();
  return elapsed;
}

/** The fastest plain way to put the same rows in: one prepared statement, one transaction. */
async function timeRawBaseline(): Promise<number> {
  const database = await seededDatabase('raw.sqlite');
  const listings: { id: string; marketplace_code: string; brand_id: string | null }[] = await database
    .fork()
    .getConnection()
    .execute('select id, marketplace_code, matched_brand_id as brand_id from listings');
  await database.close();
  const sqlite = new Sqlite(join(folder, 'raw.sqlite'));
  sqlite.pragma('journal_mode = wal');
  const insert = sqlite.prepare(
    'insert into removals (id, brand_id, marketplace_code, listing_id, source, requested_at, removed_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const now = Date.parse('2026-11-01T00:00:00Z');
  const started = performance.now();
  sqlite.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const listing = listings[i % listings.length]!;
      const requestedAt = now - (i % 365) * 86_400_000;
      insert.run(randomUUID(), listing.brand_id, listing.marketplace_code, listing.id, 'proactive', requestedAt, requestedAt + 20_000, requestedAt);
    }
  })();
  const elapsed = performance.now() - started;
  sqlite.close();
  return elapsed;
}

try {
  const seederMs = await timeSeeder();
  const rawMs = await timeRawBaseline();
  const rate = (ms: number) => Math.round(rows / (ms / 1000));
  const lines = [
    `${rows.toLocaleString('en')} removal rows into a migrated SQLite file, same run, same machine.`,
    '',
    '| inserter | seconds | rows/s |',
    '|---|---|---|',
    `| \`seedRemovalEvents\` (multi-row SQL through MikroORM's connection) | ${(seederMs / 1000).toFixed(2)} | ${rate(seederMs).toLocaleString('en')} |`,
    `| raw baseline: better-sqlite3 prepared insert, one transaction | ${(rawMs / 1000).toFixed(2)} | ${rate(rawMs).toLocaleString('en')} |`,
    '',
    `Seeder speed relative to the raw baseline: **${(rawMs / seederMs).toFixed(2)}x**. At this rate the 10-million-row benchmark world takes about ${Math.round(10_000_000 / rate(seederMs) / 60)} minutes.`,
    'Both write into the same indexed table. The seeder is allowed what the baseline is not: 1,000 rows per statement and',
    'relaxed durability (synchronous off, a larger page cache) for the duration of the load, which is safe only for a',
    'throwaway benchmark world.',
  ];
  writeSection('Removal events seeder', lines.join('\n'));
  console.warn(lines.join('\n'));
} finally {
  rmSync(folder, { recursive: true, force: true });
}
