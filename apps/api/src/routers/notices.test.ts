import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditEvent, Brand, Document, IpRight, NoticeItem, Notification, OutboxCommand, ProtectedProduct, Removal } from '@jf/db';
import { testDatabaseKinds } from '@jf/db/testing';
import { REVIEW_CLAIM_TIMEOUT_MS } from '@jf/domain';
import { createApiTestBed, type ApiTestBed } from '../testing';

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: TRPCError) => error);
let keyCounter = 0;
const key = () => `test-key-${++keyCounter}-${Date.now()}`;

describe.each(testDatabaseKinds())('notices on %s', (kind) => {
  let bed: ApiTestBed;
  beforeAll(async () => {
    bed = await createApiTestBed(kind);
  });
  afterAll(() => bed.destroy());

  const asAdminOf = (brand: 'A' | 'B') => bed.callerFor(bed.world.brandUsers[brand].brand_admin);
  const notice = (brand: 'A' | 'B', listingIndexes: number[], extra: Record<string, unknown> = {}) => ({
    ipRightId: bed.world.rights[brand].id,
    reason: 'counterfeit' as const,
    evidence: 'Seller uses our logo on replica bags',
    listingIds: listingIndexes.map((i) => bed.world.listings[i]!.id),
    idempotencyKey: key(),
    ...extra,
  });

  it('looks listings up by marketplace:id and by URL, explaining each miss', async () => {
    const result = await asAdminOf('A').notices.lookupListings({ references: ['taobao:TB-1', 'http://sim/taobao/listings/TB-2', 'taobao:NOPE', 'hello'] });
    expect(result.map((row) => row.listing?.externalId ?? null)).toEqual(['TB-1', 'TB-2', null, null]);
    expect(result[0]!.listing).toMatchObject({ title: 'Listing 1', sellerName: 'Lucky Store', priceCents: 1000 });
    expect(result[2]!.problem).toMatch(/not a listing we know/);
    expect(result[3]!.problem).toMatch(/not a listing URL/);
  });

  it('files a standard notice for a brand outside GFT: items wait for a reviewer, nothing is sent yet', async () => {
    const { notice: filed } = await asAdminOf('A').notices.submit(notice('A', [0, 1]));
    expect(filed.path).toBe('standard');
    const items = await bed.database.fork().find(NoticeItem, { notice: filed.id });
    expect(items.map((item) => item.state)).toEqual(['pending', 'pending']);
    expect(await bed.database.fork().count(OutboxCommand, {})).toBe(0);
    expect(await bed.database.fork().count(AuditEvent, { action: 'notice_submitted', entityId: filed.id })).toBe(1);
  });

  it('removes a GFT brand’s listings at once: removal and marketplace command in the same transaction', async () => {
    expect((await bed.database.fork().findOneOrFail(Brand, bed.world.brandB.id)).gftStatus).toBe('enrolled');
    const { notice: filed } = await asAdminOf('B').notices.submit(notice('B', [2, 3]));
    expect(filed.path).toBe('good_faith');
    const em = bed.database.fork();
    const removals = await em.find(Removal, { noticeItem: { notice: filed.id } });
    expect(removals).toHaveLength(2);
    expect(removals.every((removal) => removal.source === 'notice_gft' && removal.removedAt === null)).toBe(true);
    const commands = await em.find(OutboxCommand, { kind: 'remove_listing' });
    expect(commands.map((command) => command.idempotencyKey).sort()).toEqual(removals.map((removal) => `remove:${removal.id}`).sort());
  });

  it('returns the same notice for a repeated idempotency key and creates nothing twice', async () => {
    const input = notice('A', [4]);
    const first = await asAdminOf('A').notices.submit(input);
    const second = await asAdminOf('A').notices.submit(input);
    expect(second).toEqual({ notice: first.notice, replayed: true });
    expect(await bed.database.fork().count(NoticeItem, { listing: bed.world.listings[4]!.id })).toBe(1);
  });

  it('refuses a listing already in an open notice, naming the listing field', async () => {
    const error = await refusal(asAdminOf('B').notices.submit(notice('B', [5, 0])));
    expect(error?.code).toBe('BAD_REQUEST');
    expect(error?.message).toMatch(/listingIds\.1: is already in an open notice/);
    expect(await bed.database.fork().count(NoticeItem, { listing: bed.world.listings[5]!.id })).toBe(0);
  });

  it('refuses another brand’s right, an expired right and a test buy without an order', async () => {
    const foreign = await refusal(asAdminOf('A').notices.submit({ ...notice('A', [5]), ipRightId: bed.world.rights.B.id }));
    expect(foreign?.message).toMatch(/ipRightId: is not one of your registered IP rights/);
    const em = bed.database.fork();
    const expired = em.create(IpRight, { brand: bed.world.brandA.id, kind: 'trademark', registrationNumber: 'OLD-1', jurisdiction: 'CN', classes: [], validFrom: new Date('2000-01-01'), validUntil: new Date('2010-01-01'), status: 'verified' });
    await em.flush();
    const old = await refusal(asAdminOf('A').notices.submit({ ...notice('A', [5]), ipRightId: expired.id }));
    expect(old?.message).toMatch(/expired/);
    const testBuy = await refusal(asAdminOf('A').notices.submit({ ...notice('A', [5]), reason: 'test_buy' }));
    expect(testBuy?.message).toMatch(/testBuyOrderRef: is required/);
  });

  it('lists the brand’s notices with item states, and shows one with its items', async () => {
    const list = await asAdminOf('A').notices.list({ page: 1, perPage: 10, sort: { field: 'submittedAt', order: 'DESC' }, filter: {} });
    expect(list.total).toBe(2);
    expect(list.data.every((row) => row.brandId === bed.world.brandA.id)).toBe(true);
    const detail = await asAdminOf('A').notices.byId({ id: list.data[1]!.id });
    expect(detail.items.map((item) => item.listing.externalId).sort()).toEqual(['TB-1', 'TB-2']);
  });

  describe('reviewer decisions', () => {
    const reviewer = () => bed.callerFor(bed.world.staff.reviewer);
    const queueInput = { page: 1, perPage: 50, sort: { field: 'createdAt', order: 'ASC' }, filter: {} } as const;

    it('shows pending standard items with their age, and hides GFT items', async () => {
      const queue = await reviewer().admin.queue.list(queueInput);
      expect(queue.data.map((item) => item.listing.externalId).sort()).toEqual(['TB-1', 'TB-2', 'TB-5']);
      expect(queue.data.every((item) => item.path === 'standard' && item.ageHours >= 0)).toBe(true);
      const filtered = await reviewer().admin.queue.list({ ...queueInput, filter: { brandId: bed.world.brandB.id } });
      expect(filtered.total).toBe(0);
    });

    it('lets only one reviewer hold an item', async () => {
      const item = (await reviewer().admin.queue.list(queueInput)).data[0]!;
      await reviewer().admin.queue.claim({ itemIds: [item.id] });
      const other = bed.callerFor(bed.world.staff.platform_admin);
      const refused = await refusal(other.admin.queue.decide({ decision: 'remove', itemIds: [item.id] }));
      expect(refused?.code).toBe('CONFLICT');
      expect(refused?.message).toMatch(/being reviewed by reviewer/);
      await reviewer().admin.queue.release({ itemIds: [item.id] });
    });

    it('lists under "mine" only the items whose claim still holds', async () => {
      const [held, lapsed] = (await reviewer().admin.queue.list(queueInput)).data;
      await reviewer().admin.queue.claim({ itemIds: [held!.id, lapsed!.id] });
      const em = bed.database.fork();
      const stale = await em.findOneOrFail(NoticeItem, lapsed!.id);
      stale.claimedAt = new Date(Date.now() - REVIEW_CLAIM_TIMEOUT_MS - 1000);
      await em.flush();
      const mine = await reviewer().admin.queue.list({ ...queueInput, filter: { mine: true } });
      expect(mine.data.map((item) => item.id)).toEqual([held!.id]);
      const everyone = await reviewer().admin.queue.list(queueInput);
      expect(everyone.data.find((item) => item.id === lapsed!.id)?.claimedBy).toBeNull();
      await reviewer().admin.queue.release({ itemIds: [held!.id, lapsed!.id] });
    });

    it('removes one item and rejects another with a reason the brand can read', async () => {
      const queue = (await reviewer().admin.queue.list(queueInput)).data;
      const [toRemove, toReject] = [queue.find((item) => item.listing.externalId === 'TB-1')!, queue.find((item) => item.listing.externalId === 'TB-2')!];
      await reviewer().admin.queue.decide({ decision: 'remove', itemIds: [toRemove.id] });
      await reviewer().admin.queue.decide({ decision: 'reject', itemIds: [toReject.id], rejectionCode: 'insufficient_evidence', message: 'The photos do not show the logo.' });
      const em = bed.database.fork();
      const removal = await em.findOneOrFail(Removal, { noticeItem: toRemove.id }, { populate: ['noticeItem.notice'] });
      expect(removal.source).toBe('notice_standard');
      expect(removal.requestedAt.getTime()).toBe(removal.noticeItem!.notice.submittedAt.getTime());
      expect(await em.count(OutboxCommand, { idempotencyKey: `remove:${removal.id}` })).toBe(1);
      const detail = await asAdminOf('A').notices.byId({ id: toReject.noticeId });
      expect(detail.items.find((item) => item.id === toReject.id)).toMatchObject({ state: 'rejected', rejectionCode: 'insufficient_evidence', rejectionMessage: 'The photos do not show the logo.' });
      const notes = await asAdminOf('A').notifications.list();
      expect(notes.some((note) => note.body === 'The photos do not show the logo.')).toBe(true);
      expect((await reviewer().admin.queue.list(queueInput)).data.map((item) => item.listing.externalId)).toEqual(['TB-5']);
    });

    it('refuses to decide an item twice', async () => {
      const em = bed.database.fork();
      const rejected = await em.findOneOrFail(NoticeItem, { state: 'rejected' });
      const error = await refusal(reviewer().admin.queue.decide({ decision: 'remove', itemIds: [rejected.id] }));
      expect(error?.code).toBe('CONFLICT');
    });

    it('asks for information; the brand answers and the item is back in the queue', async () => {
      const [item] = (await reviewer().admin.queue.list(queueInput)).data;
      await reviewer().admin.queue.decide({ decision: 'request_info', itemIds: [item!.id], message: 'Which product does this copy?' });
      expect((await reviewer().admin.queue.list(queueInput)).total).toBe(0);
      const agent = bed.callerFor(bed.world.brandUsers.A.brand_agent);
      await agent.notices.answerInfo({ itemId: item!.id, response: 'Our Classic Tote, model CT-1.' });
      const queue = await reviewer().admin.queue.list(queueInput);
      expect(queue.data.map((row) => [row.id, row.infoResponse])).toEqual([[item!.id, 'Our Classic Tote, model CT-1.']]);
      const again = await refusal(agent.notices.answerInfo({ itemId: item!.id, response: 'twice' }));
      expect(again?.code).toBe('CONFLICT');
    });

    it('keeps brand users out of the queue', async () => {
      expect((await refusal(asAdminOf('A').admin.queue.list(queueInput)))?.code).toBe('FORBIDDEN');
      expect((await refusal(bed.callerFor(bed.world.staff.leadership).admin.queue.list(queueInput)))?.code).toBe('FORBIDDEN');
    });
  });

  it('overturning a sampled GFT removal reinstates it through the outbox and tells the brand', async () => {
    const em = bed.database.fork();
    const item = await em.findOneOrFail(NoticeItem, { brand: bed.world.brandB.id }, { orderBy: { createdAt: 'ASC' } });
    item.auditSampled = true;
    item.state = 'removed';
    await em.flush();
    const reviewer = bed.callerFor(bed.world.staff.reviewer);
    const sample = await reviewer.admin.gftAudit.list({ page: 1, perPage: 10 });
    expect(sample.data.map((row) => row.id)).toContain(item.id);
    await reviewer.admin.gftAudit.decide({ itemId: item.id, upheld: false, note: 'The seller is an authorised reseller.' });
    const removal = await bed.database.fork().findOneOrFail(Removal, { noticeItem: item.id });
    expect(await bed.database.fork().count(OutboxCommand, { idempotencyKey: `reinstate:${removal.id}` })).toBe(1);
    expect(await bed.database.fork().count(Notification, { brand: bed.world.brandB.id, entityId: item.id })).toBe(1);
    const twice = await (reviewer.admin.gftAudit.decide({ itemId: item.id, upheld: true, note: 'again' }).then(() => null, (error: TRPCError) => error));
    expect(twice?.code).toBe('CONFLICT');
  });

  it('keeps a product’s reference images, refusing foreign documents and files that are not images', async () => {
    const em = bed.database.fork();
    const document = (brand: 'A' | 'B', contentType: string) =>
      em.create(Document, { brand: bed.world[brand === 'A' ? 'brandA' : 'brandB'].id, fileName: 'photo', contentType, sizeBytes: 10, sha256: `${brand}-${contentType}`, storagePath: '/dev/null', uploadedBy: bed.world.brandUsers[brand].brand_admin.id });
    const [photo, foreign, pdf] = [document('A', 'image/jpeg'), document('B', 'image/png'), document('A', 'application/pdf')];
    await em.flush();
    const product = { name: 'Runner', keywords: ['runner'], msrpCents: 12_900, currency: 'usd', category: 'Sneakers' };
    const refused = await refusal(asAdminOf('A').products.create({ ...product, referenceImageIds: [photo.id, foreign.id, pdf.id] }));
    expect(refused?.code).toBe('BAD_REQUEST');
    expect(refused?.message).toMatch(/referenceImageIds\.1: is not a document you uploaded/);
    expect(refused?.message).toMatch(/referenceImageIds\.2: is a application\/pdf file/);
    expect((await asAdminOf('A').products.list()).some((listed) => listed.name === 'Runner')).toBe(false);
    await asAdminOf('A').products.create({ ...product, referenceImageIds: [photo.id] });
    const listed = (await asAdminOf('A').products.list()).find((row) => row.name === 'Runner');
    // The JPEG is an empty file: kept as a reference image, but detection has nothing to compare.
    expect(listed).toMatchObject({ currency: 'USD', referenceImages: [`/api/documents/${photo.id}`], hashedImages: 0 });

    const pngPath = join(mkdtempSync(join(tmpdir(), 'jf-png-')), 'photo.png');
    writeFileSync(pngPath, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
    const png = bed.database.fork().create(Document, { brand: bed.world.brandA.id, fileName: 'photo.png', contentType: 'image/png', sizeBytes: 70, sha256: 'png', storagePath: pngPath, uploadedBy: bed.world.brandUsers.A.brand_admin.id });
    await bed.database.fork().persistAndFlush(png);
    await asAdminOf('A').products.create({ ...product, name: 'Runner photographed', referenceImageIds: [png.id] });
    const hashed = await bed.database.fork().findOneOrFail(ProtectedProduct, { name: 'Runner photographed' });
    expect(hashed.referenceImageHashes).toEqual([expect.stringMatching(/^[0-9a-f]{16}$/)]);
  });

  it('lets only the brand’s own account manager (or a platform admin) verify its IP rights', async () => {
    const { id } = await asAdminOf('A').ipRights.register({ kind: 'trademark', registrationNumber: 'TM-AM-1', jurisdiction: 'CN', classes: ['18'], validFrom: new Date('2024-01-01'), validUntil: new Date('2034-01-01') });
    const otherManager = bed.callerFor(bed.world.otherManager);
    expect((await otherManager.admin.ipRights.pending()).map((right) => right.id)).not.toContain(id);
    const refused = await refusal(otherManager.admin.ipRights.decide({ id, decision: 'verify' }));
    expect(refused?.code).toBe('FORBIDDEN');
    const ownManager = bed.callerFor(bed.world.staff.account_manager);
    expect((await ownManager.admin.ipRights.pending()).map((right) => right.id)).toContain(id);
    expect((await bed.callerFor(bed.world.staff.leadership).admin.ipRights.pending()).map((right) => right.id)).toContain(id);
    expect(await ownManager.admin.ipRights.decide({ id, decision: 'verify' })).toMatchObject({ status: 'verified' });
  });

  it('registers IP rights for verification and shows the rejection reason', async () => {
    const admin = asAdminOf('A');
    const { id } = await admin.ipRights.register({ kind: 'design', registrationNumber: 'D-77', jurisdiction: 'eu', classes: [], validFrom: new Date('2024-01-01'), validUntil: new Date('2034-01-01') });
    const bad = await refusal(admin.ipRights.register({ kind: 'design', registrationNumber: 'D-78', jurisdiction: 'Europe', classes: [], validFrom: new Date('2024-01-01'), validUntil: new Date('2023-01-01') }));
    expect(bad?.code).toBe('BAD_REQUEST');
    expect(bad?.message).toMatch(/jurisdiction/);
    expect(bad?.message).toMatch(/validUntil/);
    await bed.callerFor(bed.world.staff.account_manager).admin.ipRights.decide({ id, decision: 'reject', reason: 'The certificate is for another owner.' });
    const rights = await admin.ipRights.list();
    expect(rights.find((right) => right.id === id)).toMatchObject({ status: 'rejected', rejectionReason: 'The certificate is for another owner.' });
  });
});
