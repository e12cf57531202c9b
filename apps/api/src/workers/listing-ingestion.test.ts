import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuditEvent,
  ingestionCursor,
  Listing,
  Marketplace,
  Removal,
  Seller,
  upsertFeedListings,
} from '@jf/db';
import { testDatabaseKinds } from '@jf/db/testing';
import type { FeedListing } from '@jf/domain';
import { createSimApp, customCatalogue, type SimApp, type SimListing } from '@jf/marketplace-sim';
import { createApiTestBed, type ApiTestBed } from '../testing';
import { createListingIngestion } from './listing-ingestion';

const silent = pino({ level: 'silent' });

interface RunningSim {
  app: SimApp;
  baseUrl: string;
  close(): Promise<void>;
}

async function startSim(listings: (Pick<SimListing, 'marketplace' | 'externalId'> & Partial<SimListing>)[]): Promise<RunningSim> {
  const app = createSimApp({ catalogue: customCatalogue(listings, new Date('2026-03-01T00:00:00Z')) });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    app,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The test bed's TB-n listing exactly as the platform has it, so only what a test changes differs. */
const asPlatformHasIt = (n: number, extra: Partial<SimListing> = {}) => ({
  marketplace: 'taobao' as const,
  externalId: `TB-${n}`,
  sellerExternalId: 'S-1',
  title: `Listing ${n}`,
  priceCents: 1000 + n - 1,
  category: 'bags',
  ...extra,
});

describe.each(testDatabaseKinds())('listing ingestion from the marketplace simulator on %s', (kind) => {
  let bed: ApiTestBed;
  let sim: RunningSim;
  const ingestionAudits = () => bed.database.fork().count(AuditEvent, { actorLabel: 'listing-ingestion' });
  const listing = (externalId: string) => bed.database.fork().findOneOrFail(Listing, { externalId }, { populate: ['seller'] });

  beforeAll(async () => {
    bed = await createApiTestBed(kind);
    sim = await startSim([
      // Five listings the platform has never seen, of two sellers it does not know.
      ...[1, 2, 3, 4, 5].map((n) => ({
        marketplace: 'taobao' as const,
        externalId: `IN-${n}`,
        sellerExternalId: n <= 3 ? 'SEL-A' : 'SEL-B',
        priceCents: 500 * n,
      })),
      // The marketplace removed TB-1 on its own; TB-2 and TB-3 are as the platform has them.
      asPlatformHasIt(1, { status: 'removed' }),
      asPlatformHasIt(2),
      asPlatformHasIt(3),
    ]);
    const em = bed.database.fork();
    (await em.findOneOrFail(Marketplace, { code: 'taobao' })).baseUrl = `${sim.baseUrl}/taobao/`;
    await em.flush();
  });
  afterAll(async () => {
    await sim?.close();
    await bed?.destroy();
  });

  const ingestion = () => createListingIngestion({ database: bed.database, logger: silent, pageSize: 3 });
  const remove = async (externalId: string, idempotencyKey: string) => {
    const response = await fetch(`${sim.baseUrl}/taobao/commands/remove`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ externalId, idempotencyKey }),
    });
    expect(response.status).toBe(200);
  };

  it('creates the new listings and sellers on the first pass and follows a removal made by the marketplace', async () => {
    const pass = await ingestion().drainOnce();
    expect(pass).toMatchObject({ pages: 3, inserted: 5, updated: 1, statusChanges: 1, sellersCreated: 2, failed: [] });

    const created = await listing('IN-4');
    expect(created).toMatchObject({ title: 'Listing IN-4', priceCents: 2000, currency: 'CNY', status: 'active' });
    expect(created.seller).toMatchObject({ externalId: 'SEL-B', name: 'Seller SEL-B' });
    // The marketplace's times, as the feed gave them (fourth catalogue entry: 3 ms after its start).
    expect(created.listedAt.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(created.updatedAt.toISOString()).toBe('2026-03-01T00:00:00.003Z');
    expect(await bed.database.fork().count(Seller, { externalId: { $in: ['SEL-A', 'SEL-B'] } })).toBe(2);

    const removed = await listing('TB-1');
    expect(removed.status).toBe('removed');
    const audits = await bed.database.fork().find(AuditEvent, { actorLabel: 'listing-ingestion' });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'listing_removed_by_marketplace', entityId: removed.id, before: { status: 'active' } });
    expect(await ingestionCursor(bed.database.fork(), 'taobao')).not.toBeNull();
  });

  it('changes nothing on a pass without changes, nor when a page is applied twice', async () => {
    const cursor = await ingestionCursor(bed.database.fork(), 'taobao');
    const pass = await ingestion().drainOnce();
    expect(pass).toMatchObject({ pages: 0, inserted: 0, updated: 0, sellersCreated: 0, failed: [] });
    expect(await ingestionCursor(bed.database.fork(), 'taobao')).toBe(cursor);

    // The whole feed again, straight into the repository, twice over: nothing differs.
    const page = (await (await fetch(`${sim.baseUrl}/taobao/listings?limit=100`)).json()) as { items: FeedListing[] };
    const items = page.items.map((item) => ({ ...item, listedAt: new Date(item.listedAt), updatedAt: new Date(item.updatedAt) }));
    const lookup = () => Promise.reject(new Error('every seller is known'));
    const result = await bed.database.fork().transactional((tx) => upsertFeedListings(tx, 'taobao', items, lookup));
    expect(result).toEqual({ inserted: 0, updated: 0, statusChanges: 0, sellersCreated: 0 });
    expect(await ingestionAudits()).toBe(1);
  });

  it('keeps the image hashes the feed reports, and clears the score of a listing whose content changed', async () => {
    const em = bed.database.fork();
    await em.nativeUpdate(Listing, { externalId: { $in: ['IN-3', 'IN-5'] } }, { scoredAt: new Date(), riskScore: 0.1 });
    const page = (await (await fetch(`${sim.baseUrl}/taobao/listings?limit=100`)).json()) as { items: FeedListing[] };
    const items = page.items.map((item) => ({ ...item, listedAt: new Date(item.listedAt), updatedAt: new Date(Date.now()) }));
    const changed = items.map((item) =>
      item.externalId === 'IN-3' ? { ...item, title: 'Listing IN-3, new title', imageHashes: ['00ff00ff00ff00ff'] } : item.externalId === 'IN-5' ? { ...item, imageHashes: ['0123456789abcdef'] } : item,
    );
    const lookup = () => Promise.reject(new Error('every seller is known'));
    await bed.database.fork().transactional((tx) => upsertFeedListings(tx, 'taobao', changed, lookup));
    expect(await listing('IN-3')).toMatchObject({ title: 'Listing IN-3, new title', imageHashes: ['00ff00ff00ff00ff'], scoredAt: null });
    expect(await listing('IN-5')).toMatchObject({ imageHashes: ['0123456789abcdef'], scoredAt: null });
    // Put back what the simulator says, so the later cases see the feed and the platform agree.
    await bed.database.fork().transactional((tx) => upsertFeedListings(tx, 'taobao', items, lookup));
    await bed.database.fork().nativeUpdate(Listing, { externalId: { $in: ['IN-3', 'IN-5'] } }, { imageHashes: null, scoredAt: null, riskScore: null });
  });

  it('picks up exactly the change the marketplace made since the saved cursor', async () => {
    await remove('IN-2', 'test:remove:IN-2');
    const before = await listing('IN-1');
    const pass = await ingestion().drainOnce();
    expect(pass).toMatchObject({ pages: 1, inserted: 0, updated: 1, statusChanges: 1, failed: [] });
    expect((await listing('IN-2')).status).toBe('removed');
    expect(await listing('IN-1')).toMatchObject({ status: 'active', updatedAt: before.updatedAt });
    expect(await ingestionAudits()).toBe(2);
  });

  it("keeps the platform's own removal: no second change when the feed also says removed, no undo from a stale report", async () => {
    // The platform removed TB-2 through its outbox; the dispatcher recorded the acknowledgement.
    await remove('TB-2', 'remove:platform-TB-2');
    const em = bed.database.fork();
    const tb2 = await em.findOneOrFail(Listing, { externalId: 'TB-2' });
    const removedAt = sim.app.simulator.listing('taobao', 'TB-2')!.updatedAt;
    tb2.status = 'removed';
    em.create(Removal, { brand: null, marketplace: tb2.marketplace, listing: tb2, source: 'proactive', requestedAt: new Date(removedAt - 1000), removedAt: new Date(removedAt) });
    await em.flush();

    const pass = await ingestion().drainOnce();
    expect(pass).toMatchObject({ pages: 1, updated: 0, statusChanges: 0 });
    expect(await ingestionAudits()).toBe(2);

    // A page read before the removal was applied still says active: it must not reinstate TB-2.
    const stale: FeedListing = {
      externalId: 'TB-2',
      sellerExternalId: 'S-1',
      title: 'Listing 2',
      priceCents: 1001,
      currency: 'CNY',
      category: 'bags',
      images: [],
      status: 'active',
      listedAt: new Date('2026-01-01'),
      updatedAt: new Date(removedAt - 500),
    };
    const lookup = () => Promise.resolve(null);
    const result = await bed.database.fork().transactional((tx) => upsertFeedListings(tx, 'taobao', [stale], lookup));
    expect(result.statusChanges).toBe(0);
    expect((await listing('TB-2')).status).toBe('removed');

    // A reinstatement the marketplace made after the removal is followed.
    const later = await bed.database
      .fork()
      .transactional((tx) => upsertFeedListings(tx, 'taobao', [{ ...stale, updatedAt: new Date(removedAt + 500) }], lookup));
    expect(later.statusChanges).toBe(1);
    expect((await listing('TB-2')).status).toBe('reinstated');
  });

  it('leaves the cursor where it was when the feed fails, and catches up afterwards', async () => {
    const cursor = await ingestionCursor(bed.database.fork(), 'taobao');
    sim.app.simulator.command('taobao', 'remove', 'IN-3', 'test:remove:IN-3');
    sim.app.simulator.setControl({ down: true });
    try {
      const pass = await ingestion().drainOnce();
      expect(pass).toMatchObject({ pages: 0, updated: 0, failed: ['taobao'] });
      expect(await ingestionCursor(bed.database.fork(), 'taobao')).toBe(cursor);
      expect((await listing('IN-3')).status).toBe('active');
    } finally {
      sim.app.simulator.setControl({ down: false });
    }
    const pass = await ingestion().drainOnce();
    expect(pass).toMatchObject({ pages: 1, updated: 1, statusChanges: 1, failed: [] });
    expect((await listing('IN-3')).status).toBe('removed');
    expect(await ingestionCursor(bed.database.fork(), 'taobao')).not.toBe(cursor);
  });
});
