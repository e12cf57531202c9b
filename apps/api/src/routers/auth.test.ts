import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent, Session, User } from '@jf/db';
import { testDatabaseKinds } from '@jf/db/testing';
import { createInnerContext } from '../trpc/context';
import { createCallerFactory } from '../trpc/init';
import { appRouter } from '.';
import { createApiTestBed, TEST_PASSWORD, TEST_SESSION_POLICY, type ApiTestBed } from '../testing';

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: TRPCError) => error);

describe.each(testDatabaseKinds())('auth on %s', (kind) => {
  let bed: ApiTestBed;
  beforeAll(async () => {
    bed = await createApiTestBed(kind);
  });
  afterAll(() => bed.destroy());

  /** A caller with a cookie jar, as the Express adapter would give it. */
  function anonymousWithJar() {
    const jar: { token?: string; cleared: boolean } = { cleared: false };
    const caller = createCallerFactory(appRouter)(() =>
      createInnerContext({
        em: bed.database.fork(),
        sessionPolicy: TEST_SESSION_POLICY,
        cookies: { set: (token) => void (jar.token = token), clear: () => void (jar.cleared = true) },
      }),
    );
    return { caller, jar };
  }

  it('signs in with the right password, sets the cookie and stores only a hash of the token', async () => {
    const { caller, jar } = anonymousWithJar();
    const result = await caller.auth.signIn({ email: ' Admin@A.test ', password: TEST_PASSWORD });
    expect(result.user.email).toBe('admin@a.test');
    expect(result.csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(jar.token).toBeDefined();
    const sessions = await bed.database.fork().find(Session, { user: bed.world.brandUsers.A.brand_admin.id });
    expect(sessions.map((session) => session.tokenHash)).not.toContain(jar.token);
    const audit = await bed.database.fork().find(AuditEvent, { action: 'signed_in', actorId: result.user.id });
    expect(audit.length).toBeGreaterThan(0);
  });

  it('refuses a wrong password and an unknown e-mail with the same message', async () => {
    const { caller, jar } = anonymousWithJar();
    const wrong = await refusal(caller.auth.signIn({ email: 'admin@a.test', password: 'not the password' }));
    const unknown = await refusal(caller.auth.signIn({ email: 'nobody@a.test', password: 'not the password' }));
    expect(wrong?.code).toBe('UNAUTHORIZED');
    expect(unknown?.code).toBe('UNAUTHORIZED');
    expect(wrong?.message).toBe(unknown?.message);
    expect(jar.token).toBeUndefined();
  });

  it('names the field and the reason for malformed input', async () => {
    const { caller } = anonymousWithJar();
    const error = await refusal(caller.auth.signIn({ email: 'not-an-email', password: '' }));
    expect(error?.code).toBe('BAD_REQUEST');
  });

  it('refuses a deactivated user even with the right password, and ends their sessions', async () => {
    const em = bed.database.fork();
    const agent = await em.findOneOrFail(User, { email: 'agent@b.test' });
    const adminOfB = bed.callerFor(bed.world.brandUsers.B.brand_admin);
    await bed.callerFor(agent).auth.me();
    await adminOfB.brandUsers.deactivate({ userId: agent.id });
    expect(await bed.database.fork().count(Session, { user: agent.id })).toBe(0);
    const { caller } = anonymousWithJar();
    expect((await refusal(caller.auth.signIn({ email: 'agent@b.test', password: TEST_PASSWORD })))?.code).toBe('UNAUTHORIZED');
    await adminOfB.brandUsers.reactivate({ userId: agent.id });
    expect((await caller.auth.signIn({ email: 'agent@b.test', password: TEST_PASSWORD })).user.status).toBe('active');
  });

  it('me returns the user, the brand with its account manager, and the CSRF token', async () => {
    const me = await bed.callerFor(bed.world.brandUsers.A.brand_agent).auth.me();
    expect(me.user.role).toBe('brand_agent');
    expect(me.brand?.name).toBe('Brand A');
    expect(me.brand?.accountManager?.email).toBe('am@staff.test');
    expect(me.csrfToken).toBeTruthy();
  });

  it('sign-out deletes the session so the token no longer works', async () => {
    const { caller, jar } = anonymousWithJar();
    await caller.auth.signIn({ email: 'lead@staff.test', password: TEST_PASSWORD });
    const em = bed.database.fork();
    const before = await em.count(Session, { user: bed.world.staff.leadership.id });
    const { resolveSession } = await import('@jf/db');
    const session = await resolveSession(em, jar.token!, TEST_SESSION_POLICY);
    expect(session).not.toBeNull();
    const signedIn = createCallerFactory(appRouter)(() =>
      createInnerContext({ em: bed.database.fork(), session, sessionPolicy: TEST_SESSION_POLICY, cookies: { set() {}, clear: () => void (jar.token = undefined) } }),
    );
    await signedIn.auth.signOut();
    expect(jar.token).toBeUndefined();
    expect(await bed.database.fork().count(Session, { user: bed.world.staff.leadership.id })).toBe(before - 1);
  });

  it('expires sessions by lifetime and by idleness', async () => {
    const { createSession, resolveSession } = await import('@jf/db');
    const em = bed.database.fork();
    const user = em.getReference(User, bed.world.staff.reviewer.id);
    const start = new Date('2026-01-01T00:00:00Z');
    const policy = { ttlMs: 10 * 3_600_000, idleMs: 3_600_000 };
    const { token } = createSession(em, user, policy, null, start);
    await em.flush();
    expect(await resolveSession(bed.database.fork(), token, policy, new Date(start.getTime() + 30 * 60_000))).not.toBeNull();
    expect(await resolveSession(bed.database.fork(), token, policy, new Date(start.getTime() + 3 * 3_600_000))).toBeNull();
    const { token: second } = createSession(em, user, policy, null, start);
    await em.flush();
    expect(await resolveSession(bed.database.fork(), second, { ...policy, idleMs: 100 * 3_600_000 }, new Date(start.getTime() + 11 * 3_600_000))).toBeNull();
  });

  it('accepts an invitation once, with a policy-compliant password', async () => {
    const { invitePath, user } = await bed.callerFor(bed.world.brandUsers.A.brand_admin).brandUsers.invite({ email: 'new.agent@a.test', name: 'New Agent' });
    const token = new URL(invitePath, 'http://x').searchParams.get('token')!;
    const { caller } = anonymousWithJar();
    const weak = await refusal(caller.auth.acceptInvite({ token, name: 'New Agent', password: 'short' }));
    expect(weak?.code).toBe('BAD_REQUEST');
    expect(await caller.auth.acceptInvite({ token, name: 'Agent Smith', password: 'a long enough password' })).toEqual({ email: 'new.agent@a.test' });
    const again = await refusal(caller.auth.acceptInvite({ token, name: 'Agent Smith', password: 'a long enough password' }));
    expect(again?.code).toBe('NOT_FOUND');
    const signedIn = await caller.auth.signIn({ email: 'new.agent@a.test', password: 'a long enough password' });
    expect(signedIn.user).toMatchObject({ id: user.id, name: 'Agent Smith', brandId: bed.world.brandA.id, role: 'brand_agent' });
  });
});
