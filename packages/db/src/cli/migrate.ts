/**
 * `npm run migrate -w @jf/db`: applies pending migrations to the database named by DATABASE_URL
 * (default: <repo>/data/joint-force.sqlite) without starting the API, e.g. before a deployment.
 */
import { resolve } from 'node:path';
import { Database, parseDatabaseUrl } from '../database';

const repoRoot = resolve(import.meta.dirname, '../../../..');
const database = await Database.open(parseDatabaseUrl(process.env.DATABASE_URL, resolve(repoRoot, 'data/joint-force.sqlite')), { migrate: false });
try {
  const applied = await database.migrate();
  console.warn(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
} finally {
  await database.close();
}
