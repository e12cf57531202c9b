import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Brand, Listing, ListingTruth, ProtectedProduct, Removal, User } from '../entities';
import { verifyPassword } from '../passwords';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing';
import { DEMO_ACCOUNTS, DEMO_GFT_BRAND, DEMO_PASSWORD, DEMO_STANDARD_BRAND } from './accounts';
import { seedRemovalEvents } from './removal-events';
import { generateWorld, seedWorld } from './world';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const SEED = 42;

/** Runs a query and returns its first column of the first row as a number (PostgreSQL counts are strings). */
async function scalar(test: TestDatabase, sql: string): Promise<number> {
  const rows: Record<string, unknown>[] = await test.database.fork().getConnection().execute(sql);
  return Number(Object.values(rows[0] ?? {})[0]);
}

describe('generateWorld', () => {
  it('is a pure function of the seed', () => {
    const build = (seed: number) => generateWorld({ size: 'small', seed, now: NOW, passwordHash: 'x' });
    const a = build(SEED);
    const b = build(SEED);
    const c = build(SEED + 1);
    expect(JSON.stringify(a.tables)).toEqual(JSON.stringify(b.tables));
    const titles = (world: ReturnType<typeof build>) =>
      world.tables.find((t) => t.entity === Listing)?.rows.map((r) => r.title);
    expect(titles(c)).not.toEqual(titles(a));
  });
});

