import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentAuthorisation, ApiKey, Appeal, AuthRequest, Brand, BulkJob, Document, IpRight, Message, MessageThread, NoticeItem, Notification, ProtectedProduct, Removal, Seller, Session, User, createSession, resolveSession } from '@jf/db';
import { testDatabaseKinds } from '@jf/db/testing';
import { appRouter } from './routers';
import { createCallerFactory, type ProcedureMeta } from './trpc/init';
import { createInnerContext } from './trpc/context';
import { TEST_SESSION_POLICY, brandRoles, createApiTestBed, staffRoles, type ApiTestBed, type Caller } from './testing';

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
  'auth.signOutEverywhere': {
    access: 'authed',
    // A user of its own: the shared callers would otherwise lose their sessions for later cases.
    probe: async (bed) => {
      const em = bed.database.fork();
      const user = em.create(User, { email: 'everywhere-probe@a.test', name: 'Probe', role: 'brand_agent', brand: bed.world.brandA.id, passwordHash: null });
      const { token } = createSession(em, user, TEST_SESSION_POLICY, 'probe');
      await em.flush();
      const othersBefore = await bed.database.fork().count(Session, { user: { $ne: user.id } });
      const caller = createCallerFactory(appRouter)(async () => {
        const requestEm = bed.database.fork();
        return createInnerContext({ em: requestEm, session: await resolveSession(requestEm, token, TEST_SESSION_POLICY), sessionPolicy: TEST_SESSION_POLICY });
      });
      expect(await caller.auth.signOutEverywhere()).toEqual({ sessionsEnded: 1 });
      expect(await bed.database.fork().count(Session, { user: { $ne: user.id } })).toBe(othersBefore);
    },
  },
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
  'brand.gftStanding': {
    access: 'brand',
    probe: async ({ database, world }, asA) => {
      const brandA = await database.fork().findOneOrFail(Brand, world.brandA.id);
      for (const role of brandRoles) expect((await asA(role).brand.gftStanding()).status).toBe(brandA.gftStatus);
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
  'ipRights.list': {
    access: 'brand',
    probe: async ({ world }, asA) => {
      const ids = (await asA('brand_agent').ipRights.list()).map((right) => right.id);
      expect(ids).toContain(world.rights.A.id);
      expect(ids).not.toContain(world.rights.B.id);
    },
  },
  'ipRights.register': {
    access: 'brand',
    probe: async ({ database, world }, asA) => {
      const { id } = await asA('brand_admin').ipRights.register({ kind: 'trademark', registrationNumber: 'ISO-1', jurisdiction: 'CN', classes: [], validFrom: new Date('2020-01-01'), validUntil: new Date('2040-01-01') });
      expect((await database.fork().findOneOrFail(IpRight, id)).brand.id).toBe(world.brandA.id);
    },
  },
  'products.list': {
    access: 'brand',
    probe: async (_bed, asA) => {
      const names = (await asA('brand_agent').products.list()).map((product) => product.name);
      expect(names).toEqual(['Brand A tote']);
    },
  },
  'products.create': {
    access: 'brand',
    probe: async ({ database, world }, asA) => {
      const { id } = await asA('brand_admin').products.create({ name: 'Probe', keywords: ['probe'], msrpCents: 100, currency: 'CNY', category: 'bags' });
      expect((await database.fork().findOneOrFail(ProtectedProduct, id)).brand.id).toBe(world.brandA.id);
    },
  },
  'notices.lookupListings': {
    access: 'brand',
    probe: async (_bed, asA) => {
      const [row] = await asA('brand_agent').notices.lookupListings({ references: ['taobao:TB-8'] });
      expect(Object.keys(row!.listing ?? {})).not.toContain('brandId');
    },
  },
  'notices.submit': {
    access: 'brand',
    probe: async ({ world }, asA) => {
      const foreignRight = asA('brand_admin').notices.submit({ ipRightId: world.rights.B.id, reason: 'counterfeit', evidence: 'probe', listingIds: [world.listings[7]!.id], idempotencyKey: 'isolation-probe-1' });
      await expectCode(foreignRight, ['BAD_REQUEST']);
    },
  },
  'notices.list': {
    access: 'brand',
    probe: async ({ world }, asA) => {
      await foreignNotice();
      const list = await asA('brand_agent').notices.list({ page: 1, perPage: 50, sort: { field: 'submittedAt', order: 'DESC' }, filter: {} });
      expect(list.data.every((notice) => notice.brandId === world.brandA.id)).toBe(true);
    },
  },
  'notices.byId': {
    access: 'brand',
    probe: async (_bed, asA) => {
      const { noticeId } = await foreignNotice();
      await expectCode(asA('brand_agent').notices.byId({ id: noticeId }), ['NOT_FOUND']);
    },
  },
  'notices.answerInfo': {
    access: 'brand',
    probe: async ({ database }, asA) => {
      const { itemId } = await foreignNotice();
      await expectCode(asA('brand_agent').notices.answerInfo({ itemId, response: 'probe' }), ['NOT_FOUND']);
      expect((await database.fork().findOneOrFail(NoticeItem, itemId)).infoResponse).toBeNull();
    },
  },
  'bulkNotices.list': {
    access: 'brand',
    probe: async (bed, asA) => {
      const { jobId } = await foreignBulkJob(bed);
      expect((await asA('brand_agent').bulkNotices.list()).map((job) => job.id)).not.toContain(jobId);
    },
  },
  'bulkNotices.status': {
    access: 'brand',
    probe: async (bed, asA) => {
      const { jobId } = await foreignBulkJob(bed);
      await expectCode(asA('brand_agent').bulkNotices.status({ jobId }), ['NOT_FOUND']);
    },
  },
  'notifications.list': {
    access: 'brand',
    probe: async ({ world }, asA) => {
      const { notificationId } = await foreignNotice();
      const ids = (await asA('brand_agent').notifications.list()).map((note) => note.id);
      expect(ids).not.toContain(notificationId);
      expect(world.brandA.id).toBeTruthy();
    },
  },
  'notifications.markRead': {
    access: 'brand',
    probe: async ({ database }, asA) => {
      const { notificationId } = await foreignNotice();
      expect(await asA('brand_agent').notifications.markRead({ ids: [notificationId] })).toEqual({ marked: 0 });
      expect((await database.fork().findOneOrFail(Notification, notificationId)).readAt).toBeNull();
    },
  },
  'notificationPreferences.get': {
    access: 'authed',
    probe: async ({ database, world }, asA) => {
      await database.fork().nativeUpdate(User, world.brandUsers.B.brand_agent.id, { notificationPreferences: { message: { inApp: false, email: false } } });
      expect((await asA('brand_agent').notificationPreferences.get()).message).toEqual({ inApp: true, email: true });
    },
  },
  'notificationPreferences.update': {
    access: 'authed',
    probe: async ({ database, world }, asA) => {
      const foreignBefore = (await database.fork().findOneOrFail(User, world.brandUsers.B.brand_admin.id)).notificationPreferences;
      await asA('brand_admin').notificationPreferences.update({ preferences: { bulk_job: { inApp: false, email: true } } });
      expect((await database.fork().findOneOrFail(User, world.brandUsers.A.brand_admin.id)).notificationPreferences).toMatchObject({ bulk_job: { inApp: false, email: true } });
      expect((await database.fork().findOneOrFail(User, world.brandUsers.B.brand_admin.id)).notificationPreferences).toEqual(foreignBefore);
    },
  },
  'messages.threads': {
    access: 'brand',
    probe: async ({ world }, asA) => {
      const { threadId } = await foreignThread();
      const threads = await asA('brand_agent').messages.threads({});
      expect(threads.data.map((thread) => thread.id)).not.toContain(threadId);
      expect(threads.data.every((thread) => thread.brandId === world.brandA.id)).toBe(true);
    },
  },
  'messages.unread': {
    access: 'brand',
    probe: async (_bed, asA) => {
      await foreignThread();
      expect(await asA('brand_agent').messages.unread()).toEqual({ threads: 0, messages: 0 });
    },
  },
  'messages.open': {
    access: 'brand',
    probe: async ({ database }, asA) => {
      const { threadId } = await foreignThread();
      await expectCode(asA('brand_admin').messages.open({ threadId }), ['NOT_FOUND']);
      expect((await database.fork().findOneOrFail(MessageThread, threadId)).brandUnread).toBe(1);
    },
  },
  'messages.start': {
    access: 'brand',
    probe: async ({ database, world }, asA) => {
      const { itemId } = await foreignNotice();
      await expectCode(asA('brand_agent').messages.start({ subject: 'About B', body: 'x', about: { type: 'notice_item', id: itemId } }), ['BAD_REQUEST']);
      const own = await asA('brand_agent').messages.start({ subject: 'Own thread', body: 'x' });
      expect((await database.fork().findOneOrFail(MessageThread, own.id, { populate: ['brand'] })).brand.id).toBe(world.brandA.id);
    },
  },
  'messages.reply': {
    access: 'brand',
    probe: async ({ database }, asA) => {
      const { threadId } = await foreignThread();
      await expectCode(asA('brand_agent').messages.reply({ threadId, body: 'intruding' }), ['NOT_FOUND']);
      expect(await database.fork().count(Message, { thread: threadId })).toBe(1);
    },
  },
  'appeals.list': {
    access: 'brand',
    probe: async ({ world }, asA) => {
      const { appealId } = await foreignAppeal();
      const appeals = await asA('brand_agent').appeals.list({});
      expect(appeals.data.map((appeal) => appeal.id)).not.toContain(appealId);
      expect(appeals.data.every((appeal) => appeal.brandId === world.brandA.id)).toBe(true);
    },
  },
  'appeals.byId': {
    access: 'brand',
    probe: async (_bed, asA) => {
      const { appealId } = await foreignAppeal();
      await expectCode(asA('brand_agent').appeals.byId({ id: appealId }), ['NOT_FOUND']);
    },
  },
  'appeals.respond': {
    access: 'brand',
    probe: async ({ database }, asA) => {
      const { appealId } = await foreignAppeal();
      await expectCode(asA('brand_admin').appeals.respond({ appealId, answer: 'retract', reason: 'Not ours to retract' }), ['NOT_FOUND']);
      expect((await database.fork().findOneOrFail(Appeal, appealId)).state).toBe('open');
    },
  },
  'authRequests.list': {
    access: 'brand',
    probe: async ({ world }, asA) => {
      const { requestId } = await foreignAuthRequest();
      for (const role of brandRoles) {
        const requests = await asA(role).authRequests.list({});
        expect(requests.data.map((request) => request.id)).not.toContain(requestId);
        expect(requests.data.every((request) => request.brandId === world.brandA.id)).toBe(true);
      }
    },
  },
  'authRequests.openCount': {
    access: 'brand',
    probe: async ({ database, world }, asA) => {
      await foreignAuthRequest();
      const own = await database.fork().count(AuthRequest, { brand: world.brandA.id, state: 'open' });
      expect((await asA('brand_agent').authRequests.openCount()).open).toBe(own);
    },
  },
  'authRequests.byId': {
    access: 'brand',
    probe: async (_bed, asA) => {
      const { requestId } = await foreignAuthRequest();
      await expectCode(asA('brand_agent').authRequests.byId({ id: requestId }), ['NOT_FOUND']);
    },
  },
  'authRequests.answer': {
    access: 'brand',
    probe: async ({ database }, asA) => {
      const { requestId } = await foreignAuthRequest();
      await expectCode(asA('brand_admin').authRequests.answer({ ids: [requestId], answer: 'counterfeit', reason: 'Not ours to judge' }), ['BAD_REQUEST']);
      expect((await database.fork().findOneOrFail(AuthRequest, requestId)).state).toBe('open');
      expect(await database.fork().count(Removal, { authRequest: requestId })).toBe(0);
    },
  },
  'dashboard.removals': {
    access: 'brand',
    probe: async ({ database, world }, asA) => {
      // One removal of brand B today: brand A's figures must not count it.
      await foreignRemovalToday(database, world.brandB.id);
      const today = new Date().toISOString().slice(0, 10);
      for (const role of brandRoles) {
        const points = await asA(role).dashboard.removals({ from: today, to: today, unit: 'day' });
        const own = await database.fork().count(Removal, { brand: world.brandA.id, requestedAt: { $gte: new Date(`${today}T00:00:00Z`) } });
        expect(points[0]!.proactive + points[0]!.brandRequested).toBe(own);
      }
    },
  },
  'dashboard.turnaround': {
    access: 'brand',
    probe: async ({ database, world }, asA) => {
      await foreignRemovalToday(database, world.brandB.id);
      const today = new Date().toISOString().slice(0, 10);
      const { overall } = await asA('brand_agent').dashboard.turnaround({ from: today, to: today, unit: 'day' });
      const own = await database.fork().count(Removal, { brand: world.brandA.id, removedAt: { $ne: null }, requestedAt: { $gte: new Date(`${today}T00:00:00Z`) } });
      expect(Object.values(overall.bySource).reduce((sum, figures) => sum + figures.count, 0)).toBe(own);
    },
  },
  'dashboard.appeals': {
    access: 'brand',
    probe: async (_bed, asA) => {
      await foreignAppeal();
      const today = new Date().toISOString().slice(0, 10);
      const summary = await asA('brand_agent').dashboard.appeals({ from: today, to: today, unit: 'day' });
      expect(summary.points.reduce((sum, point) => sum + point.appeals, 0)).toBe(0);
    },
  },
  'apiKeys.list': {
    access: 'brand',
    probe: async (bed, asA) => {
      const foreign = await bed.callerFor(bed.world.brandUsers.B.brand_admin).apiKeys.create({ name: 'B tool', scopes: ['read'] });
      const keys = await asA('brand_admin').apiKeys.list();
      expect(keys.map((key) => key.id)).not.toContain(foreign.id);
      await expectCode(asA('brand_agent').apiKeys.list(), ['FORBIDDEN']);
    },
  },
  'apiKeys.create': {
    access: 'brand',
    probe: async ({ database, world }, asA) => {
      const created = await asA('brand_admin').apiKeys.create({ name: 'A tool', scopes: ['read'] });
      expect((await database.fork().findOneOrFail(ApiKey, created.id, { populate: ['brand'] })).brand?.id).toBe(world.brandA.id);
      await expectCode(asA('brand_agent').apiKeys.create({ name: 'Agent tool', scopes: ['read'] }), ['FORBIDDEN']);
    },
  },
  'apiKeys.revoke': {
    access: 'brand',
    probe: async (bed, asA) => {
      const foreign = await bed.callerFor(bed.world.brandUsers.B.brand_admin).apiKeys.create({ name: 'B tool 2', scopes: ['read'] });
      await expectCode(asA('brand_admin').apiKeys.revoke({ id: foreign.id }), ['NOT_FOUND']);
      expect((await bed.database.fork().findOneOrFail(ApiKey, foreign.id)).revokedAt).toBeNull();
    },
  },
  'agents.list': {
    access: 'brand',
    probe: async (bed, asA) => {
      const agent = await bed.callerFor(bed.world.staff.platform_admin).admin.agents.create({ name: `Probe agent ${Date.now()}` });
      await bed.callerFor(bed.world.brandUsers.B.brand_admin).agents.authorise({ agentId: agent.id });
      // B's letter is not A's: A sees the organisation, not B's authorisation of it.
      expect((await asA('brand_admin').agents.list()).find((row) => row.id === agent.id)?.authorisation).toBeNull();
      await expectCode(asA('brand_agent').agents.list(), ['FORBIDDEN']);
    },
  },
  'agents.authorise': {
    access: 'brand',
    probe: async ({ database, world }, asA) => {
      const agent = await currentBed!.callerFor(world.staff.platform_admin).admin.agents.create({ name: `Probe agent A ${Date.now()}` });
      const { id } = await asA('brand_admin').agents.authorise({ agentId: agent.id });
      expect((await database.fork().findOneOrFail(AgentAuthorisation, id, { populate: ['brand'] })).brand.id).toBe(world.brandA.id);
    },
  },
  'agents.revoke': {
    access: 'brand',
    probe: async (bed, asA) => {
      const agent = await bed.callerFor(bed.world.staff.platform_admin).admin.agents.create({ name: `Probe agent B ${Date.now()}` });
      const { id } = await bed.callerFor(bed.world.brandUsers.B.brand_admin).agents.authorise({ agentId: agent.id });
      await expectCode(asA('brand_admin').agents.revoke({ authorisationId: id }), ['NOT_FOUND']);
      expect((await bed.database.fork().findOneOrFail(AgentAuthorisation, id)).revokedAt).toBeNull();
    },
  },
  'admin.queue.list': { access: 'staff' },
  'admin.queue.claim': { access: 'staff' },
  'admin.queue.release': { access: 'staff' },
  'admin.queue.decide': { access: 'staff' },
  'admin.gftAudit.list': { access: 'staff' },
  'admin.gftAudit.decide': { access: 'staff' },
  'admin.ipRights.pending': { access: 'staff' },
  'admin.ipRights.decide': { access: 'staff' },
  'admin.brands.list': { access: 'staff' },
  'admin.brands.byId': { access: 'staff' },
  'admin.brands.update': { access: 'staff' },
  'admin.brands.gftStanding': { access: 'staff' },
  'admin.brands.gftTransition': { access: 'staff' },
  'admin.staff.list': { access: 'staff' },
  'admin.staff.byId': { access: 'staff' },
  'admin.staff.create': { access: 'staff' },
  'admin.staff.update': { access: 'staff' },
  'admin.overview.summary': { access: 'staff' },
  'admin.messages.list': { access: 'staff' },
  'admin.messages.unread': { access: 'staff' },
  'admin.messages.open': { access: 'staff' },
  'admin.messages.start': { access: 'staff' },
  'admin.messages.reply': { access: 'staff' },
  'admin.accounts.managerHistory': { access: 'staff' },
  'admin.accounts.workspace': { access: 'staff' },
  'admin.accounts.allowlist': { access: 'staff' },
  'admin.accounts.addToAllowlist': { access: 'staff' },
  'admin.accounts.removeFromAllowlist': { access: 'staff' },
  'admin.audit.list': { access: 'staff' },
  'admin.appeals.list': { access: 'staff' },
  'admin.appeals.byId': { access: 'staff' },
  'admin.appeals.decide': { access: 'staff' },
  'admin.apiKeys.list': { access: 'staff' },
  'admin.apiKeys.createMarketplaceKey': { access: 'staff' },
  'admin.apiKeys.revoke': { access: 'staff' },
  'admin.sellers.list': { access: 'staff' },
  'admin.sellers.byId': { access: 'staff' },
  'admin.authRequests.list': { access: 'staff' },
  'admin.authRequests.byId': { access: 'staff' },
  'admin.authRequests.stats': { access: 'staff' },
  'admin.dashboards.removals': { access: 'staff' },
  'admin.dashboards.turnaround': { access: 'staff' },
  'admin.dashboards.authRequests': { access: 'staff' },
  'admin.dashboards.appeals': { access: 'staff' },
  'admin.dashboards.gft': { access: 'staff' },
  'admin.removals.list': { access: 'staff' },
  'admin.agents.list': { access: 'staff' },
  'admin.agents.create': { access: 'staff' },
  'admin.agents.createKey': { access: 'staff' },
  'admin.agents.revokeKey': { access: 'staff' },
  'admin.detection.models': { access: 'staff' },
  'admin.detection.retrain': { access: 'staff' },
  'admin.detection.promote': { access: 'staff' },
  'admin.detection.scans': { access: 'staff' },
  'admin.detection.scan': { access: 'staff' },
  'admin.detection.startScan': { access: 'staff' },
  'admin.detection.cancelScan': { access: 'staff' },
  'admin.detection.settings': { access: 'staff' },
  'admin.detection.updateSettings': { access: 'staff' },
};

/** An open appeal against a removal made for brand B. */
let foreignAppealIds: { appealId: string } | null = null;
async function foreignAppeal() {
  const bed = currentBed!;
  if (foreignAppealIds) return foreignAppealIds;
  const em = bed.database.fork();
  const listing = bed.world.listings[7]!;
  const removal = em.create(Removal, { brand: bed.world.brandB.id, marketplace: 'taobao', listing: listing.id, source: 'notice_gft', requestedAt: new Date(), removedAt: new Date() });
  const seller = await em.findOneOrFail(Seller, { externalId: 'S-1' });
  const appeal = em.create(Appeal, { removal, brand: bed.world.brandB.id, marketplace: 'taobao', seller, statement: 'B only', evidence: [], brandDueAt: new Date(Date.now() + 86_400_000) });
  await em.flush();
  foreignAppealIds = { appealId: appeal.id };
  return foreignAppealIds;
}

/** A removal of another brand, acknowledged, requested now. */
async function foreignRemovalToday(database: ApiTestBed['database'], brandId: string) {
  const em = database.fork();
  em.create(Removal, { brand: brandId, marketplace: 'taobao', listing: currentBed!.world.listings[5]!.id, source: 'notice_standard', requestedAt: new Date(), removedAt: new Date() });
  await em.flush();
}

/** An open authentication request of brand B about one of the shared listings. */
let foreignAuthRequestIds: { requestId: string } | null = null;
async function foreignAuthRequest() {
  const bed = currentBed!;
  if (foreignAuthRequestIds) return foreignAuthRequestIds;
  const em = bed.database.fork();
  const request = em.create(AuthRequest, { brand: bed.world.brandB.id, marketplace: 'taobao', listing: bed.world.listings[6]!.id, signals: { score: 0.6 }, score: 0.6, dueAt: new Date(Date.now() + 86_400_000) });
  await em.flush();
  foreignAuthRequestIds = { requestId: request.id };
  return foreignAuthRequestIds;
}

/** A thread of brand B with one message from its manager, unread by B. */
let foreignThreadIds: { threadId: string } | null = null;
async function foreignThread() {
  const bed = currentBed!;
  if (foreignThreadIds) return foreignThreadIds;
  const thread = await bed.callerFor(bed.world.otherManager).admin.messages.start({ brandId: bed.world.brandB.id, subject: 'For B only', body: 'B only' });
  foreignThreadIds = { threadId: thread.id };
  return foreignThreadIds;
}

/** Brand B's notice with one item in needs-info and a notification, created once through B's own session. */
let foreignNoticeIds: { noticeId: string; itemId: string; notificationId: string } | null = null;
let currentBed: ApiTestBed | null = null;
async function foreignNotice() {
  const bed = currentBed!;
  if (foreignNoticeIds) return foreignNoticeIds;
  const { notice } = await bed.callerFor(bed.world.brandUsers.B.brand_admin).notices.submit({
    ipRightId: bed.world.rights.B.id,
    reason: 'counterfeit',
    evidence: 'B evidence',
    listingIds: [bed.world.listings[6]!.id],
    idempotencyKey: 'isolation-foreign-notice',
  });
  const em = bed.database.fork();
  const item = await em.findOneOrFail(NoticeItem, { notice: notice.id });
  item.state = 'needs_info';
  const note = em.create(Notification, { brand: bed.world.brandB.id, kind: 'notice_item_state', title: 'B only', body: 'B only', entityType: 'notice_item', entityId: item.id });
  await em.flush();
  foreignNoticeIds = { noticeId: notice.id, itemId: item.id, notificationId: note.id };
  return foreignNoticeIds;
}

/** A bulk job of brand B, written straight to the database. */
async function foreignBulkJob(bed: ApiTestBed): Promise<{ jobId: string }> {
  const em = bed.database.fork();
  const document = em.create(Document, { brand: bed.world.brandB.id, fileName: 'b.csv', contentType: 'text/csv', sizeBytes: 1, sha256: 'b'.repeat(64), storagePath: '/nonexistent' });
  const job = em.create(BulkJob, { brand: bed.world.brandB.id, idempotencyKey: `b-${Date.now()}-${Math.random()}`, document, ipRight: bed.world.rights.B.id, reason: 'counterfeit', evidence: 'b', state: 'completed' });
  await em.flush();
  return { jobId: job.id };
}

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
    currentBed = bed;
    foreignNoticeIds = null;
    foreignThreadIds = null;
    foreignAppealIds = null;
    foreignAuthRequestIds = null;
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
