import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backupDatabase,
  backupKindOf,
  brandIpRights,
  createSession,
  Database,
  Listing,
  NoticeItem,
  Notice,
  OutboxCommand,
  Removal,
  resolveSession,
  restoreDatabase,
  seedWorld,
  User,
  type DatabaseKind,
  type DatabaseTarget,
  type EntityManager,
} from '@jf/db';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '@jf/db/testing';
import { DEMO_GFT_BRAND, DEMO_STANDARD_BRAND } from '@jf/db/demo-accounts';
import { appRouter } from './routers';
import { createInnerContext } from './trpc/context';
import { createCallerFactory } from './trpc/init';
import { TEST_SESSION_POLICY } from './testing';

/**
 * `npm run db:backup` / `db:restore` (packages/db/src/backup.ts) on both databases: the small world
 * plus notices filed through `notices.submit` (GFT and standard path) are backed up, restored into a
 * fresh database, and every notice, item, removal and outbox command is found there, migrations at head.
 * This lives in the API package because notices are filed through the real procedure.
 */

const createCaller = createCallerFactory(appRouter);

/** A database of the given kind with nothing in it (no migrations), and how to drop it. */
async function emptyDatabase(kind: DatabaseKind): Promise<{ target: DatabaseTarget; drop(): Promise<void> }> {
  if (kind === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'jf-restore-'));
    return { target: { kind, location: join(folder, 'restored.sqlite') }, drop: async () => rmSync(folder, { recursive: true, force: true }) };
  }
  const adminUrl = process.env.JF_TEST_POSTGRES_URL!;
  const name = `jf_restore_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const connection = await Database.open({ kind, location: adminUrl }, { migrate: false });
    await connection.orm.em.getConnection().execute(sql).finally(() => connection.close());
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { target: { kind, location: url.toString() }, drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/** Ids of every row that must survive, per table, sorted. */
type Snapshot = Record<'notices' | 'items' | 'removals' | 'commands', string[]>;

async function snapshot(em: EntityManager): Promise<Snapshot> {
  const ids = async (entity: typeof Notice | typeof NoticeItem | typeof Removal | typeof OutboxCommand) =>
    (await em.find(entity as typeof Notice, {}, { fields: ['id'] })).map((row) => row.id).sort();
  return { notices: await ids(Notice), items: await ids(NoticeItem), removals: await ids(Removal), commands: await ids(OutboxCommand) };
}

/** Files `count` single-listing notices as the named brand's admin, through the procedure the portal calls. */
async function fileNotices(database: Database, brandName: string, count: number, keyPrefix: string): Promise<string[]> {
  const em = database.fork();
  const user = await em.findOneOrFail(User, { email: `admin@${brandName.toLowerCase()}.demo` }, { populate: ['brand'] });
  const { token } = createSession(em, user, TEST_SESSION_POLICY, 'vitest');
  await em.flush();
  const right = (await brandIpRights(em, user.brand!.id)).find((candidate) => candidate.status === 'verified' && candidate.validUntil > new Date())!;
  const active = await em.find(Listing, { status: 'active' }, { orderBy: { id: 'ASC' }, limit: count + 200, offset: brandName === DEMO_GFT_BRAND ? 0 : 300, fields: ['id'] });
  const open = new Set((await em.find(NoticeItem, { listing: { $in: active.map((listing) => listing.id) }, state: { $in: ['pending', 'needs_info'] } }, { fields: ['listing'] })).map((item) => item.listing.id));
  const listings = active.filter((listing) => !open.has(listing.id)).slice(0, count);
  const ids: string[] = [];
  for (const [index, listing] of listings.entries()) {
    const caller = createCaller(async () => {
      const requestEm = database.fork();
      return createInnerContext({ em: requestEm, session: await resolveSession(requestEm, token, TEST_SESSION_POLICY), sessionPolicy: TEST_SESSION_POLICY });
    });
    const filed = await caller.notices.submit({ ipRightId: right.id, reason: 'counterfeit', evidence: 'Logo and stitching differ from the genuine product.', listingIds: [listing.id], idempotencyKey: `${keyPrefix}-${index}` });
    ids.push(filed.notice.id);
  }
  return ids;
}

describe.each(testDatabaseKinds())('backup and restore on %s', (kind) => {
  let source: TestDatabase;
  let folder: string;
  let filed: string[];
  let before: Snapshot;

  beforeAll(async () => {
    source = await createTestDatabase(kind);
    folder = mkdtempSync(join(tmpdir(), 'jf-backup-'));
    await seedWorld(source.database, { size: 'small' });
    filed = [...(await fileNotices(source.database, DEMO_GFT_BRAND, 4, 'backup-gft')), ...(await fileNotices(source.database, DEMO_STANDARD_BRAND, 3, 'backup-std'))];
    before = await snapshot(source.database.fork());
  });
  afterAll(async () => {
    await source?.destroy();
    rmSync(folder, { recursive: true, force: true });
  });

  it('restores into a fresh database every notice, item, removal and outbox command, with migrations at head', async () => {
    expect(before.notices).toEqual(expect.arrayContaining(filed));
    // The GFT notices' removals and their marketplace commands are part of what must come back.
    expect(before.removals.length).toBeGreaterThan(0);
    expect(before.commands.length).toBeGreaterThan(0);

    const file = join(folder, 'backup.dump');
    const backup = await backupDatabase(source.database.target, file);
    expect(backup.bytes).toBeGreaterThan(0);
    expect(backupKindOf(file)).toBe(kind);

    const fresh = await emptyDatabase(kind);
    try {
      const restored = await restoreDatabase(fresh.target, file);
      expect(restored).toEqual({ kind, migrationsApplied: [], replaced: false });
      const database = await Database.open(fresh.target, { migrate: false });
      try {
        expect(await snapshot(database.fork())).toEqual(before);
        expect(await database.pendingMigrations()).toEqual([]);
        expect(await database.schemaDrift()).toEqual([]);
      } finally {
        await database.close();
      }

      // A second restore onto the now populated database is refused, and replaces it only when told to.
      await expect(restoreDatabase(fresh.target, file)).rejects.toThrow(/already holds \d+ table\(s\).*--force/);
      expect(await restoreDatabase(fresh.target, file, { force: true })).toMatchObject({ replaced: true, migrationsApplied: [] });
      const again = await Database.open(fresh.target, { migrate: false });
      expect(await snapshot(again.fork()).finally(() => again.close())).toEqual(before);
    } finally {
      await fresh.drop();
    }
  });

  it('takes a consistent backup while notices are being filed', async () => {
    const file = join(folder, 'online.dump');
    // Writes go on during the backup, as with the API running: the copy must be whole and restorable.
    const [backup, during] = await Promise.all([backupDatabase(source.database.target, file), fileNotices(source.database, DEMO_STANDARD_BRAND, 5, 'backup-online')]);
    expect(backup.bytes).toBeGreaterThan(0);
    const fresh = await emptyDatabase(kind);
    try {
      await restoreDatabase(fresh.target, file);
      const database = await Database.open(fresh.target, { migrate: false });
      try {
        const restored = await snapshot(database.fork());
        for (const table of Object.keys(before) as (keyof Snapshot)[]) expect(restored[table]).toEqual(expect.arrayContaining(before[table]));
        // Each notice filed meanwhile is there whole (notice and item) or not at all.
        const items = await database.fork().find(NoticeItem, { notice: { $in: during } }, { fields: ['id', 'notice'] });
        const present = restored.notices.filter((id) => during.includes(id));
        expect(new Set(items.map((item) => item.notice.id))).toEqual(new Set(present));
      } finally {
        await database.close();
      }
    } finally {
      await fresh.drop();
    }
  });

  it('refuses a file that is not a backup of the target’s kind, naming what it is', async () => {
    const junk = join(folder, 'junk.bin');
    writeFileSync(junk, 'not a backup');
    const fresh = await emptyDatabase(kind);
    try {
      await expect(restoreDatabase(fresh.target, junk)).rejects.toThrow(/neither a SQLite database nor a pg_dump/);
      await expect(restoreDatabase(fresh.target, join(folder, 'missing.dump'))).rejects.toThrow(/There is no backup at/);
      const otherKind = kind === 'sqlite' ? 'PGDMP' : 'SQLite format 3\0';
      writeFileSync(junk, `${otherKind}${'\0'.repeat(64)}`);
      await expect(restoreDatabase(fresh.target, junk)).rejects.toThrow(new RegExp(`is a ${kind === 'sqlite' ? 'postgresql' : 'sqlite'} backup; the target is ${kind}`));
    } finally {
      await fresh.drop();
    }
  });
});
