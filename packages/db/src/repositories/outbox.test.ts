import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent, Brand, IpRight, Listing, Marketplace, Notice, NoticeItem, Notification, OutboxCommand, Removal, Seller } from '../entities';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing';
import {
  claimDueCommands,
  enqueueReinstatement,
  enqueueRemoval,
  outboxStateCounts,
  pointMarketplacesAt,
  recordOutboxDelivery,
  recordOutboxFailure,
} from './outbox';

const T0 = new Date('2026-03-01T10:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(testDatabaseKinds())('outbox repository on %s', (kind) => {
  let test: TestDatabase;
  let counter = 0;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    const em = test.database.fork();
    const marketplace = em.create(Marketplace, { code: 'tmall', name: 'Tmall', baseUrl: 'http://127.0.0.1:9/tmall' });
    em.create(Seller, { marketplace, externalId: 'S-1', name: 'Shop', registeredAt: T0 });
    em.create(Brand, { name: 'Brand', slug: 'brand' });
    await em.flush();
  });
  afterAll(() => test?.destroy());

  /** A listing with a pending notice item and its removal, the removal command enqueued at `T0`. */
  async function removalWithCommand() {
    const em = test.database.fork();
    const marketplace = await em.findOneOrFail(Marketplace, { code: 'tmall' });
    const seller = await em.findOneOrFail(Seller, { externalId: 'S-1' });
    const brand = await em.findOneOrFail(Brand, { slug: 'brand' });
    const n = ++counter;
    const listing = em.create(Listing, { marketplace, seller, externalId: `L-${n}`, title: 't', priceCents: 1, currency: 'CNY', category: 'c', images: [], listedAt: T0 });
    const right = em.create(IpRight, { brand, kind: 'trademark', registrationNumber: `R-${n}`, jurisdiction: 'CN', classes: [], validFrom: T0, validUntil: at(1e12), status: 'verified' });
    const notice = em.create(Notice, { brand, ipRight: right, reason: 'counterfeit', evidence: 'e', path: 'good_faith', idempotencyKey: `n-${n}`, submittedAt: T0 });
    const item = em.create(NoticeItem, { notice, brand, marketplace, listing });
    const removal = em.create(Removal, { brand, marketplace, listing, source: 'notice_gft', noticeItem: item, requestedAt: T0 });
    const command = enqueueRemoval(em, { removal, listing, marketplace, brand }, T0);
    await em.flush();
    return { removal, listing, item, command };
  }

  it('enqueues with the removal’s idempotency key and a payload the domain schema accepts', async () => {
    const { removal, listing, command } = await removalWithCommand();
    expect(command).toMatchObject({
      kind: 'remove_listing',
      state: 'pending',
      attempts: 0,
      idempotencyKey: `remove:${removal.id}`,
      payload: { removalId: removal.id, listingId: listing.id, marketplaceCode: 'tmall', externalListingId: listing.externalId },
    });
    await test.database.fork().nativeDelete(OutboxCommand, { id: command.id });
  });

  it('leases a command to one worker until the lease expires, then lets another reclaim it and fences the first out', async () => {
    const { removal, command } = await removalWithCommand();
    const [first] = await claimDueCommands(test.database.fork(), 'worker-a', 10, 30_000, at(1000));
    expect(first).toMatchObject({ id: command.id, attempts: 1, claimedBy: 'worker-a', baseUrl: 'http://127.0.0.1:9/tmall', marketplace: 'tmall' });

    // Still leased: nobody else gets it.
    expect(await claimDueCommands(test.database.fork(), 'worker-b', 10, 30_000, at(20_000))).toEqual([]);
    // worker-a hangs; after its lease worker-b takes over.
    const [second] = await claimDueCommands(test.database.fork(), 'worker-b', 10, 30_000, at(31_001));
    expect(second).toMatchObject({ id: command.id, attempts: 2, claimedBy: 'worker-b' });

    // worker-a wakes up: its completion must not overwrite worker-b's claim.
    expect(await recordOutboxDelivery(test.database.fork(), first!, {}, at(32_000))).toBe(false);
    expect(await recordOutboxFailure(test.database.fork(), first!, { error: 'late', retryAt: at(40_000) }, at(32_000))).toBe('lost');
    expect(await test.database.fork().findOneOrFail(Removal, removal.id)).toMatchObject({ removedAt: null });

    expect(await recordOutboxDelivery(test.database.fork(), second!, { appliedAt: at(33_000) }, at(34_000))).toBe(true);
    const em = test.database.fork();
    expect(await em.findOneOrFail(OutboxCommand, command.id)).toMatchObject({ state: 'delivered', attempts: 2, claimedBy: null, deliveredAt: at(34_000) });
    const actions = (await em.find(AuditEvent, { entityId: command.id }, { orderBy: { occurredAt: 'asc', action: 'asc' } })).map((event) => event.action);
    expect(actions).toEqual(['outbox_claimed', 'outbox_reclaimed', 'outbox_delivered']);
  });

  it('applies the acknowledgement in the delivery transaction: removedAt, listing removed, item removed', async () => {
    const { removal, listing, item } = await removalWithCommand();
    const [claim] = (await claimDueCommands(test.database.fork(), 'worker-a', 10, 30_000, at(1000))).filter((c) => c.payload.removalId === removal.id);
    // The marketplace's time is used, but never before the request nor after the receipt.
    expect(await recordOutboxDelivery(test.database.fork(), claim!, { appliedAt: at(-5000) }, at(2000))).toBe(true);
    const em = test.database.fork();
    expect((await em.findOneOrFail(Removal, removal.id)).removedAt).toEqual(T0);
    expect((await em.findOneOrFail(Listing, listing.id)).status).toBe('removed');
    expect(await em.findOneOrFail(NoticeItem, item.id)).toMatchObject({ state: 'removed', decidedAt: T0 });
    const events = await em.find(AuditEvent, { entityId: { $in: [removal.id, listing.id, item.id] } });
    expect(events.map((event) => event.action).sort()).toEqual(['listing_removed', 'notice_item_removed', 'removal_acknowledged']);
    expect(events.every((event) => event.actorLabel === 'outbox-dispatcher')).toBe(true);

    // The reinstatement (an overturned GFT audit) goes back through the outbox.
    const removalEntity = await em.findOneOrFail(Removal, removal.id, { populate: ['listing', 'marketplace', 'brand', 'noticeItem'] });
    removalEntity.noticeItem!.auditUpheld = false;
    enqueueReinstatement(em, { removal: removalEntity, listing: removalEntity.listing, marketplace: removalEntity.marketplace, brand: removalEntity.brand }, at(3000));
    await em.flush();
    const [reinstate] = await claimDueCommands(test.database.fork(), 'worker-a', 10, 30_000, at(4000));
    expect(reinstate?.idempotencyKey).toBe(`reinstate:${removal.id}`);
    await recordOutboxDelivery(test.database.fork(), reinstate!, {}, at(5000));
    const after = test.database.fork();
    expect((await after.findOneOrFail(Removal, removal.id)).reinstatedAt).toEqual(at(5000));
    expect((await after.findOneOrFail(Listing, listing.id)).status).toBe('reinstated');
    expect((await after.findOneOrFail(NoticeItem, item.id)).state).toBe('reinstated');
    // The brand is told of both changes in the portal.
    const notes = await after.find(Notification, { entityId: item.id }, { orderBy: { createdAt: 'ASC' } });
    expect(notes.map((note) => note.title)).toEqual([expect.stringMatching(/was removed$/), expect.stringMatching(/was reinstated$/)]);
  });

  it('schedules retries and marks commands dead, and a lease that expires on the last attempt kills the command', async () => {
    const { command } = await removalWithCommand();
    const em = () => test.database.fork();
    const [claim] = await claimDueCommands(em(), 'worker-a', 10, 30_000, at(1000), { maxAttempts: 2 });
    expect(await recordOutboxFailure(em(), claim!, { error: 'HTTP 503', retryAt: at(5000) }, at(1500))).toBe('retrying');
    expect(await em().findOneOrFail(OutboxCommand, command.id)).toMatchObject({ state: 'pending', lastError: 'HTTP 503', nextAttemptAt: at(5000), claimedBy: null });
    expect(await claimDueCommands(em(), 'worker-a', 10, 30_000, at(4999), { maxAttempts: 2 })).toEqual([]);
    const [again] = await claimDueCommands(em(), 'worker-a', 10, 30_000, at(5000), { maxAttempts: 2 });
    expect(again?.attempts).toBe(2);
    // The worker dies mid-attempt; once the lease is over, the command is out of attempts.
    expect(await claimDueCommands(em(), 'worker-b', 10, 30_000, at(36_000), { maxAttempts: 2 })).toEqual([]);
    expect(await em().findOneOrFail(OutboxCommand, command.id)).toMatchObject({ state: 'dead', lastError: 'lease of worker-a expired during the last attempt' });

    const { command: refused } = await removalWithCommand();
    const [claimRefused] = await claimDueCommands(em(), 'worker-a', 10, 30_000, at(40_000));
    expect(claimRefused?.id).toBe(refused.id);
    expect(await recordOutboxFailure(em(), claimRefused!, { error: 'HTTP 404 listing_not_found', retryAt: null }, at(40_500))).toBe('dead');
    expect(await outboxStateCounts(em())).toMatchObject({ pending: 0, in_flight: 0 });
  });

  it('points every marketplace at the simulator', async () => {
    expect(await pointMarketplacesAt(test.database.fork(), 'http://127.0.0.1:3101/')).toBe(1);
    expect((await test.database.fork().findOneOrFail(Marketplace, { code: 'tmall' })).baseUrl).toBe('http://127.0.0.1:3101/tmall');
    expect(await pointMarketplacesAt(test.database.fork(), 'http://127.0.0.1:3101')).toBe(0);
  });
});
