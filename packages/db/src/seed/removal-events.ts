/**
 * `--scale N`: appends N removal rows over the seeded listings and brands, spread over the last
 * year, for the dashboard and metrics benchmarks. Rows go in with multi-row inserts built as plain
 * SQL (ids, codes and numbers only, so there is nothing to escape), many statements per transaction.
 *
 * This is a benchmark world, not a consistent one: listings are reused cyclically (one listing is
 * removed many times) and notice-sourced rows carry no notice item.
 */
import type { RemovalSource } from '@jf/domain';
import type { Database } from '../database';
import { withoutRollupTriggers } from '../repositories/rollups';
import { withSqlitePragmas } from './bulk';
import { Rng } from './random';

export interface SeedRemovalEventsOptions {
  seed?: number;
  /** Rows per insert statement. */
  batchSize?: number;
  /** Rows per transaction. */
  transactionSize?: number;
  /** The end of the year the rows are spread over; defaults to the current time. */
  now?: Date;
  log?: (line: string) => void;
}

const DAY = 86_400_000;
const YEAR = 365 * DAY;

/** ≈ 8 proactive (proactive + authentication) removals per brand-requested one. */
const SOURCE_WEIGHTS: readonly (readonly [RemovalSource, number])[] = [
  ['proactive', 80],
  ['authentication', 9],
  ['notice_gft', 6],
  ['notice_standard', 5],
];

/** Median turnaround and log-space spread per source, in ms. */
const TURNAROUND: Record<RemovalSource, readonly [number, number]> = {
  proactive: [20_000, 1.0],
  authentication: [30_000, 1.0],
  notice_gft: [150_000, 0.9],
  notice_standard: [9 * 3_600_000, 0.9],
};

interface ListingRef {
  id: string;
  marketplace: string;
  brand: string | null;
}

