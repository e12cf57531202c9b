/**
 * Detection throughput on one core: a full scan of the demo world's listings with the active model —
 * reading each listing and its seller, the seller's history, matching the product, extracting the
 * features, scoring, and writing score and features back — in listings per minute, against a raw
 * better-sqlite3 read of the same rows (the same join, every column the scan reads) in the same run.
 * The model's thresholds are set so that nothing is removed or asked: the figure is the scoring path,
 * not the (rare) actions. Writes bench/RESULTS.md (section "Detection scan").
 *
 *   npm run bench:detection-scan [-- --repeats 3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Database, ModelVersion, listingsAfterId, seedWorld } from '@jf/db';
import { DEFAULT_DETECTION_SETTINGS } from '@jf/domain';
import { loadCatalogue, modelOf, scanBatch } from '../apps/api/src/services/detection';
import { SCAN_BATCH_SIZE } from '../apps/api/src/workers/detection-scanner';
import { writeSection } from './results';
import { machineNote, numberArg } from './support';

const REPEATS = numberArg('--repeats', 3);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'jf-scan-'));
  const location = join(dir, 'scan.sqlite');
  const database = await Database.open({ kind: 'sqlite', location });
  try {
    await seedWorld(database, { size: 'demo' });
    const em = database.fork();
    const active = await em.findOneOrFail(ModelVersion, { status: 'active' });
    // Scores are computed and stored for every listing, but no score reaches a band: nothing is acted on.
    active.removeThreshold = 1;
    active.askThreshold = 1;
    await em.flush();
    const model = modelOf({ ...active, metrics: {}, labelCounts: {} } as never);

    const raw = new Sqlite(location, { readonly: true });
    const rawRead = raw.prepare(
      `select l.id, l.marketplace_code, l.external_id, l.title, l.price_cents, l.currency, l.category, l.image_hashes, l.status, l.updated_at,
         s.id as seller_id, s.external_id as seller_external_id, s.registered_at, s.strike_count
       from listings l join sellers s on s.id = l.seller_id where l.status <> 'removed' order by l.id`,
    );
    const rawRates: number[] = [];
    const scanRates: number[] = [];
    let rows = 0;
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      let started = performance.now();
      rows = 0;
      for (const _row of rawRead.iterate()) rows++;
      rawRates.push((rows / (performance.now() - started)) * 60_000);

      const catalogue = (await loadCatalogue(database.fork(), model))!;
      started = performance.now();
      let scanned = 0;
      let cursor: string | null = null;
      for (;;) {
        const batch = await listingsAfterId(database.fork(), cursor, SCAN_BATCH_SIZE);
        if (batch.length === 0) break;
        const counts = await scanBatch(database.fork(), catalogue, batch, { dryRun: false, scanId: null, settings: DEFAULT_DETECTION_SETTINGS, now: new Date() });
        scanned += counts.scanned;
        cursor = batch[batch.length - 1]!.id;
      }
      scanRates.push((scanned / (performance.now() - started)) * 60_000);
      console.log(`repeat ${repeat + 1}: raw read ${Math.round(rawRates.at(-1)!).toLocaleString('en')} rows/min, scan ${Math.round(scanRates.at(-1)!).toLocaleString('en')} listings/min (${scanned} listings)`);
    }
    raw.close();
    const scan = median(scanRates);
    const rawRate = median(rawRates);
    writeSection(
      'Detection scan',
      [
        `\`npm run bench:detection-scan\`: a full scan of the demo world's ${rows.toLocaleString('en')} live listings on SQLite, one process (one core), batches of ${SCAN_BATCH_SIZE}, median of ${REPEATS}.`,
        '',
        '| path | listings per minute |',
        '|---|---|',
        `| raw better-sqlite3 read of the same rows (listing ⋈ seller, one prepared statement) | ${Math.round(rawRate).toLocaleString('en')} |`,
        `| detection scan: read, seller history, product match, features, score, write score and features | **${Math.round(scan).toLocaleString('en')}** |`,
        '',
        `The scan runs at ${((scan / rawRate) * 100).toFixed(1)}% of the raw read. Goal: at least 1,000,000 listings per minute — ${scan >= 1_000_000 ? 'met' : 'not met'}.`,
        '',
        machineNote(),
      ].join('\n'),
    );
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
