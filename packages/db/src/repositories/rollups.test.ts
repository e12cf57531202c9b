import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { durationBucket, NOTICE_REASONS, REMOVAL_SOURCES, type RemovalSource } from '@jf/domain';
import { Appeal, AuthRequest, Brand, IpRight, Listing, Marketplace, Notice, NoticeItem, Removal, Seller } from '../entities';
import type { Database } from '../database';
import { Rng } from '../seed/random';
import { createTestDatabase, testDatabaseKinds } from '../testing';
import { rebuildRollups } from './rollups';

const DAY = 86_400_000;
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** Every rollup table as sorted "key=value" lines, so two states compare as plain arrays. */
async function snapshot(database: Database): Promise<Record<string, string[]>> {
  const tables = ['rollup_removals', 'rollup_brand_removals', 'rollup_turnaround', 'rollup_platform_turnaround', 'rollup_brand_turnaround', 'rollup_brand_day_turnaround', 'rollup_auth_requests', 'rollup_auth_response', 'rollup_appeals'];
  const result: Record<string, string[]> = {};
  for (const table of tables) {
    const rows: Record<string, unknown>[] = await database.fork().getConnection().execute(`select * from ${table}`);
    result[table] = rows
      .map((row) => {
        const entries = Object.entries(row).map(([key, value]) => [key, typeof value === 'string' ? value : Number(value)] as const);
        // A key whose counters all came back to zero is the same as no row.
        const counters = entries.filter(([key]) => !['day', 'source', 'marketplace_code', 'reason', 'brand_id', 'bucket'].includes(key));
        return counters.every(([, value]) => value === 0) ? null : entries.map(([key, value]) => `${key}=${value}`).join(' ');
      })
      .filter((line): line is string => line !== null)
      .sort();
  }
  return result;
}