export async function seedRemovalEvents(
  database: Database,
  count: number,
  options: SeedRemovalEventsOptions = {},
): Promise<void> {
  if (!Number.isInteger(count) || count < 0) {
    throw new Error(`count must be a non-negative integer (got ${count})`);
  }
  if (count === 0) return;
  const log = options.log ?? (() => undefined);
  const batchSize = options.batchSize ?? 1000;
  const transactionSize = Math.max(batchSize, options.transactionSize ?? 50_000);
  const rng = new Rng(options.seed ?? 7);
  const now = (options.now ?? new Date()).getTime();
  const start = now - YEAR;
  const connection = database.fork().getConnection();
  const sqlite = database.kind === 'sqlite';

  const fetched: { id: string; marketplace_code: string; brand_id: string | null }[] =
    await connection.execute(
      'select l.id, l.marketplace_code, coalesce(l.matched_brand_id, t.brand_id) as brand_id ' +
        'from listings l left join sim_listing_truths t on t.listing_id = l.id order by l.id',
    );
  const all: ListingRef[] = fetched.map((row) => ({
    id: row.id,
    marketplace: row.marketplace_code,
    brand: row.brand_id,
  }));
  const branded = all.filter((listing) => listing.brand !== null);
  if (all.length === 0 || branded.length === 0) {
    throw new Error('seedRemovalEvents needs a seeded world (listings matched to brands)');
  }

  // Time-ordered ids (UUIDv7 layout): appends go to the end of the primary-key index.
  const prefix = now.toString(16).padStart(12, '0').slice(-12);
  const salt = rng.hex(6);
  const idFor = (n: number): string =>
    `${prefix.slice(0, 8)}-${prefix.slice(8, 12)}-7${salt.slice(0, 3)}-8${salt.slice(3, 6)}-${n.toString(16).padStart(12, '0')}`;

  const columns = [
    'id',
    'brand_id',
    'marketplace_code',
    'listing_id',
    'source',
    'requested_at',
    'removed_at',
    'created_at',
  ];
  let cursorAll = 0;
  let cursorBranded = 0;
  /** Row n: requestedAt grows with n, so the log is appended in time order. */
  const row = (n: number): [string, string | null, string, string, RemovalSource, number, number] => {
    const source = rng.weighted(SOURCE_WEIGHTS);
    // Notice and authentication removals protect a brand; proactive ones may have none.
    const listing = (
      source === 'proactive' ? all[cursorAll++ % all.length] : branded[cursorBranded++ % branded.length]
    ) as ListingRef;
    const requestedAt = Math.floor(start + ((n + rng.next()) / count) * (YEAR - 60_000));
    const [median, sigma] = TURNAROUND[source];
    const removedAt = Math.min(now, requestedAt + Math.max(500, Math.round(rng.logNormal(median, sigma))));
    return [idFor(n), listing.brand, listing.marketplace, listing.id, source, requestedAt, removedAt];
  };
  /**
   * One statement for rows [from, to). SQLite: a multi-row VALUES list with datetimes as integer ms.
   * PostgreSQL: one array literal per column, unnested (far less to parse and plan than VALUES).
   */
  const statement = (from: number, to: number): string => {
    if (sqlite) {
      const tuples: string[] = new Array(to - from);
      for (let n = from; n < to; n++) {
        const [id, brand, marketplace, listing, source, requestedAt, removedAt] = row(n);
        tuples[n - from] =
          `('${id}', ${brand === null ? 'null' : `'${brand}'`}, '${marketplace}', '${listing}', '${source}', ${requestedAt}, ${removedAt}, ${requestedAt})`;
      }
      return `insert into \`removals\` (${columns.map((c) => `\`${c}\``).join(', ')}) values ${tuples.join(', ')}`;
    }
    const arrays: string[][] = [[], [], [], [], [], [], []];
    for (let n = from; n < to; n++) {
      row(n).forEach((value, c) => (arrays[c] as string[]).push(value === null ? 'NULL' : String(value)));
    }
    const literal = (c: number, type: string) => `'{${(arrays[c] as string[]).join(',')}}'::${type}[]`;
    return (
      `insert into "removals" (${columns.map((c) => `"${c}"`).join(', ')}) ` +
      'select v.id, v.brand, v.mk, v.listing, v.source, to_timestamp(v.req / 1000.0), to_timestamp(v.rem / 1000.0), to_timestamp(v.req / 1000.0) ' +
      `from unnest(${literal(0, 'uuid')}, ${literal(1, 'uuid')}, ${literal(2, 'text')}, ${literal(3, 'uuid')}, ${literal(4, 'text')}, ` +
      `${literal(5, 'bigint')}, ${literal(6, 'bigint')}) as v(id, brand, mk, listing, source, req, rem)`
    );
  };

  const started = performance.now();
  let written = 0;
  let nextLog = Math.ceil(count / 10);
  // A bulk load on SQLite: skip fsyncs and give the page cache room for the growing indexes while it
  // runs (benchmark data: a crash mid-load may lose it); the connection's settings are put back after.
  // The rollup triggers would add four upserts per row; the rollups are rebuilt once after the load.
  await withoutRollupTriggers(database, () =>
    withSqlitePragmas(
      database.orm.em,
      database.kind,
      { synchronous: 'off', cache_size: -262144 },
      async () => {
        while (written < count) {
          const transactionEnd = Math.min(count, written + transactionSize);
          await connection.transactional(async (trx) => {
            while (written < transactionEnd) {
              const end = Math.min(transactionEnd, written + batchSize);
              await connection.execute(statement(written, end), [], 'run', trx);
              written = end;
            }
          });
          if (written >= nextLog || written === count) {
            const rate = Math.round(written / ((performance.now() - started) / 1000));
            log(
              `removal events: ${written.toLocaleString('en')} / ${count.toLocaleString('en')} (${rate.toLocaleString('en')} rows/s)`,
            );
            nextLog = written + Math.ceil(count / 10);
          }
        }
      },
    ),
  );
  log(`removal events: rollups rebuilt, ${Math.round((performance.now() - started) / 1000)} s in all`);
  if (!sqlite) await connection.execute('analyze', [], 'run');
}
