import {
  Brand,
  createSession,
  hashPassword,
  IpRight,
  Listing,
  Marketplace,
  ProtectedProduct,
  Seller,
  resolveSession,
  type Database,
  type DatabaseKind,
  type SessionPolicy,
  User,
} from '@jf/db';
import { createTestDatabase } from '@jf/db/testing';
import type { Role } from '@jf/domain';
import { appRouter } from '../routers';
import { createInnerContext } from '../trpc/context';
import { createCallerFactory } from '../trpc/init';

export const TEST_PASSWORD = 'correct horse battery';
export const TEST_SESSION_POLICY: SessionPolicy = { ttlMs: 3_600_000, idleMs: 3_600_000 };

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

/** Two brands with a user of every role each, and one staff user of every staff role. */
export interface TestWorld {
  brandA: Brand;
  brandB: Brand;
  staff: Record<'leadership' | 'account_manager' | 'reviewer' | 'platform_admin', User>;
  /** Manages brand B only, to test that account managers change only their own brands. */
  otherManager: User;
  brandUsers: { A: Record<'brand_admin' | 'brand_agent', User>; B: Record<'brand_admin' | 'brand_agent', User> };
  rights: { A: IpRight; B: IpRight };
  /** Eight active listings on Taobao (external ids TB-1 … TB-8) of one seller. */
  listings: Listing[];
}

async function buildWorld(database: Database): Promise<TestWorld> {
  const em = database.fork();
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const user = (email: string, role: Role, brand: Brand | null = null) =>
    em.create(User, { email, name: email.split('@')[0]!, role, passwordHash, brand });
  const taobao = em.create(Marketplace, { code: 'taobao', name: 'Taobao', baseUrl: 'http://127.0.0.1:9/taobao' });
  const seller = em.create(Seller, { marketplace: taobao, externalId: 'S-1', name: 'Lucky Store', registeredAt: new Date('2024-01-01') });
  const listings = Array.from({ length: 8 }, (_, i) =>
    em.create(Listing, {
      marketplace: taobao,
      seller,
      externalId: `TB-${i + 1}`,
      title: `Listing ${i + 1}`,
      priceCents: 1000 + i,
      currency: 'CNY',
      category: 'bags',
      images: [],
      listedAt: new Date('2026-01-01'),
    }),
  );
  const staff = {
    leadership: user('lead@staff.test', 'leadership'),
    account_manager: user('am@staff.test', 'account_manager'),
    reviewer: user('reviewer@staff.test', 'reviewer'),
    platform_admin: user('admin@staff.test', 'platform_admin'),
  };
  const otherManager = user('am2@staff.test', 'account_manager');
  const brandA = em.create(Brand, { name: 'Brand A', slug: 'brand-a', gftStatus: 'eligible', accountManager: staff.account_manager });
  const brandB = em.create(Brand, { name: 'Brand B', slug: 'brand-b', gftStatus: 'enrolled', accountManager: otherManager });
  const [rightA, rightB] = [brandA, brandB].map((brand) =>
    em.create(IpRight, {
      brand,
      kind: 'trademark',
      registrationNumber: `TM-${brand.slug}`,
      jurisdiction: 'CN',
      classes: ['25'],
      validFrom: new Date('2020-01-01'),
      validUntil: new Date('2035-01-01'),
      status: 'verified',
    }),
  ) as [IpRight, IpRight];
  for (const brand of [brandA, brandB]) {
    em.create(ProtectedProduct, { brand, name: `${brand.name} tote`, keywords: ['tote'], msrpCents: 50_000, currency: 'CNY', category: 'bags', referenceImages: [] });
  }
  const brandUsers = {
    A: { brand_admin: user('admin@a.test', 'brand_admin', brandA), brand_agent: user('agent@a.test', 'brand_agent', brandA) },
    B: { brand_admin: user('admin@b.test', 'brand_admin', brandB), brand_agent: user('agent@b.test', 'brand_agent', brandB) },
  };
  await em.flush();
  return { brandA, brandB, staff, otherManager, brandUsers, rights: { A: rightA, B: rightB }, listings };
}

export interface ApiTestBed {
  database: Database;
  world: TestWorld;
  /** A caller acting as `user` through a real session, or anonymously; each call gets a fresh unit of work. */
  callerFor(user: User | null): Caller;
  destroy(): Promise<void>;
}

export async function createApiTestBed(kind: DatabaseKind): Promise<ApiTestBed> {
  const { database, destroy } = await createTestDatabase(kind);
  const world = await buildWorld(database);
  const sessionTokens = new Map<string, string>();

  async function tokenFor(user: User): Promise<string> {
    const existing = sessionTokens.get(user.id);
    if (existing) return existing;
    const em = database.fork();
    const { token } = createSession(em, em.getReference(User, user.id), TEST_SESSION_POLICY, 'vitest');
    await em.flush();
    sessionTokens.set(user.id, token);
    return token;
  }

  return {
    database,
    world,
    callerFor: (user) =>
      createCaller(async () => {
        const em = database.fork();
        const session = user ? await resolveSession(em, await tokenFor(user), TEST_SESSION_POLICY) : null;
        return createInnerContext({ em, session, sessionPolicy: TEST_SESSION_POLICY });
      }),
    destroy,
  };
}

/** Brand users' callers by tenant and role, for the isolation tests. */
export const brandRoles = ['brand_admin', 'brand_agent'] as const;
export const staffRoles = ['leadership', 'account_manager', 'reviewer', 'platform_admin'] as const;
