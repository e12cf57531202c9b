import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from '@jf/db';
import { testDatabaseKinds } from '@jf/db/testing';
import { appRouter } from './routers';
import type { ProcedureMeta } from './trpc/init';
import { brandRoles, createApiTestBed, staffRoles, type ApiTestBed, type Caller } from './testing';

/**
 * Every procedure of the router must appear here. Brand procedures carry a probe that calls them as
 * brand A with brand B's ids and checks nothing of B is read or changed. A procedure added without a
 * case, or with a different access than its builder declares, fails the first test.
 */
type Probe = (bed: ApiTestBed, asA: (role: (typeof brandRoles)[number]) => Caller) => Promise<void>;
type IsolationCase = { access: ProcedureMeta['access']; probe?: Probe };

const expectCode = async (promise: Promise<unknown>, codes: TRPCError['code'][]) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, 'expected the call to be refused').toBeInstanceOf(TRPCError);
  expect(codes).toContain((error as TRPCError).code);
};

const CASES: Record<string, IsolationCase> = {
  'auth.signIn': { access: 'public' },
  'auth.acceptInvite': { access: 'public' },
  'auth.signOut': { access: 'authed' },
  'auth.me': {
    access: 'authed',
    probe: async ({ world }, asA) => {
      for (const role of brandRoles) {
        const me = await asA(role).auth.me();
        expect(me.brand?.id).toBe(world.brandA.id);
      }
    },
  },
  'brand.mine': {
    access: 'brand',
    probe: async ({ world }, asA) => {
      for (const role of brandRoles) expect((await asA(role).brand.mine()).id).toBe(world.brandA.id);
    },
  },
  'brandUsers.list': {
    access: 'brand',
    probe: async ({ world }, asA) => {
      for (const role of brandRoles) {
        const users = await asA(role).brandUsers.list();
        expect(users.length).toBeGreaterThan(0);
        expect(users.every((user) => user.brandId === world.brandA.id)).toBe(true);
      }
    },
  },
  'brandUsers.invite': {
    access: 'brand',
    probe: async ({ database, world }, asA) => {
      const { user } = await asA('brand_admin').brandUsers.invite({ email: 'isolation-invite@a.test', name: 'New' });
      const stored = await database.fork().findOneOrFail(User, user.id);
      expect(stored.brand?.id).toBe(world.brandA.id);
    },
  },
  'brandUsers.deactivate': {
    access: 'brand',
    probe: async ({ database, world }, asA) => {
      const foreignAgent = world.brandUsers.B.brand_agent;
      await expectCode(asA('brand_admin').brandUsers.deactivate({ userId: foreignAgent.id }), ['NOT_FOUND']);
      expect((await database.fork().findOneOrFail(User, foreignAgent.id)).status).toBe('active');
    },
  },
  'brandUsers.reactivate': {
    access: 'brand',
    probe: async ({ world }, asA) => {
      await expectCode(asA('brand_admin').brandUsers.reactivate({ userId: world.brandUsers.B.brand_agent.id }), ['NOT_FOUND']);
    },
  },
  'admin.brands.list': { access: 'staff' },
  'admin.brands.byId': { access: 'staff' },
  'admin.brands.update': { access: 'staff' },
  'admin.brands.gftTransition': { access: 'staff' },
  'admin.staff.list': { access: 'staff' },
  'admin.staff.byId': { access: 'staff' },
  'admin.staff.create': { access: 'staff' },
  'admin.staff.update': { access: 'staff' },
  'admin.overview.summary': { access: 'staff' },
};

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta; type: string } }>);

/** Calls a procedure by its dotted path, with an input that names brand B wherever an id fits. */
function callByPath(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const target = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (target as (input: unknown) => Promise<unknown>)(input);
}

describe('the isolation table', () => {
  it('covers every procedure with the access its builder declares', () => {
    const declared = Object.fromEntries(procedures.map(([path, procedure]) => [path, procedure._def.meta?.access]));
    const missing = Object.keys(declared).filter((path) => !CASES[path]);
    expect(missing, 'procedures without a tenant-isolation case').toEqual([]);
    const stale = Object.keys(CASES).filter((path) => !(path in declared));
    expect(stale, 'cases for procedures that no longer exist').toEqual([]);
    for (const [path, access] of Object.entries(declared)) expect({ path, access }).toEqual({ path, access: CASES[path]!.access });
  });

  it('has a probe for every procedure a brand user can call with data in it', () => {
    const unprobed = Object.entries(CASES)
      .filter(([path, c]) => (c.access === 'brand' || c.access === 'authed') && !c.probe && path !== 'auth.signOut')
      .map(([path]) => path);
    expect(unprobed).toEqual([]);
  });
});

describe.each(testDatabaseKinds())('tenant isolation on %s', (kind) => {
  let bed: ApiTestBed;
  beforeAll(async () => {
    bed = await createApiTestBed(kind);
  });
  afterAll(() => bed.destroy());

  const asA = (role: (typeof brandRoles)[number]) => bed.callerFor(bed.world.brandUsers.A[role]);
  const foreignInput = () => ({
    id: bed.world.brandB.id,
    userId: bed.world.brandUsers.B.brand_agent.id,
    event: 'suspend',
    reason: 'isolation probe',
    page: 1,
    perPage: 10,
    filter: { ids: [bed.world.brandB.id] },
  });

  for (const [path, isolation] of Object.entries(CASES)) {
    if (isolation.access === 'staff') {
      it(`${path} refuses every brand role`, async () => {
        for (const role of brandRoles) await expectCode(callByPath(asA(role), path, foreignInput()), ['FORBIDDEN']);
      });
    }
    if (isolation.access === 'brand') {
      it(`${path} refuses staff`, async () => {
        for (const role of staffRoles) {
          await expectCode(callByPath(bed.callerFor(bed.world.staff[role]), path, foreignInput()), ['FORBIDDEN']);
        }
      });
    }
    if (isolation.access !== 'public') {
      it(`${path} refuses anonymous callers`, async () => {
        await expectCode(callByPath(bed.callerFor(null), path, foreignInput()), ['UNAUTHORIZED']);
      });
    }
    if (isolation.probe) {
      it(`${path} keeps brand A inside brand A`, () => isolation.probe!(bed, asA));
    }
  }
});