describe.each(testDatabaseKinds())('dashboard rollups on %s', (kind) => {
  let database: Database;
  let destroy: () => Promise<void>;
  beforeAll(async () => {
    ({ database, destroy } = await createTestDatabase(kind));
  });
  afterAll(() => destroy());

  it('agree with the events after a random history of inserts, acknowledgements, reinstatements, answers, appeals and deletes', async () => {
    const rng = new Rng(kind === 'sqlite' ? 11 : 12);
    const em = database.fork();
    const marketplaces = ['taobao', 'tmall'].map((code) => em.create(Marketplace, { code: code as never, name: code, baseUrl: `http://127.0.0.1:9/${code}` }));
    const brands = [0, 1, 2].map((i) => em.create(Brand, { name: `Brand ${i}`, slug: `brand-${i}` }));
    const sellers = marketplaces.map((marketplace) => em.create(Seller, { marketplace, externalId: `S-${marketplace.code}`, name: 'Seller', registeredAt: new Date('2025-01-01') }));
    const rights = brands.map((brand) =>
      em.create(IpRight, { brand, kind: 'trademark', registrationNumber: `TM-${brand.slug}`, jurisdiction: 'CN', classes: ['25'], validFrom: new Date('2020-01-01'), validUntil: new Date('2035-01-01'), status: 'verified' }),
    );
    const now = Date.UTC(2026, 10, 1);
    const listings = Array.from({ length: 40 }, (_, i) => {
      const marketplace = marketplaces[i % 2]!;
      return em.create(Listing, { marketplace, seller: sellers[i % 2]!, externalId: `L-${i}`, title: `Listing ${i}`, priceCents: 100, currency: 'CNY', category: 'bags', images: [], listedAt: new Date(now - 60 * DAY) });
    });
    await em.flush();

    const removals: Removal[] = [];
    for (const [i, listing] of listings.entries()) {
      const source = rng.pick(REMOVAL_SOURCES) as RemovalSource;
      const brand = source === 'proactive' && rng.chance(0.3) ? null : rng.pick(brands);
      let noticeItem: NoticeItem | null = null;
      if (source === 'notice_gft' || source === 'notice_standard') {
        const notice = em.create(Notice, {
          brand: brand!,
          ipRight: rights[brands.indexOf(brand!)]!,
          reason: rng.pick(NOTICE_REASONS),
          evidence: 'evidence',
          path: source === 'notice_gft' ? 'good_faith' : 'standard',
          idempotencyKey: `notice-${i}`,
          itemCount: 1,
          submittedAt: new Date(now - 30 * DAY),
        });
        noticeItem = em.create(NoticeItem, { notice, brand: brand!, marketplace: listing.marketplace, listing, state: 'removed' });
      }
      // Requests near midnight land on both sides of a day boundary.
      const requestedAt = new Date(now - rng.int(0, 20) * DAY - rng.int(0, 3) * 60_000 + rng.int(0, 6) * 60_000);
      removals.push(
        em.create(Removal, {
          brand,
          marketplace: listing.marketplace,
          listing,
          source,
          noticeItem,
          requestedAt,
          removedAt: rng.chance(0.5) ? new Date(requestedAt.getTime() + rng.int(0, 40) * 3_600_000 + rng.int(0, 999)) : null,
        }),
      );
    }
    const requests = listings.slice(0, 20).map((listing, i) =>
      em.create(AuthRequest, { brand: brands[i % 3]!, marketplace: listing.marketplace, listing, signals: {}, score: 0.6, dueAt: new Date(now + DAY), createdAt: new Date(now - rng.int(0, 10) * DAY) }),
    );
    await em.flush();
    const appeals = removals.slice(0, 12).map((removal, i) =>
      em.create(Appeal, { removal, brand: removal.brand, marketplace: removal.marketplace, seller: sellers[i % 2]!, statement: 'Genuine goods', evidence: [], createdAt: new Date(now - rng.int(0, 5) * DAY) }),
    );
    await em.flush();

    // Later changes: acknowledgements, reinstatements, a corrected acknowledgement, answers, expiries, appeal outcomes, deletes.
    for (const removal of removals) {
      if (removal.removedAt === null && rng.chance(0.6)) removal.removedAt = new Date(removal.requestedAt.getTime() + rng.int(1, 100) * 60_000);
      else if (removal.removedAt !== null && rng.chance(0.3)) removal.reinstatedAt = new Date(removal.removedAt.getTime() + DAY);
      else if (removal.removedAt !== null && rng.chance(0.2)) removal.removedAt = new Date(removal.requestedAt.getTime() + 9 * 3_600_000);
    }
    for (const [i, request] of requests.entries()) {
      if (i % 3 === 0) {
        request.state = 'answered';
        request.answer = rng.pick(['counterfeit', 'genuine', 'unsure'] as const);
        request.answeredAt = new Date(request.createdAt.getTime() + rng.int(1, 80) * 3_600_000);
      } else if (i % 3 === 1) request.state = 'expired';
    }
    for (const [i, appeal] of appeals.entries()) appeal.state = i % 3 === 0 ? 'reinstated' : i % 3 === 1 ? 'upheld' : 'open';
    await em.flush();
    const gone = removals.slice(30, 34);
    await database.fork().nativeDelete(Removal, { id: { $in: gone.map((removal) => removal.id) } });
    await database.fork().nativeDelete(AuthRequest, { id: requests[19]!.id });

    // What the triggers kept, against the same figures computed from the events here.
    const kept = await snapshot(database);
    const events = await database.fork().find(Removal, {}, { populate: ['noticeItem.notice'] });
    const expected = new Map<string, number[]>();
    const add = (key: string, values: number[]) => expected.set(key, (expected.get(key) ?? values.map(() => 0)).map((sum, index) => sum + values[index]!));
    for (const removal of events) {
      const reason = removal.noticeItem?.notice.reason ?? '';
      const key = `day=${dayOf(removal.requestedAt)} source=${removal.source} marketplace_code=${removal.marketplace.code} reason=${reason}`;
      add(`rollup_removals ${key}`, [1, removal.removedAt ? 1 : 0, removal.reinstatedAt ? 1 : 0]);
      if (removal.removedAt) add(`rollup_turnaround ${key} bucket=${durationBucket(removal.removedAt.getTime() - removal.requestedAt.getTime())}`, [1]);
    }
    const platformRemovals = [...expected].filter(([key]) => key.startsWith('rollup_removals ')).map(([key, [requested, acknowledged, reinstated]]) => `${key.replace('rollup_removals ', '')} requested=${requested} acknowledged=${acknowledged} reinstated=${reinstated}`);
    const platformTurnaround = [...expected].filter(([key]) => key.startsWith('rollup_turnaround ')).map(([key, [n]]) => `${key.replace('rollup_turnaround ', '')} n=${n}`);
    const normalise = (lines: string[]) => lines.map((line) => line.split(' ').sort().join(' ')).sort();
    expect(normalise(kept.rollup_removals!)).toEqual(normalise(platformRemovals));
    expect(normalise(kept.rollup_turnaround!)).toEqual(normalise(platformTurnaround));
    expect(kept.rollup_brand_removals!.length).toBeGreaterThan(0);
    expect(kept.rollup_auth_requests!.length).toBeGreaterThan(0);
    expect(kept.rollup_appeals!.length).toBeGreaterThan(0);

    // And a rebuild from the events (a GROUP BY over everything) finds every table exactly as the triggers kept it.
    await rebuildRollups(database.fork(), database.kind);
    expect(await snapshot(database)).toEqual(kept);
    expect(await database.schemaDrift()).toEqual([]);
  });
});
