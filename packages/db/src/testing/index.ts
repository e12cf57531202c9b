import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database, type DatabaseKind } from '../database';

/**
 * The databases a suite must run on. PostgreSQL is required unless a developer opts out
 * explicitly with JF_SKIP_POSTGRES=1; `npm test` always provides a real server.
 */
export function testDatabaseKinds(): DatabaseKind[] {
  if (process.env.JF_TEST_POSTGRES_URL) return ['sqlite', 'postgresql'];
  if (process.env.JF_SKIP_POSTGRES === '1' && process.env.JF_REQUIRE_POSTGRES !== '1') return ['sqlite'];
  throw new Error(
    'JF_TEST_POSTGRES_URL is not set: run the tests with `npm test` (which starts PostgreSQL), ' +
      'or set JF_SKIP_POSTGRES=1 to run the SQLite half only while developing.',
  );
}

export interface TestDatabase {
  database: Database;
  /** Closes the connection and deletes the file or the PostgreSQL database. */
  destroy(): Promise<void>;
}

/** A migrated, empty database of the given kind that belongs to one test file only. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'jf-test-'));
    const database = await Database.open({ kind, location: join(folder, 'test.sqlite') });
    return {
      database,
      destroy: async () => {
        await database.close();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = process.env.JF_TEST_POSTGRES_URL;
  if (!adminUrl) throw new Error('JF_TEST_POSTGRES_URL is required for PostgreSQL tests');
  const name = `jf_t_${randomBytes(6).toString('hex')}`;
  await withAdminConnection(adminUrl, (admin) => admin.execute(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await Database.open({ kind, location: url.toString() });
  return {
    database,
    destroy: async () => {
      await database.close();
      await withAdminConnection(adminUrl, (admin) => admin.execute(`drop database if exists ${name} with (force)`));
    },
  };
}

async function withAdminConnection(
  adminUrl: string,
  work: (connection: { execute(sql: string): Promise<unknown> }) => Promise<unknown>,
): Promise<void> {
  const admin = await Database.open({ kind: 'postgresql', location: adminUrl }, { migrate: false });
  try {
    await work(admin.orm.em.getConnection());
  } finally {
    await admin.close();
  }
}