describe.each(testDatabaseKinds())('seedWorld on %s', (kind) => {
  let test: TestDatabase;
  const log: string[] = [];

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    expect(
      await seedWorld(test.database, { size: 'small', seed: SEED, now: NOW, log: (line) => log.push(line) }),
    ).toBe(true);
  });
  afterAll(async () => {
    await test?.destroy();
  });

  it('builds the small world: brands, demo accounts, listings and the hidden truth', async () => {
    const em = test.database.fork();
    const brands = await em.find(Brand, {}, { populate: ['accountManager'] });
    expect(brands.length).toBeGreaterThanOrEqual(8);
    expect(new Set(brands.map((b) => b.name)).size).toBe(brands.length);
    expect(brands.filter((b) => b.gftSuspendedAt !== null)).toHaveLength(1);
    expect(brands.filter((b) => b.gftStatus === 'suspended')).toHaveLength(1);
    expect(brands.filter((b) => b.gftStatus === 'enrolled').length).toBeGreaterThanOrEqual(2);
    for (const brand of brands) {
      expect(brand.accountManager?.role).toBe('account_manager');
      expect(brand.accuracy).toBeGreaterThanOrEqual(0.8);
      expect(brand.accuracy).toBeLessThanOrEqual(1);
    }
    const gft = brands.find((b) => b.name === DEMO_GFT_BRAND);
    const standard = brands.find((b) => b.name === DEMO_STANDARD_BRAND);
    expect(gft?.gftStatus).toBe('enrolled');
    expect(['not_eligible', 'eligible']).toContain(standard?.gftStatus);

    for (const account of DEMO_ACCOUNTS) {
      const user = await em.findOneOrFail(User, { email: account.email }, { populate: ['brand'] });
      expect(user.role).toBe(account.role);
      expect(user.brand?.name ?? null).toBe(account.brandName ?? null);
    }
    const demoUser = await em.findOneOrFail(User, { email: 'admin@aurelia.demo' });
    expect(await verifyPassword(demoUser.passwordHash, DEMO_PASSWORD)).toBe(true);
    // Every brand has a brand user, and every other brand an admin@<slug>.demo.
    for (const brand of brands) {
      expect(await em.count(User, { brand, role: 'brand_admin' })).toBeGreaterThanOrEqual(1);
    }

    expect(await em.count(Listing, {})).toBe(1000);
    expect(await em.count(ListingTruth, {})).toBe(1000);
    const counterfeit = await em.count(ListingTruth, { counterfeit: true });
    expect(counterfeit / 1000).toBeGreaterThan(0.1);
    expect(counterfeit / 1000).toBeLessThan(0.14);
    expect(await em.count(ListingTruth, { counterfeit: false, brand: { $ne: null } })).toBeGreaterThan(0);
    const removed = await em.findOneOrFail(
      Listing,
      { status: 'removed' },
      { populate: ['seller', 'marketplace'] },
    );
    expect(removed.listedAt).toBeInstanceOf(Date);
    expect(removed.listedAt.getTime()).toBeLessThan(NOW.getTime());
    expect(removed.images.length).toBeGreaterThan(0);
    expect(removed.seller.marketplace.code).toBe(removed.marketplace.code);
    expect(await scalar(test, 'select count(*) from sellers')).toBe(100);
    expect(await scalar(test, 'select count(*) from marketplaces')).toBe(5);
    expect(await scalar(test, "select count(*) from model_versions where status = 'active'")).toBe(1);
    expect(await scalar(test, "select count(*) from audit_events where action = 'seeded'")).toBe(1);
    expect(log.some((line) => line.includes('1000 listings'))).toBe(true);
  });

  it('gives every brand verified rights valid now and 2–6 protected products', async () => {
    const em = test.database.fork();
    for (const brand of await em.find(Brand, {})) {
      const products = await em.count(ProtectedProduct, { brand });
      expect(products).toBeGreaterThanOrEqual(2);
      expect(products).toBeLessThanOrEqual(6);
    }
    const at = kind === 'sqlite' ? String(NOW.getTime()) : `'${NOW.toISOString()}'`;
    expect(
      await scalar(
        test,
        `select count(*) from brands b where not exists (select 1 from ip_rights r where r.brand_id = b.id and r.status = 'verified' and r.valid_from <= ${at} and r.valid_until > ${at})`,
      ),
    ).toBe(0);
    expect(await scalar(test, "select count(*) from ip_rights where status = 'pending'")).toBeGreaterThan(0);
    expect(
      await scalar(test, `select count(*) from ip_rights where status = 'expired' and valid_until < ${at}`),
    ).toBeGreaterThan(0);
  });

  it('shapes the history as DESIGN.md does', async () => {
    const em = test.database.fork();
    const proactive = await em.count(Removal, { source: { $in: ['proactive', 'authentication'] } });
    const brandRequested = await em.count(Removal, { source: { $in: ['notice_gft', 'notice_standard'] } });
    expect(brandRequested).toBeGreaterThan(0);
    expect(proactive).toBeGreaterThan(brandRequested * 3);
    // A removed (or later reinstated) notice item has its notice removal.
    expect(
      await scalar(
        test,
        "select count(*) from notice_items i where i.state in ('removed', 'reinstated') and not exists " +
          "(select 1 from removals r where r.notice_item_id = i.id and r.source in ('notice_gft', 'notice_standard') and r.listing_id = i.listing_id)",
      ),
    ).toBe(0);
    // GFT notices' removals are notice_gft, standard ones notice_standard.
    expect(
      await scalar(
        test,
        'select count(*) from removals r join notice_items i on i.id = r.notice_item_id join notices n on n.id = i.notice_id ' +
          "where (n.path = 'good_faith') <> (r.source = 'notice_gft')",
      ),
    ).toBe(0);
    // At most one open notice item per listing.
    expect(
      await scalar(
        test,
        "select count(*) from (select listing_id from notice_items where state in ('pending', 'needs_info') group by listing_id having count(*) > 1) x",
      ),
    ).toBe(0);
    // Every notice cites a verified right of its own brand.
    expect(
      await scalar(
        test,
        "select count(*) from notices n join ip_rights r on r.id = n.ip_right_id where r.brand_id <> n.brand_id or r.status <> 'verified'",
      ),
    ).toBe(0);
    expect(
      await scalar(
        test,
        'select count(*) from (select brand_id, idempotency_key from notices group by 1, 2 having count(*) > 1) x',
      ),
    ).toBe(0);
    // Rejections carry a code and a message.
    expect(
      await scalar(
        test,
        "select count(*) from notice_items where state = 'rejected' and (rejection_code is null or rejection_message is null)",
      ),
    ).toBe(0);
    // Listing status follows its removals.
    expect(
      await scalar(
        test,
        "select count(*) from listings l where l.status = 'removed' and not exists (select 1 from removals r where r.listing_id = l.id and r.reinstated_at is null)",
      ),
    ).toBe(0);
    expect(
      await scalar(
        test,
        "select count(*) from removals r join listings l on l.id = r.listing_id where r.reinstated_at is not null and l.status <> 'reinstated'",
      ),
    ).toBe(0);
    expect(await scalar(test, 'select count(*) from removals where removed_at < requested_at')).toBe(0);
    // Authentication removals point at a request answered `counterfeit`.
    expect(
      await scalar(
        test,
        "select count(*) from removals r left join auth_requests a on a.id = r.auth_request_id where r.source = 'authentication' and (a.answer is null or a.answer <> 'counterfeit')",
      ),
    ).toBe(0);
    // Strikes follow upheld appeals, and sellers' counts match.
    expect(await scalar(test, "select count(*) from appeals where state = 'upheld'")).toBe(
      await scalar(test, 'select count(*) from strikes'),
    );
    expect(
      await scalar(
        test,
        'select count(*) from sellers s where s.strike_count <> (select count(*) from strikes t where t.seller_id = s.id)',
      ),
    ).toBe(0);
    expect(
      await scalar(
        test,
        "select count(*) from appeals a join removals r on r.id = a.removal_id where a.state = 'reinstated' and r.reinstated_at is null",
      ),
    ).toBe(0);
    // Messages are between the brand's users and its account manager.
    expect(await scalar(test, 'select count(*) from message_threads')).toBeGreaterThan(0);
    expect(
      await scalar(
        test,
        'select count(*) from messages m join users u on u.id = m.author_id join brands b on b.id = m.brand_id ' +
          "where (m.author_side = 'brand' and (u.brand_id is null or u.brand_id <> m.brand_id)) or (m.author_side = 'staff' and u.id <> b.account_manager_id)",
      ),
    ).toBe(0);
  });

  it('leaves open work for the demo brands: queue items, authentication requests, an appeal, an audit sample', async () => {
    const brandId = async (name: string) => (await test.database.fork().findOneOrFail(Brand, { name })).id;
    const gft = await brandId(DEMO_GFT_BRAND);
    const standard = await brandId(DEMO_STANDARD_BRAND);
    expect(
      await scalar(
        test,
        `select count(*) from notice_items where brand_id = '${standard}' and state = 'pending'`,
      ),
    ).toBeGreaterThanOrEqual(2);
    for (const id of [gft, standard]) {
      expect(
        await scalar(test, `select count(*) from auth_requests where brand_id = '${id}' and state = 'open'`),
      ).toBeGreaterThanOrEqual(2);
    }
    expect(
      await scalar(test, `select count(*) from appeals where brand_id = '${gft}' and state = 'open'`),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await scalar(
        test,
        `select count(*) from notice_items where brand_id = '${gft}' and audit_sampled = ${kind === 'sqlite' ? 1 : 'true'} and audit_upheld is null`,
      ),
    ).toBeGreaterThanOrEqual(1);
    const at = kind === 'sqlite' ? String(NOW.getTime()) : `'${NOW.toISOString()}'`;
    expect(
      await scalar(test, `select count(*) from auth_requests where state = 'open' and due_at <= ${at}`),
    ).toBe(0);
    expect(
      await scalar(test, `select count(*) from auth_requests where state = 'expired' and due_at > ${at}`),
    ).toBe(0);
  });

  it('is deterministic: the same seed builds the same world in another database', async () => {
    const other = await createTestDatabase(kind);
    try {
      await seedWorld(other.database, { size: 'small', seed: SEED, now: NOW });
      const names = async (db: TestDatabase) =>
        (await db.database.fork().find(Brand, {}, { orderBy: { name: 'asc' } })).map((b) => b.name);
      const titles = async (db: TestDatabase) =>
        (
          await db.database
            .fork()
            .find(Listing, {}, { orderBy: { id: 'asc' }, fields: ['id', 'title', 'priceCents'] })
        ).map((l) => `${l.id} ${l.title} ${l.priceCents}`);
      expect(await names(other)).toEqual(await names(test));
      expect(await titles(other)).toEqual(await titles(test));
    } finally {
      await other.destroy();
    }
  });

  it('does nothing the second time with onlyIfEmpty, and refuses a non-empty database without it', async () => {
    const before = await scalar(test, 'select count(*) from listings');
    expect(await seedWorld(test.database, { size: 'small', seed: SEED, onlyIfEmpty: true })).toBe(false);
    await expect(seedWorld(test.database, { size: 'small', seed: SEED })).rejects.toThrow(/empty database/);
    expect(await scalar(test, 'select count(*) from listings')).toBe(before);
    expect(await scalar(test, 'select count(*) from brands')).toBe(8);
  });

  it('appends removal events for benchmarks', async () => {
    const before = await scalar(test, 'select count(*) from removals');
    await seedRemovalEvents(test.database, 2500, {
      seed: 1,
      batchSize: 400,
      transactionSize: 1000,
      now: NOW,
    });
    expect(await scalar(test, 'select count(*) from removals')).toBe(before + 2500);
    const em = test.database.fork();
    const since = new Date(NOW.getTime() - 366 * 86_400_000);
    expect(await em.count(Removal, { requestedAt: { $gte: since, $lte: NOW } })).toBe(before + 2500);
    const proactive = await em.count(Removal, { source: { $in: ['proactive', 'authentication'] } });
    const brandRequested = await em.count(Removal, { source: { $in: ['notice_gft', 'notice_standard'] } });
    expect(proactive).toBeGreaterThan(brandRequested * 5);
    expect(await scalar(test, 'select count(*) from removals where removed_at < requested_at')).toBe(0);
    expect(
      await scalar(test, "select count(*) from removals where source like 'notice%' and brand_id is null"),
    ).toBe(0);
    // The rows read back through the ORM with proper dates.
    const [latest] = await em.find(
      Removal,
      { source: 'proactive' },
      { orderBy: { requestedAt: 'desc' }, limit: 1 },
    );
    expect(latest?.requestedAt).toBeInstanceOf(Date);
    expect(latest?.requestedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
  });
});
