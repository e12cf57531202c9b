import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Appeal, Listing, Marketplace, Removal, Seller, Strike } from '@jf/db';
import { testDatabaseKinds } from '@jf/db/testing';
import { createApiTestBed, staffRoles, type ApiTestBed } from '../testing';
import { SELLER_PAGE_REMOVALS } from './sellers';

const DAY = 86_400_000;
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: TRPCError) => error,
  );

describe.each(testDatabaseKinds())('the seller page on %s', (kind) => {
  let bed: ApiTestBed;
  /** S-1 (the test world's seller) and the accounts around it, by external id. */
  const ids: Record<string, string> = {};
  let appealId: string;
  beforeAll(async () => {
    bed = await createApiTestBed(kind);
    const em = bed.database.fork();
    const tmall = em.create(Marketplace, {
      code: 'tmall',
      name: 'Tmall',
      baseUrl: 'http://127.0.0.1:9/tmall',
    });
    const lucky = await em.findOneOrFail(Seller, { externalId: 'S-1' });
    lucky.contactFingerprint = 'c'.repeat(64);
    lucky.paymentFingerprint = 'p'.repeat(64);
    const seller = (externalId: string, name: string, extra: Partial<Seller> = {}) =>
      em.create(Seller, {
        marketplace: 'taobao',
        externalId,
        name,
        registeredAt: new Date('2025-03-01'),
        ...extra,
      });
    const others = [
      seller('S-2', 'Lucky Store Two', {
        contactFingerprint: 'c'.repeat(64),
        paymentFingerprint: '9'.repeat(64),
      }),
      seller('TM-3', 'Other Shop', { marketplace: tmall, paymentFingerprint: 'p'.repeat(64) }),
      seller('TM-4', 'Both Shop', {
        marketplace: tmall,
        contactFingerprint: 'c'.repeat(64),
        paymentFingerprint: 'p'.repeat(64),
        status: 'restricted',
        strikeCount: 3,
      }),
      seller('S-5', 'Unrelated', { contactFingerprint: '5'.repeat(64) }),
      seller('S-6', 'No Details'),
    ];
    for (const row of [lucky, ...others]) ids[row.externalId] = row.id;

    // S-1: one active strike, one expired, and an appeal on the newest removal.
    const now = Date.now();
    const removal = (index: number, daysAgo: number) =>
      em.create(Removal, {
        brand: bed.world.brandA.id,
        marketplace: 'taobao',
        listing: bed.world.listings[index]!.id,
        source: 'notice_standard',
        requestedAt: new Date(now - daysAgo * DAY),
        removedAt: new Date(now - daysAgo * DAY + 60_000),
      });
    const old = removal(0, 400);
    const recent = removal(1, 30);
    const newest = removal(2, 1);
    em.create(Strike, {
      seller: lucky,
      marketplace: 'taobao',
      brand: bed.world.brandA.id,
      removal: old,
      createdAt: new Date(now - 390 * DAY),
      expiresAt: new Date(now - 210 * DAY),
    });
    em.create(Strike, {
      seller: lucky,
      marketplace: 'taobao',
      brand: bed.world.brandA.id,
      removal: recent,
      createdAt: new Date(now - 20 * DAY),
      expiresAt: new Date(now + 160 * DAY),
    });
    const appeal = em.create(Appeal, {
      removal: newest,
      brand: bed.world.brandA.id,
      marketplace: 'taobao',
      seller: lucky,
      statement: 'Bought from the distributor.',
      evidence: [],
      state: 'contested',
      brandAnswer: 'contest',
      brandAnsweredBy: bed.world.brandUsers.A.brand_admin.id,
    });
    await em.flush();
    appealId = appeal.id;
  });
  afterAll(() => bed.destroy());

  const reviewer = () => bed.callerFor(bed.world.staff.reviewer);
  const list = (
    filter: Record<string, unknown>,
    sort: { field: 'strikeCount' | 'name'; order: 'ASC' | 'DESC' } = { field: 'name', order: 'ASC' },
  ) => reviewer().admin.sellers.list({ page: 1, perPage: 50, sort, filter });
  const names = async (filter: Record<string, unknown>, sort?: Parameters<typeof list>[1]) =>
    (await list(filter, sort)).data.map((row) => row.externalId);

  it('finds sellers by a piece of the name or marketplace id, by marketplace and by status', async () => {
    expect(await names({ q: 'LUCKY' })).toEqual(['S-1', 'S-2']);
    expect(await names({ q: 'tm-4' })).toEqual(['TM-4']);
    expect(await names({ marketplace: 'tmall' })).toEqual(['TM-4', 'TM-3']);
    expect(await names({ status: 'restricted' })).toEqual(['TM-4']);
    expect(await names({ ids: [ids['S-5'], ids['S-6']] })).toEqual(['S-6', 'S-5']);
    expect((await names({}, { field: 'strikeCount', order: 'DESC' }))[0]).toBe('TM-4');
    const page = await list({ marketplace: 'tmall' });
    expect(page.total).toBe(2);
    expect(page.data[0]).toEqual({
      id: ids['TM-4'],
      marketplaceCode: 'tmall',
      externalId: 'TM-4',
      name: 'Both Shop',
      status: 'restricted',
      strikeCount: 3,
      registeredAt: '2025-03-01T00:00:00.000Z',
    });
  });

  it('refuses a filter outside the domain’s sets, naming it', async () => {
    const error = await refusal(list({ status: 'suspended' }));
    expect(error?.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(error?.cause ?? error?.message)).toMatch(/status/);
  });

  it('shows the seller’s strikes, removals, appeals and the accounts sharing its contact or payment details', async () => {
    const page = await reviewer().admin.sellers.byId({ id: ids['S-1']! });
    expect(page).toMatchObject({
      externalId: 'S-1',
      name: 'Lucky Store',
      marketplaceCode: 'taobao',
      activeStrikes: 1,
      removalsTotal: 3,
    });
    expect(
      page.strikes.map((strike) => [strike.listing.externalId, strike.active, strike.brand?.name]),
    ).toEqual([
      ['TB-2', true, 'Brand A'],
      ['TB-1', false, 'Brand A'],
    ]);
    expect(page.removals.map((removal) => removal.listing.externalId)).toEqual(['TB-3', 'TB-2', 'TB-1']);
    expect(page.appeals).toEqual([
      expect.objectContaining({
        id: appealId,
        state: 'contested',
        brandAnswer: 'contest',
        brandAnsweredBy: { id: bed.world.brandUsers.A.brand_admin.id, name: 'admin' },
        listing: expect.objectContaining({ externalId: 'TB-3' }),
      }),
    ]);
    const related = Object.fromEntries(page.relatedAccounts.map((row) => [row.externalId, row.shared]));
    expect(related).toEqual({ 'S-2': ['contact'], 'TM-3': ['payment'], 'TM-4': ['contact', 'payment'] });
    expect(page.relatedAccounts[0]).toMatchObject({
      externalId: 'TM-4',
      marketplaceCode: 'tmall',
      status: 'restricted',
    });
    expect(JSON.stringify(page)).not.toMatch(/c{64}|p{64}/);
  });

  it('relates no one to a seller without fingerprints, and keeps one with only a contact to that', async () => {
    expect((await reviewer().admin.sellers.byId({ id: ids['S-6']! })).relatedAccounts).toEqual([]);
    expect((await reviewer().admin.sellers.byId({ id: ids['S-5']! })).relatedAccounts).toEqual([]);
    const two = await reviewer().admin.sellers.byId({ id: ids['S-2']! });
    expect(Object.fromEntries(two.relatedAccounts.map((row) => [row.externalId, row.shared]))).toEqual({
      'S-1': ['contact'],
      'TM-4': ['contact'],
    });
  });

  it('lists the latest removals only, and counts them all', async () => {
    const em = bed.database.fork();
    const shop = await em.findOneOrFail(Seller, ids['S-6']!);
    const listing = em.create(Listing, {
      marketplace: 'taobao',
      seller: shop,
      externalId: 'TB-BULK',
      title: 'Bulk',
      priceCents: 1,
      currency: 'CNY',
      category: 'bags',
      images: [],
      listedAt: new Date('2026-01-01'),
    });
    const start = Date.now() - 100 * DAY;
    for (let i = 0; i <= SELLER_PAGE_REMOVALS; i++) {
      em.create(Removal, {
        brand: null,
        marketplace: 'taobao',
        listing,
        source: 'proactive',
        requestedAt: new Date(start + i * DAY),
      });
    }
    await em.flush();
    const page = await reviewer().admin.sellers.byId({ id: shop.id });
    expect(page.removalsTotal).toBe(SELLER_PAGE_REMOVALS + 1);
    expect(page.removals).toHaveLength(SELLER_PAGE_REMOVALS);
    expect(page.removals[0]!.requestedAt).toBe(new Date(start + SELLER_PAGE_REMOVALS * DAY).toISOString());
    expect(page.removals[0]!.brand).toBeNull();
  });

  it('is open to every staff role, not to brands, and answers NOT_FOUND for an unknown seller', async () => {
    for (const role of staffRoles)
      expect((await bed.callerFor(bed.world.staff[role]).admin.sellers.byId({ id: ids['S-1']! })).id).toBe(
        ids['S-1'],
      );
    expect(
      (await refusal(bed.callerFor(bed.world.brandUsers.A.brand_admin).admin.sellers.list({})))?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await refusal(reviewer().admin.sellers.byId({ id: '00000000-0000-4000-8000-000000000000' })))?.code,
    ).toBe('NOT_FOUND');
  });
});
