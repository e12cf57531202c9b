import { describe, expect, it } from 'vitest';
import { Brand, Marketplace } from './entities';
import { parseDatabaseUrl } from './database';
import { createTestDatabase, testDatabaseKinds } from './testing';

describe('parseDatabaseUrl', () => {
  it('defaults to a SQLite file', () => {
    expect(parseDatabaseUrl(undefined, '/tmp/x.sqlite')).toEqual({ kind: 'sqlite', location: '/tmp/x.sqlite' });
  });
  it('recognises PostgreSQL URLs', () => {
    expect(parseDatabaseUrl('postgres://u@h:1/db').kind).toBe('postgresql');
    expect(parseDatabaseUrl('postgresql://u@h:1/db').kind).toBe('postgresql');
  });
  it('accepts sqlite: and file: prefixes', () => {
    expect(parseDatabaseUrl('sqlite:/tmp/a.sqlite')).toEqual({ kind: 'sqlite', location: '/tmp/a.sqlite' });
    expect(parseDatabaseUrl('file:///tmp/b.sqlite')).toEqual({ kind: 'sqlite', location: '/tmp/b.sqlite' });
  });
  it('refuses an unknown scheme instead of guessing', () => {
    expect(() => parseDatabaseUrl('mysql://u@h/db')).toThrow(/DATABASE_URL/);
  });
});

describe.each(testDatabaseKinds())('migrations on %s', (kind) => {
  it('bring an empty database exactly to the entities, with nothing left pending', async () => {
    const { database, destroy } = await createTestDatabase(kind);
    try {
      expect(await database.pendingMigrations()).toEqual([]);
      expect(await database.schemaDrift()).toEqual([]);
      expect(await database.isHealthy()).toBe(true);
    } finally {
      await destroy();
    }
  });

  it('enforce foreign keys and check constraints in the database itself', async () => {
    const { database, destroy } = await createTestDatabase(kind);
    try {
      const em = database.fork();
      em.create(Marketplace, { code: 'taobao', name: 'Taobao', baseUrl: 'http://sim/taobao' });
      await em.flush();
      const connection = em.getConnection();
      await expect(
        connection.execute(
          `insert into brands (id, name, slug, status, gft_status, joint_force_phase, account_manager_id, created_at, updated_at)
           values ('00000000-0000-4000-8000-000000000001', 'X', 'x', 'active', 'bogus', 'onboarding', null, ?, ?)`,
          [new Date(), new Date()],
        ),
      ).rejects.toThrow();
      const brand = em.create(Brand, { name: 'Acme', slug: 'acme' });
      await em.flush();
      const stored = await database.fork().findOneOrFail(Brand, brand.id);
      expect(stored.gftStatus).toBe('not_eligible');
    } finally {
      await destroy();
    }
  });
});
