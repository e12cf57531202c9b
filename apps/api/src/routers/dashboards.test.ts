import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Appeal, AuthRequest, Removal, Seller } from '@jf/db';
import { testDatabaseKinds } from '@jf/db/testing';
import { createApiTestBed, type ApiTestBed } from '../testing';

const HOUR = 3_600_000;
const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: TRPCError) => error);
const range = { from: '2026-10-01', to: '2026-10-31', unit: 'month' as const };

describe.each(testDatabaseKinds())('dashboards on %s', (kind) => {
  let bed: ApiTestBed;
  beforeAll(async () => {
    bed = await createApiTestBed(kind);
    const em = bed.database.fork();
    const [a, b] = [bed.world.brandA.id, bed.world.brandB.id];
    const listing = (index: number) => bed.world.listings[index]!.id;
    const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 9, day, hour));
    const removal = (brand: string | null, source: Removal['source'], index: number, day: number, turnaroundHours: number | null) =>
      em.create(Removal, { brand, marketplace: 'taobao', listing: listing(index), source, requestedAt: at(day), removedAt: turnaroundHours === null ? null : new Date(at(day).getTime() + turnaroundHours * HOUR) });
    // Brand A: 8 proactive and 2 notice removals (one handled in 3 h, one in 30 h); brand B: one notice removal.
    for (let i = 0; i < 8; i++) removal(a, i < 6 ? 'proactive' : 'authentication', i % 8, 3 + i, 0.01);
    removal(a, 'notice_standard', 0, 5, 3);
    removal(a, 'notice_gft', 1, 6, 30);
    const bRemoval = removal(b, 'notice_standard', 2, 7, 1);
    removal(null, 'proactive', 3, 8, null);
    // Outside the range: never counted.
    removal(a, 'proactive', 4, 40, 1);
    await em.flush();
    const seller = await em.findOneOrFail(Seller, { externalId: 'S-1' });
    em.create(Appeal, { removal: bRemoval, brand: b, marketplace: 'taobao', seller, statement: 'Genuine goods', evidence: [], state: 'reinstated', createdAt: at(9) });
    em.create(AuthRequest, { brand: a, marketplace: 'taobao', listing: listing(5), signals: {}, score: 0.6, dueAt: at(20), createdAt: at(10), state: 'answered', answer: 'counterfeit', answeredAt: at(10, 15) });
    em.create(AuthRequest, { brand: a, marketplace: 'taobao', listing: listing(6), signals: {}, score: 0.6, dueAt: at(20), createdAt: at(11), state: 'expired' });
    await em.flush();
  });
  afterAll(() => bed.destroy());

  const leadership = () => bed.callerFor(bed.world.staff.leadership);
  const managerOfA = () => bed.callerFor(bed.world.staff.account_manager);

  it('shows leadership proactive against brand-requested removals, platform-wide and for one brand', async () => {
    const [october] = await leadership().admin.dashboards.removals(range);
    expect(october).toMatchObject({ period: '2026-10-01', proactive: 9, brandRequested: 3, ratio: 3 });
    expect(october!.bySource).toEqual({ proactive: 7, authentication: 2, notice_gft: 1, notice_standard: 2 });
    // Grouped by ISO week in SQL: the weeks start on Monday and add up to the month.
    const weeks = await leadership().admin.dashboards.removals({ ...range, unit: 'week' });
    expect(weeks.map((week) => week.period)).toEqual(['2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26']);
    expect(weeks.reduce((sum, week) => sum + week.proactive, 0)).toBe(9);
    expect(weeks[0]).toMatchObject({ proactive: 2, brandRequested: 0 });
    expect(weeks[1]).toMatchObject({ proactive: 7, brandRequested: 3 });
    const [onlyA] = await leadership().admin.dashboards.removals({ ...range, brandId: bed.world.brandA.id });
    expect(onlyA).toMatchObject({ proactive: 8, brandRequested: 2, ratio: 4 });
    // These notice removals carry no notice item, so no reason: 'none' finds them, 'counterfeit' nothing.
    const [counterfeit] = await leadership().admin.dashboards.removals({ ...range, reason: 'counterfeit' });
    expect(counterfeit).toMatchObject({ proactive: 0, brandRequested: 0 });
    const [none] = await leadership().admin.dashboards.removals({ ...range, reason: 'none' });
    expect(none).toMatchObject({ proactive: 9, brandRequested: 3 });
  });

  it('gives turnaround percentiles by source and the share of notices handled within 8 h and 24 h', async () => {
    const { overall } = await leadership().admin.dashboards.turnaround(range);
    expect(overall.bySource.notice_standard.count).toBe(2);
    expect(overall.noticesWithin8h).toBeCloseTo(2 / 3);
    expect(overall.noticesWithin24h).toBeCloseTo(2 / 3);
    // 36 s each: in the (30 s, 1 min] bucket.
    expect(overall.bySource.proactive).toMatchObject({ count: 6, p50: 60_000 });
  });

  it('counts authentication requests and appeals', async () => {
    const auth = await leadership().admin.dashboards.authRequests(range);
    expect(auth).toMatchObject({ created: 2, expiryRate: 0.5, responseP50: 8 * HOUR });
    const appeals = await leadership().admin.dashboards.appeals(range);
    expect(appeals.reinstatementRate).toBe(1);
    expect(appeals.appealRate).toBeCloseTo(1 / 11);
  });

  it('shows an account manager their own brands only, and refuses another brand', async () => {
    const [mine] = await managerOfA().admin.dashboards.removals(range);
    expect(mine).toMatchObject({ proactive: 8, brandRequested: 2 });
    expect((await refusal(managerOfA().admin.dashboards.removals({ ...range, brandId: bed.world.brandB.id })))?.code).toBe('FORBIDDEN');
    expect((await managerOfA().admin.dashboards.appeals(range)).appealRate).toBe(0);
    const drill = await managerOfA().admin.removals.list({ filter: { sources: ['notice_gft', 'notice_standard'], from: '2026-10-01', to: '2026-10-31' } });
    expect(drill.data.every((row) => row.brandId === bed.world.brandA.id)).toBe(true);
    expect(drill.total).toBe(2);
  });

  it('shows a brand its own figures and nothing of another brand', async () => {
    const [ownA] = await bed.callerFor(bed.world.brandUsers.A.brand_agent).dashboard.removals(range);
    expect(ownA).toMatchObject({ proactive: 8, brandRequested: 2 });
    const [ownB] = await bed.callerFor(bed.world.brandUsers.B.brand_admin).dashboard.removals(range);
    expect(ownB).toMatchObject({ proactive: 0, brandRequested: 1 });
    expect((await bed.callerFor(bed.world.brandUsers.A.brand_admin).dashboard.appeals(range)).reinstatementRate).toBeNull();
  });

  it('opens the removals behind a point, and refuses a backwards range naming the field', async () => {
    const drill = await leadership().admin.removals.list({ filter: { source: 'proactive', from: '2026-10-03', to: '2026-10-05' }, sort: { field: 'requestedAt', order: 'ASC' } });
    expect(drill.total).toBe(3);
    expect(drill.data[0]).toMatchObject({ source: 'proactive', turnaroundMs: 36_000 });
    // These removals have no notice behind them: the reason filter finds them under 'none' only.
    expect((await leadership().admin.removals.list({ filter: { source: 'proactive', from: '2026-10-03', to: '2026-10-05', reason: 'none' } })).total).toBe(3);
    expect((await leadership().admin.removals.list({ filter: { from: '2026-10-01', to: '2026-10-31', reason: 'counterfeit' } })).total).toBe(0);
    const error = await refusal(leadership().admin.dashboards.removals({ from: '2026-10-31', to: '2026-10-01' }));
    expect(error?.code).toBe('BAD_REQUEST');
    expect(error?.message).toMatch(/from/);
  });
});
