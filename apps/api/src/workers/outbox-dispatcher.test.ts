import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AuditEvent,
  Brand,
  claimDueCommands,
  Database,
  enqueueRemoval,
  enqueueSellerStatus,
  Listing,
  Marketplace,
  Notice,
  NoticeItem,
  OutboxCommand,
  outboxStateCounts,
  Removal,
  Seller,
} from '@jf/db';
import { testDatabaseKinds } from '@jf/db/testing';
import { createSimApp, customCatalogue, type SimApp, type SimListing } from '@jf/marketplace-sim';
import { createApiTestBed, type ApiTestBed } from '../testing';
import { createOutboxDispatcher, startOutboxDispatcher, type OutboxDispatcherOptions } from './outbox-dispatcher';

const silent = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Backoff short enough that a test round finds every failed command due again. */
const FAST = { backoff: { baseMs: 1, capMs: 10 }, timeoutMs: 2000, leaseMs: 10_000 } satisfies Partial<OutboxDispatcherOptions>;

/** mulberry32: the simulator's failures are random, but the same in every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface RunningSim {
  app: SimApp;
  baseUrl: string;
  close(): Promise<void>;
}

async function startSim(listings: (Pick<SimListing, 'marketplace' | 'externalId'> & Partial<SimListing>)[], seed: number, webhookSecret?: string): Promise<RunningSim> {
  const app = createSimApp({ catalogue: customCatalogue(listings), random: seeded(seed), webhookSecret });
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

describe.each(testDatabaseKinds())('outbox dispatcher against the marketplace simulator on %s', (kind) => {
  let bed: ApiTestBed;
  beforeAll(async () => {
    bed = await createApiTestBed(kind);
  });
  afterAll(() => bed?.destroy());

  /**
   * `count` fresh Taobao listings with a removal each, its command enqueued; every fifth one comes
   * from a GFT notice item, so the item's acknowledgement is checked too.
   */
  async function enqueueRemovals(prefix: string, count: number) {
    const em = bed.database.fork();
    const taobao = await em.findOneOrFail(Marketplace, { code: 'taobao' });
    const seller = await em.findOneOrFail(Seller, { externalId: 'S-1' });
    const brand = bed.world.brandB;
    const notice = em.create(Notice, {
      brand: brand.id,
      ipRight: bed.world.rights.B.id,
      reason: 'counterfeit',
      evidence: 'Test buy',
      path: 'good_faith',
      idempotencyKey: `notice-${prefix}`,
      submittedAt: new Date(),
    });
    const removals: Removal[] = [];
    for (let i = 0; i < count; i++) {
      const listing = em.create(Listing, { marketplace: taobao, seller, externalId: `${prefix}-${i}`, title: `Bag ${i}`, priceCents: 100, currency: 'CNY', category: 'bags', images: [], listedAt: new Date() });
      const item = i % 5 === 0 ? em.create(NoticeItem, { notice, brand: brand.id, marketplace: taobao, listing }) : null;
      const removal = em.create(Removal, {
        brand: item ? brand.id : null,
        marketplace: taobao,
        listing,
        source: item ? 'notice_gft' : 'proactive',
        noticeItem: item,
        requestedAt: new Date(),
      });
      enqueueRemoval(em, { removal, listing, marketplace: taobao, brand: item ? em.getReference(Brand, brand.id) : null });
      removals.push(removal);
    }
    await em.flush();
    return removals;
  }

  async function pointTaobaoAt(url: string) {
    const em = bed.database.fork();
    (await em.findOneOrFail(Marketplace, { code: 'taobao' })).baseUrl = `${url}/taobao`;
    await em.flush();
  }

  const unfinished = async () => {
    const counts = await outboxStateCounts(bed.database.fork());
    return counts.pending + counts.in_flight;
  };

  it('delivers 200 removals exactly once through failures, an outage and lost answers, and applies every acknowledgement', async () => {
    const removals = await enqueueRemovals('OB', 200);
    const sim = await startSim(removals.map((removal) => ({ marketplace: 'taobao', externalId: removal.listing.externalId })), 7);
    await pointTaobaoAt(sim.baseUrl);
    const simulator = sim.app.simulator;
    const dispatcher = createOutboxDispatcher({ database: bed.database, logger: silent, workerId: 'solo', batchSize: 50, random: seeded(1), ...FAST });
    const rounds = async (n: number) => {
      for (let i = 0; i < n; i++) {
        await dispatcher.drainOnce();
        await sleep(12);
      }
    };
    try {
      // Half of all command calls fail.
      simulator.setControl({ failureRate: 0.5 });
      while (simulator.snapshotStats().applied.remove < 100) await rounds(1);

      // An outage: 503s, then refused connections. Nothing is applied, nothing gives up.
      simulator.setControl({ down: true });
      const before = simulator.snapshotStats().applied.remove;
      await rounds(3);
      simulator.setControl({ down: 'reset' });
      await rounds(2);
      expect(simulator.snapshotStats().applied.remove).toBe(before);
      const failing = await bed.database.fork().find(OutboxCommand, { state: 'pending' });
      expect(failing.length).toBe(200 - before);
      expect(failing.map((command) => command.lastError).join('\n')).toMatch(/socket hang up|ECONNRESET|ECONNREFUSED/);
      expect((await outboxStateCounts(bed.database.fork())).dead).toBe(0);

      // Back up, still flaky, and some answers get lost after the command was applied.
      simulator.setControl({ down: false, failureRate: 0.3, lostAckRate: 0.2 });
      for (let round = 0; (await unfinished()) > 0; round++) {
        if (round > 200) throw new Error('the outbox did not drain');
        await rounds(1);
      }
    } finally {
      await sim.close();
    }

    const stats = simulator.snapshotStats();
    const keys = removals.map((removal) => `remove:${removal.id}`).sort();
    expect(Object.keys(stats.perKey).sort()).toEqual(keys);
    expect(Object.values(stats.perKey).every((times) => times === 1)).toBe(true);
    expect(stats.applied).toEqual({ remove: 200, reinstate: 0 });
    expect(stats.failuresInjected).toBeGreaterThan(50);
    expect(stats.lostAcks).toBeGreaterThan(0);
    // Each lost answer was retried and answered from the idempotency record, never applied twice.
    expect(stats.duplicatesSuppressed).toBe(stats.lostAcks);
    expect(stats.concurrentDuplicates).toBe(0);

    const em = bed.database.fork();
    expect(await outboxStateCounts(em)).toEqual({ pending: 0, in_flight: 0, delivered: 200, dead: 0 });
    const stored = await em.find(Removal, { id: { $in: removals.map((removal) => removal.id) } }, { populate: ['listing', 'noticeItem'] });
    for (const removal of stored) {
      expect(removal.removedAt).not.toBeNull();
      expect(removal.removedAt!.getTime()).toBeGreaterThanOrEqual(removal.requestedAt.getTime());
      expect(removal.listing.status).toBe('removed');
      if (removal.noticeItem) expect(removal.noticeItem.state).toBe('removed');
    }
    expect(stored.filter((removal) => removal.noticeItem).length).toBe(40);
    expect(removals.every((removal) => simulator.listing('taobao', removal.listing.externalId)?.status === 'removed')).toBe(true);
    expect(await em.count(AuditEvent, { action: 'outbox_delivered' })).toBe(200);
    expect(await em.count(AuditEvent, { action: 'outbox_retry_scheduled', actorLabel: 'outbox-dispatcher' })).toBeGreaterThan(100);
    expect(await em.count(AuditEvent, { action: 'notice_item_removed', actorLabel: 'outbox-dispatcher' })).toBe(40);
  });

  it('delivers a command as soon as this process commits it, without waiting for the next poll', async () => {
    const sim = await startSim(['WAKE-0', 'WAKE-1', 'WAKE-2'].map((externalId) => ({ marketplace: 'taobao', externalId })), 13);
    await pointTaobaoAt(sim.baseUrl);
    const dispatcher = startOutboxDispatcher({ database: bed.database, logger: silent, workerId: 'woken', intervalMs: 3_600_000, ...FAST });
    try {
      // The first round runs at start and finds nothing; the next poll would be an hour away.
      await sleep(200);
      await enqueueRemovals('WAKE', 3);
      await vi.waitFor(() => expect(sim.app.simulator.snapshotStats().applied.remove).toBe(3), { timeout: 10_000, interval: 20 });
    } finally {
      await dispatcher.stop();
      await sim.close();
    }
  });

  it('gives up at once on a refusal no retry can change (unknown listing)', async () => {
    const [removal] = await enqueueRemovals('GONE', 1);
    const sim = await startSim([], 3);
    await pointTaobaoAt(sim.baseUrl);
    try {
      await createOutboxDispatcher({ database: bed.database, logger: silent, ...FAST }).drainOnce();
    } finally {
      await sim.close();
    }
    const command = await bed.database.fork().findOneOrFail(OutboxCommand, { idempotencyKey: `remove:${removal!.id}` });
    expect(command).toMatchObject({ state: 'dead', attempts: 1 });
    expect(command.lastError).toMatch(/HTTP 404 .*listing_not_found/);
    expect((await bed.database.fork().findOneOrFail(Removal, removal!.id)).removedAt).toBeNull();
  });

  it('signs every command when it shares a secret with the marketplace, which refuses unsigned ones', async () => {
    const secret = 'a-secret-shared-with-taobao';
    const [signed] = await enqueueRemovals('SIGNED', 1);
    const sim = await startSim([{ marketplace: 'taobao', externalId: 'SIGNED-0' }, { marketplace: 'taobao', externalId: 'UNSIGNED-0' }], 4, secret);
    await pointTaobaoAt(sim.baseUrl);
    try {
      await createOutboxDispatcher({ database: bed.database, logger: silent, ...FAST, webhookSecret: secret }).drainOnce();
      expect(await bed.database.fork().findOneOrFail(OutboxCommand, { idempotencyKey: `remove:${signed!.id}` })).toMatchObject({ state: 'delivered' });
      expect(sim.app.simulator.listing('taobao', 'SIGNED-0')?.status).toBe('removed');
      // A dispatcher without the secret is refused, and the marketplace changes nothing.
      const [unsigned] = await enqueueRemovals('UNSIGNED', 1);
      await createOutboxDispatcher({ database: bed.database, logger: silent, ...FAST }).drainOnce();
      const refused = await bed.database.fork().findOneOrFail(OutboxCommand, { idempotencyKey: `remove:${unsigned!.id}` });
      expect(refused.lastError).toMatch(/HTTP 401 .*bad_signature/);
      expect(sim.app.simulator.listing('taobao', 'UNSIGNED-0')?.status).toBe('active');
    } finally {
      await sim.close();
    }
  });

  it('delivers a seller’s new status to the marketplace, which applies it', async () => {
    const em = bed.database.fork();
    const seller = await em.findOneOrFail(Seller, { externalId: 'S-1' }, { populate: ['marketplace'] });
    seller.status = 'banned';
    const command = enqueueSellerStatus(em, seller, 5, '01a2230c-0000-7000-8000-00000000beef');
    await em.flush();
    const sim = await startSim([{ marketplace: 'taobao', externalId: 'SELLER-PROBE', sellerExternalId: 'S-1' }], 4);
    await pointTaobaoAt(sim.baseUrl);
    try {
      await createOutboxDispatcher({ database: bed.database, logger: silent, ...FAST }).drainOnce();
      expect(sim.app.simulator.seller('taobao', 'S-1')?.status).toBe('banned');
    } finally {
      await sim.close();
    }
    expect(await bed.database.fork().findOneOrFail(OutboxCommand, command.id)).toMatchObject({ state: 'delivered', attempts: 1 });
  });

  it('redelivers a command whose worker died holding the lease', async () => {
    const [removal] = await enqueueRemovals('LEASE', 1);
    const sim = await startSim([{ marketplace: 'taobao', externalId: removal!.listing.externalId }], 5);
    await pointTaobaoAt(sim.baseUrl);
    try {
      // A worker claims the command and dies before delivering it.
      const [ghost] = await claimDueCommands(bed.database.fork(), 'ghost', 10, 100);
      expect(ghost?.idempotencyKey).toBe(`remove:${removal!.id}`);
      const dispatcher = createOutboxDispatcher({ database: bed.database, logger: silent, workerId: 'heir', ...FAST });
      expect(await dispatcher.drainOnce()).toBe(0);
      await sleep(150);
      expect(await dispatcher.drainOnce()).toBe(1);
    } finally {
      await sim.close();
    }
    const command = await bed.database.fork().findOneOrFail(OutboxCommand, { idempotencyKey: `remove:${removal!.id}` });
    expect(command).toMatchObject({ state: 'delivered', attempts: 2 });
    expect(sim.app.simulator.snapshotStats().perKey).toEqual({ [`remove:${removal!.id}`]: 1 });
    expect(await bed.database.fork().count(AuditEvent, { entityId: command.id, action: 'outbox_reclaimed' })).toBe(1);
  });

  it.runIf(kind === 'postgresql')('lets two dispatchers on one database share the work without delivering a command twice', async () => {
    const removals = await enqueueRemovals('CC', 300);
    const sim = await startSim(removals.map((removal) => ({ marketplace: 'taobao', externalId: removal.listing.externalId })), 11);
    await pointTaobaoAt(sim.baseUrl);
    sim.app.simulator.setControl({ latencyMs: 5, failureRate: 0.2 });
    // Two pools, as two processes would have.
    const [first, second] = await Promise.all([
      Database.open(bed.database.target, { migrate: false }),
      Database.open(bed.database.target, { migrate: false }),
    ]);
    const workers = [
      startOutboxDispatcher({ database: first, logger: silent, workerId: 'worker-1', batchSize: 20, intervalMs: 5, ...FAST }),
      startOutboxDispatcher({ database: second, logger: silent, workerId: 'worker-2', batchSize: 20, intervalMs: 5, ...FAST }),
    ];
    try {
      const deadline = Date.now() + 60_000;
      while ((await unfinished()) > 0) {
        if (Date.now() > deadline) throw new Error('the outbox did not drain');
        await sleep(50);
      }
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
      await Promise.all([first.close(), second.close()]);
      await sim.close();
    }

    const stats = sim.app.simulator.snapshotStats();
    expect(Object.keys(stats.perKey)).toHaveLength(300);
    expect(Object.values(stats.perKey).every((times) => times === 1)).toBe(true);
    // Never sent twice: no overlapping calls for a key, and no successful call repeated.
    expect(stats.concurrentDuplicates).toBe(0);
    expect(stats.duplicatesSuppressed).toBe(0);
    const ids = new Set((await bed.database.fork().find(OutboxCommand, { idempotencyKey: { $like: 'remove:%' } })).map((c) => c.id));
    const delivered = (await bed.database.fork().find(AuditEvent, { action: 'outbox_delivered' })).filter((event) => ids.has(event.entityId));
    const byWorker = new Map<unknown, number>();
    for (const event of delivered) byWorker.set(event.before?.claimedBy, (byWorker.get(event.before?.claimedBy) ?? 0) + 1);
    expect(byWorker.get('worker-1')).toBeGreaterThan(0);
    expect(byWorker.get('worker-2')).toBeGreaterThan(0);
    const stored = await bed.database.fork().find(Removal, { id: { $in: removals.map((removal) => removal.id) } }, { populate: ['listing'] });
    expect(stored.every((removal) => removal.removedAt !== null && removal.listing.status === 'removed')).toBe(true);
  });
});
