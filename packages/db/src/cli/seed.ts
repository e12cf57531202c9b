/**
 * `npm run seed -w @jf/db -- [--size demo|small] [--scale N] [--seed N]`
 *
 * Opens the database named by DATABASE_URL (default: <repo>/data/joint-force.sqlite), migrates it,
 * seeds the demo world if it has no brands yet, then appends N removal events when --scale is given.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Database, parseDatabaseUrl } from '../database';
import { seedRemovalEvents, seedWorld, type SeedSize } from '../seed';

const repoRoot = resolve(import.meta.dirname, '../../../..');

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'demo' },
    scale: { type: 'string' },
    seed: { type: 'string' },
  },
  strict: true,
});

const size = values.size as SeedSize;
if (size !== 'demo' && size !== 'small') throw new Error(`--size must be demo or small (got ${values.size})`);
const parseCount = (name: string, raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`--${name} must be a non-negative integer (got ${raw})`);
  return value;
};
const scale = parseCount('scale', values.scale);
const seed = parseCount('seed', values.seed);

const log = (line: string): void => console.warn(line);
const target = parseDatabaseUrl(process.env.DATABASE_URL, resolve(repoRoot, 'data/joint-force.sqlite'));
const database = await Database.open(target, { migrate: false });
try {
  const applied = await database.migrate();
  if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
  const seeded = await seedWorld(database, { size, seed, onlyIfEmpty: true, log });
  if (!seeded) log(`the database (${database.kind}) already has brands: world not seeded again`);
  if (scale) {
    const started = performance.now();
    await seedRemovalEvents(database, scale, { seed, log });
    const seconds = (performance.now() - started) / 1000;
    log(
      `appended ${scale.toLocaleString('en')} removal events in ${seconds.toFixed(1)} s (${Math.round(scale / seconds).toLocaleString('en')} rows/s)`,
    );
  }
} finally {
  await database.close();
}
