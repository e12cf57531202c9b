import { describe, expect, it } from 'vitest';
import { AUDIT_ENTITIES, NOTIFICATION_KINDS } from '@jf/domain';
import { AuditEvent, Brand, Marketplace, Notification } from './entities';
import { recordAudit } from './repositories';
import { parseDatabaseUrl } from './database';
import { createTestDatabase, testDatabaseKinds } from './testing';
import { seedWorld } from './seed';

describe('parseDatabaseUrl', () => {
  it('defaults to a SQLite file', () => {
    expect(parseDatabaseUrl(undefined, '/tmp/x.sqlite')).toEqual({
      kind: 'sqlite',
      location: '/tmp/x.sqlite',
    });
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

  it('accept every value of the enumerations that later migrations widened', async () => {
    const { database, destroy } = await createTestDatabase(kind);
    try {
      const em = database.fork();
      for (const entityType of AUDIT_ENTITIES) {
        recordAudit(em, {
          actor: { id: null, label: 'test' },
          action: 'probe',
          entityType,
          entityId: entityType,
        });
      }
      for (const kind of NOTIFICATION_KINDS) em.create(Notification, { kind, title: kind, body: '' });
      await em.flush();
      expect(await database.fork().count(AuditEvent, {})).toBe(AUDIT_ENTITIES.length);
    } finally {
      await destroy();
    }
  });

  it('upgrade a database holding data from the first migration to the head without losing rows', async () => {
    const { database, destroy } = await createTestDatabase(kind);
    try {
      const migrator = database.orm.getMigrator();
      const executed = await migrator.getExecutedMigrations();
      for (let i = 1; i < executed.length; i++) await migrator.down();
      expect(await database.pendingMigrations()).toHaveLength(executed.length - 1);
      const em = database.fork();
      await em.getConnection().execute(
        `insert into audit_events (id, actor_id, actor_label, action, entity_type, entity_id, brand_id, before, after, request_id, occurred_at)
         values ('00000000-0000-4000-8000-00000000000a', null, 'test', 'kept', 'brand', 'b1', null, null, null, null, ?)`,
        [new Date()],
      );
      await database.migrate();
      expect(await database.pendingMigrations()).toEqual([]);
      expect((await database.fork().findOneOrFail(AuditEvent, { action: 'kept' })).entityId).toBe('b1');
    } finally {
      await destroy();
    }
  });

  it('keep audit events append-only: an update or a delete of a row is refused and the row stays as it was', async () => {
    const { database, destroy } = await createTestDatabase(kind);
    try {
      const em = database.fork();
      const event = recordAudit(em, { actor: { id: null, label: 'test' }, action: 'kept', entityType: 'brand', entityId: 'b1', after: { name: 'Acme' } });
      await em.flush();
      const stored = async () => {
        const row = await database.fork().findOneOrFail(AuditEvent, event.id);
        return { action: row.action, entityId: row.entityId, after: row.after };
      };
      const original = await stored();
      const connection = database.fork().getConnection();
      await expect(connection.execute(`update audit_events set action = 'rewritten' where id = ?`, [event.id])).rejects.toThrow(/append-only/);
      await expect(connection.execute(`delete from audit_events where id = ?`, [event.id])).rejects.toThrow(/append-only/);
      await expect(connection.execute(`delete from audit_events`)).rejects.toThrow(/append-only/);
      await expect(database.fork().nativeUpdate(AuditEvent, { id: event.id }, { after: { name: 'Forged' } })).rejects.toThrow(/append-only/);
      await expect(database.fork().nativeDelete(AuditEvent, { id: event.id })).rejects.toThrow(/append-only/);
      const loaded = database.fork();
      loaded.remove(await loaded.findOneOrFail(AuditEvent, event.id));
      await expect(loaded.flush()).rejects.toThrow(/append-only/);
      if (kind === 'postgresql') await expect(connection.execute('truncate audit_events')).rejects.toThrow(/append-only/);
      expect(await stored()).toEqual(original);
      expect(await database.fork().count(AuditEvent, {})).toBe(1);
      // Appending still works.
      recordAudit(em, { actor: { id: null, label: 'test' }, action: 'appended', entityType: 'brand', entityId: 'b1' });
      await em.flush();
      expect(await database.fork().count(AuditEvent, {})).toBe(2);
    } finally {
      await destroy();
    }
  });

  it('report the audit trail unprotected when an append-only trigger is missing', async () => {
    const { database, destroy } = await createTestDatabase(kind);
    try {
      const dropped = kind === 'postgresql' ? 'audit_events_no_truncate' : 'audit_events_no_delete';
      await database.fork().getConnection().execute(kind === 'postgresql' ? `drop trigger ${dropped} on audit_events` : `drop trigger ${dropped}`);
      expect(await database.schemaDrift()).toEqual([`missing trigger audit_events.${dropped}`]);
    } finally {
      await destroy();
    }
  });

  // A column type whose database value hydrates differently from the snapshot (dates on SQLite did)
  // makes every flush rewrite every loaded row: wasted writes and, worse, clobbered concurrent updates.
  it('load rows of every table without marking any of them changed', async () => {
    const { database, destroy } = await createTestDatabase(kind);
    try {
      await seedWorld(database, { size: 'small' });
      const em = database.fork();
      const entityNames = Object.values(database.orm.getMetadata().getAll()).filter((meta) => !meta.embeddable && !meta.virtual).map((meta) => meta.className);
      let loaded = 0;
      for (const name of entityNames) loaded += (await em.find(name, {}, { limit: 50 })).length;
      expect(loaded).toBeGreaterThan(300);
      const unitOfWork = em.getUnitOfWork();
      unitOfWork.computeChangeSets();
      expect(unitOfWork.getChangeSets().map((changeSet) => `${changeSet.name} ${Object.keys(changeSet.payload).join(',')}`)).toEqual([]);
    } finally {
      await destroy();
    }
  });
});
