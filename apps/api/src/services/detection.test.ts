import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AllowlistEntry,
  AuthRequest,
  Brand,
  DetectionDecision,
  DetectionLabel,
  DetectionScan,
  Listing,
  ModelVersion,
  Notification,
  OutboxCommand,
  ProtectedProduct,
  Removal,
  Seller,
  Setting,
  expireDueAuthRequests,
  insertLabels,
  type Database,
} from '@jf/db';
import { testDatabaseKinds } from '@jf/db/testing';
import { FEATURE_NAMES } from '@jf/detection';
import { createApiTestBed, type ApiTestBed } from '../testing';
import { continueFullScan, scanChangedListings } from '../workers/detection-scanner';

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: TRPCError) => error);
const HOUR = 3_600_000;

/** bias −3, one counterfeit term +3, a full keyword match +3: terms and keywords remove, keywords alone ask. */
const HAND_MODEL = { bias: -3, suspiciousTerms: 9, keywordMatch: 3 };

describe.each(testDatabaseKinds())('proactive detection on %s', (kind) => {
  let bed: ApiTestBed;
  let db: Database;
  let seller: Seller;
  let counter = 0;
  beforeAll(async () => {
    bed = await createApiTestBed(kind);
    db = bed.database;
    const em = db.fork();
    const brandA = await em.findOneOrFail(Brand, bed.world.brandA.id);
    brandA.jointForcePhase = 'authentication';
    brandA.status = 'active';
    em.create(ProtectedProduct, { brand: brandA, name: 'Aurora handbag', keywords: ['aurora', 'handbag'], msrpCents: 200_000, currency: 'CNY', category: 'bags', referenceImages: [] });
    seller = em.create(Seller, { marketplace: 'taobao', externalId: 'S-DETECT', name: 'Night Market', registeredAt: new Date(Date.now() - 30 * 86_400_000) });
    em.create(ModelVersion, { version: 1, status: 'active', weights: HAND_MODEL, removeThreshold: 0.9, askThreshold: 0.4, metrics: {}, labelCounts: {}, trainedAt: new Date(), promotedAt: new Date() });
    await em.flush();
    // The shared world's listings resemble no product: scored, and nothing else.
    expect(await scanChangedListings(db)).toMatchObject({ scanned: 8, removed: 0, asked: 0 });
  });
  afterAll(() => bed.destroy());
  beforeEach(async () => {
    await db.fork().nativeDelete(Setting, { key: 'detection' });
  });

  async function listing(title: string, options: { priceCents?: number; seller?: Seller } = {}): Promise<Listing> {
    const em = db.fork();
    const created = em.create(Listing, {
      marketplace: 'taobao',
      seller: options.seller ?? seller.id,
      externalId: `DT-${kind}-${++counter}`,
      title,
      priceCents: options.priceCents ?? 9_900,
      currency: 'CNY',
      category: 'bags',
      images: [],
      listedAt: new Date(),
    });
    await em.flush();
    return created;
  }
  const asBrand = (brand: 'A' | 'B', role: 'brand_admin' | 'brand_agent' = 'brand_admin') => bed.callerFor(bed.world.brandUsers[brand][role]);
  const admin = () => bed.callerFor(bed.world.staff.platform_admin);
  const requestFor = (listingId: string) => db.fork().findOne(AuthRequest, { listing: listingId });

  it('removes what scores above the removal threshold, asks the brand about the uncertain band, leaves the rest', async () => {
    const fake = await listing('Aurora handbag replica 1:1 AAA');
    const unsure = await listing('Aurora handbag clearance');
    const unrelated = await listing('Garden hose 20 m');
    const counts = await scanChangedListings(db);
    expect(counts).toMatchObject({ scanned: 3, removed: 1, asked: 1 });

    const em = db.fork();
    const removal = await em.findOneOrFail(Removal, { listing: fake.id });
    expect(removal).toMatchObject({ source: 'proactive', brand: { id: bed.world.brandA.id } });
    expect(await em.count(OutboxCommand, { idempotencyKey: `remove:${removal.id}` })).toBe(1);

    const request = await em.findOneOrFail(AuthRequest, { listing: unsure.id }, { populate: ['product'] });
    expect(request).toMatchObject({ state: 'open', brand: { id: bed.world.brandA.id } });
    expect(request.product?.name).toBe('Aurora handbag');
    expect(request.signals).toMatchObject({ matchedProduct: 'Aurora handbag', keywordMatch: 1 });
    expect(request.dueAt.getTime() - Date.now()).toBeGreaterThan(71 * HOUR);
    expect(await em.count(Notification, { brand: bed.world.brandA.id, entityType: 'auth_request', entityId: request.id })).toBe(1);

    expect(await em.count(Removal, { listing: unrelated.id })).toBe(0);
    expect(await em.count(AuthRequest, { listing: unrelated.id })).toBe(0);
    const scored = await em.findOneOrFail(Listing, unrelated.id);
    expect(scored.riskScore).toBeLessThan(0.4);
    expect(Object.keys(scored.riskFeatures ?? {}).sort()).toEqual([...FEATURE_NAMES].sort());
    expect(await em.count(DetectionDecision, { listingId: { $in: [fake.id, unsure.id] }, dryRun: false })).toBe(2);

    // Nothing changed since: a second pass does nothing twice.
    expect(await scanChangedListings(db)).toMatchObject({ scanned: 0 });
  });

  it('scores a listing again when its content changes, and not when nothing changed', async () => {
    const changing = await listing('Garden chair');
    await scanChangedListings(db);
    expect((await db.fork().findOneOrFail(Listing, changing.id)).scoredAt).not.toBeNull();
    // Ingestion clears the score of a listing whose title, price, images or seller changed.
    await db.fork().nativeUpdate(Listing, { id: changing.id }, { title: 'Aurora handbag replica AAA', scoredAt: null });
    expect(await scanChangedListings(db)).toMatchObject({ scanned: 1, removed: 1 });
    expect(await scanChangedListings(db)).toMatchObject({ scanned: 0 });
  });

  it('never removes or asks about a seller on the brand’s allowlist', async () => {
    const trusted = db.fork().create(Seller, { marketplace: 'taobao', externalId: `S-TRUSTED-${kind}`, name: 'Authorised Outlet', registeredAt: new Date('2020-01-01') });
    await db.fork().persistAndFlush(trusted);
    const em = db.fork();
    em.create(AllowlistEntry, { brand: bed.world.brandA.id, marketplace: 'taobao', sellerExternalId: trusted.externalId, note: 'licensee' });
    await em.flush();
    const fake = await listing('Aurora handbag replica AAA', { seller: trusted });
    const unsure = await listing('Aurora handbag outlet', { seller: trusted });
    expect(await scanChangedListings(db)).toMatchObject({ removed: 0, asked: 0, allowlisted: 2 });
    expect(await db.fork().count(Removal, { listing: { $in: [fake.id, unsure.id] } })).toBe(0);
    expect(await db.fork().count(AuthRequest, { listing: { $in: [fake.id, unsure.id] } })).toBe(0);
    expect(await db.fork().count(DetectionDecision, { listingId: fake.id, decision: 'allowlisted' })).toBe(1);
  });

  it('asks only brands in the authentication programme', async () => {
    const em = db.fork();
    const brandB = await em.findOneOrFail(Brand, bed.world.brandB.id);
    brandB.jointForcePhase = 'notice_and_takedown';
    em.create(ProtectedProduct, { brand: brandB, name: 'Borealis wallet', keywords: ['borealis', 'wallet'], msrpCents: 90_000, currency: 'CNY', category: 'bags', referenceImages: [] });
    await em.flush();
    const unsure = await listing('Borealis wallet sale');
    await scanChangedListings(db);
    expect(await requestFor(unsure.id)).toBeNull();
  });

  it('in a dry run keeps the scores and records what it would do, removing nothing and asking nobody', async () => {
    await admin().admin.detection.updateSettings({ dryRun: true, authDueHours: 72, retrainEveryHours: 0 });
    const fake = await listing('Aurora handbag 高仿 复刻');
    expect(await scanChangedListings(db)).toMatchObject({ scanned: 1, removed: 1 });
    const em = db.fork();
    expect(await em.count(Removal, { listing: fake.id })).toBe(0);
    expect((await em.findOneOrFail(Listing, fake.id)).riskScore).toBeGreaterThan(0.9);
    expect(await em.findOne(DetectionDecision, { listingId: fake.id })).toMatchObject({ decision: 'remove', dryRun: true });
  });

  it('answers: counterfeit removes at once, genuine clears and can allowlist, both become labels; brand B sees none of it', async () => {
    const first = await listing('Aurora handbag discount');
    const second = await listing('Aurora handbag new season');
    const third = await listing('Aurora handbag 特价');
    await scanChangedListings(db);
    const [a, b, c] = await Promise.all([first, second, third].map((l) => requestFor(l.id)));
    const inbox = await asBrand('A', 'brand_agent').authRequests.list({ state: 'open' });
    expect(inbox.data.map((r) => r.id)).toEqual(expect.arrayContaining([a!.id, b!.id, c!.id]));
    expect((await asBrand('B').authRequests.list({})).data.map((r) => r.id)).not.toContain(a!.id);
    expect((await refusal(asBrand('B').authRequests.byId({ id: a!.id })))?.code).toBe('NOT_FOUND');
    const foreign = await refusal(asBrand('B').authRequests.answer({ ids: [a!.id], answer: 'genuine', reason: 'Looks fine to us' }));
    expect(foreign?.code).toBe('BAD_REQUEST');
    expect(foreign?.message).toMatch(/ids\.0/);
    expect((await db.fork().findOneOrFail(AuthRequest, a!.id)).state).toBe('open');

    const answered = await asBrand('A', 'brand_agent').authRequests.answer({ ids: [a!.id, b!.id], answer: 'counterfeit', reason: 'Wrong logo font' });
    expect(answered.answered.every((r) => r.state === 'answered' && r.removal !== null)).toBe(true);
    const em = db.fork();
    expect(await em.count(Removal, { listing: { $in: [first.id, second.id] }, source: 'authentication' })).toBe(2);
    expect(await em.count(DetectionLabel, { listing: { $in: [first.id, second.id] }, source: 'authentication', counterfeit: true })).toBe(2);

    const again = await refusal(asBrand('A').authRequests.answer({ ids: [a!.id], answer: 'genuine', reason: 'changed my mind' }));
    expect(again?.message).toMatch(/already answered/);

    await asBrand('A').authRequests.answer({ ids: [c!.id], answer: 'genuine', reason: 'Our outlet partner', allowlistSeller: true });
    expect(await db.fork().count(AllowlistEntry, { brand: bed.world.brandA.id, sellerExternalId: seller.externalId })).toBe(1);
    expect(await db.fork().findOne(DetectionLabel, { listing: third.id })).toMatchObject({ counterfeit: false });
    await db.fork().nativeDelete(AllowlistEntry, { sellerExternalId: seller.externalId });
  });

  it('refuses allowlisting with anything but a genuine answer, naming the field', async () => {
    const error = await refusal(asBrand('A').authRequests.answer({ ids: [crypto.randomUUID()], answer: 'counterfeit', reason: 'fake', allowlistSeller: true }));
    expect(error?.code).toBe('BAD_REQUEST');
    expect(error?.message).toMatch(/allowlistSeller/);
  });

  it('expires unanswered requests, tells the account manager and refuses late answers', async () => {
    const late = await listing('Aurora handbag last pieces');
    await scanChangedListings(db);
    const request = (await requestFor(late.id))!;
    await db.fork().nativeUpdate(AuthRequest, { id: request.id }, { dueAt: new Date(Date.now() - 1000) });
    expect(await expireDueAuthRequests(db.fork(), new Date())).toBeGreaterThanOrEqual(1);
    expect((await db.fork().findOneOrFail(AuthRequest, request.id)).state).toBe('expired');
    expect(await db.fork().count(Notification, { user: bed.world.staff.account_manager.id, entityId: request.id })).toBe(1);
    const error = await refusal(asBrand('A').authRequests.answer({ ids: [request.id], answer: 'counterfeit', reason: 'Too late?' }));
    expect(error?.message).toMatch(/expired/);
    const stats = await admin().admin.authRequests.stats({});
    expect(stats.expiry.expired).toBeGreaterThanOrEqual(1);
    expect(stats.responseTime.count).toBeGreaterThanOrEqual(1);
  });

  it('runs a full scan to completion with progress, one at a time, and can cancel', async () => {
    const scan = await admin().admin.detection.startScan({ dryRun: true });
    expect(scan).toMatchObject({ state: 'running', processed: 0 });
    expect(scan.total).toBeGreaterThan(8);
    expect((await refusal(admin().admin.detection.startScan({ dryRun: true })))?.code).toBe('CONFLICT');
    let progress = await continueFullScan(db, new Date(), 1, 5);
    expect(progress?.processed).toBe(5);
    while (progress?.state === 'running') progress = await continueFullScan(db, new Date(), 1, 5);
    expect(progress).toMatchObject({ state: 'completed' });
    expect(progress!.processed).toBe(scan.total);
    expect((await admin().admin.detection.scan({ id: scan.id })).state).toBe('completed');
    const next = await admin().admin.detection.startScan({ dryRun: true });
    expect((await admin().admin.detection.cancelScan({ id: next.id })).state).toBe('cancelled');
    expect(await continueFullScan(db)).toBeNull();
    expect((await refusal(bed.callerFor(bed.world.staff.reviewer).admin.detection.startScan({ dryRun: false })))?.code).toBe('FORBIDDEN');
    expect(await db.fork().count(DetectionScan, {})).toBe(2);
  });

  it('retrains from labels, promotes a better model, keeps the current one when the new is no better, and rolls back', async () => {
    const em = db.fork();
    const zeros = Object.fromEntries(FEATURE_NAMES.map((name) => [name, 0]));
    const features = (counterfeit: boolean, jitter: number) => ({
      ...zeros,
      // The price tells them apart, which the hand-set model ignores: a trained one must do better.
      priceRatio: counterfeit ? 0.1 + jitter : 0.9 + jitter,
      keywordMatch: 1,
    });
    // One example per listing: each label gets a listing of its own.
    const own = await Promise.all(Array.from({ length: 400 }, (_, i) => listing(`Synthetic ${i}`)));
    const labels = Array.from({ length: 400 }, (_, i) => ({
      listingId: own[i]!.id,
      brandId: bed.world.brandA.id,
      counterfeit: i % 2 === 0,
      source: 'review' as const,
      sourceId: `synthetic-${kind}-${i}`,
      features: features(i % 2 === 0, (i % 10) / 100),
    }));
    await insertLabels(em, labels);
    const first = await admin().admin.detection.retrain();
    expect(first, first.reason).toMatchObject({ promoted: true });
    expect(first.metrics.precision).toBeGreaterThan(0.95);
    expect(first.metrics.recall).toBeGreaterThan(0.95);
    const models = await admin().admin.detection.models();
    expect(models[0]).toMatchObject({ version: first.version, status: 'active' });
    expect(models.find((m) => m.version === 1)?.status).toBe('retired');

    const second = await admin().admin.detection.retrain();
    expect(second.promoted).toBe(false);
    expect(second.reason).toMatch(/\w/);
    expect((await db.fork().findOneOrFail(ModelVersion, { version: second.version })).status).toBe('rejected');

    const rolledBack = await admin().admin.detection.promote({ version: 1 });
    expect(rolledBack).toEqual({ active: 1, previous: first.version });
    expect((await refusal(admin().admin.detection.promote({ version: 1 })))?.code).toBe('CONFLICT');
    expect((await refusal(bed.callerFor(bed.world.staff.leadership).admin.detection.retrain()))?.code).toBe('FORBIDDEN');
    await admin().admin.detection.promote({ version: first.version });
  });
});
