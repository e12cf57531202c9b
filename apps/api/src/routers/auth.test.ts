import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent, countSignInAttempt, createSession, hashPassword, resolveSession, Session, SignInThrottle, User } from '@jf/db';
import { testDatabaseKinds } from '@jf/db/testing';
import { ACCOUNT_LOCKOUT, type Role } from '@jf/domain';
import { SignInAddressLimiter } from '../http/sign-in-limiter';
import { createInnerContext } from '../trpc/context';
import { fieldIssuesOf } from '../trpc/errors';
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

  /** A caller with a cookie jar, as the Express adapter would give it; `from` adds a client address and its limiter. */
  function anonymousWithJar(from?: { address: string; limiter: SignInAddressLimiter }) {
    const jar: { token?: string; cleared: boolean } = { cleared: false };
    const caller = createCallerFactory(appRouter)(() =>
      createInnerContext({
        em: bed.database.fork(),
        sessionPolicy: TEST_SESSION_POLICY,
        clientAddress: from?.address,
        signInLimiter: from?.limiter,
        cookies: { set: (token) => void (jar.token = token), clear: () => void (jar.cleared = true) },
      }),
    );
    return { caller, jar };
  }

  /** A caller carrying the cookie `token` (a live session's, or anything a browser might send). */
  function withCookie(token: string) {
    const jar: { token?: string; cleared: boolean } = { token, cleared: false };
    const caller = createCallerFactory(appRouter)(async () => {
      const em = bed.database.fork();
      return createInnerContext({
        em,
        session: await resolveSession(em, token, TEST_SESSION_POLICY),
        sessionPolicy: TEST_SESSION_POLICY,
        cookies: { set: (value) => void (jar.token = value), clear: () => void ((jar.token = undefined), (jar.cleared = true)) },
      });
    });
    return { caller, jar };
  }

  /** A user of its own for a test, so counts and sessions of the shared world stay untouched. */
  async function freshUser(email: string, role: Role = 'reviewer'): Promise<User> {
    const em = bed.database.fork();
    const user = em.create(User, { email, name: email.split('@')[0]!, role, passwordHash: await hashPassword(TEST_PASSWORD) });
    await em.flush();
    return user;
  }

  const stillLive = async (token: string) => (await resolveSession(bed.database.fork(), token, TEST_SESSION_POLICY)) !== null;
  const issuesOf = (error: TRPCError | null) => (error ? fieldIssuesOf(error) : null);

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

  describe('lockout', () => {
    it('locks an account for 15 minutes on the 5th failure, even for the right password, and audits it', async () => {
      const user = await freshUser('locked@staff.test');
      const { caller } = anonymousWithJar();
      const answers: (string | undefined)[] = [];
      for (let i = 0; i < ACCOUNT_LOCKOUT.maxFailures; i++) answers.push((await refusal(caller.auth.signIn({ email: 'locked@staff.test', password: `guess ${i}` })))?.message);
      expect(answers.slice(0, 4)).toEqual(Array(4).fill('Wrong e-mail or password, or the account is not active'));
      expect(answers[4]).toBe('Too many sign-in attempts; try again in 15 minutes');
      const locked = await refusal(caller.auth.signIn({ email: 'locked@staff.test', password: TEST_PASSWORD }));
      expect(locked?.code).toBe('TOO_MANY_REQUESTS');
      expect(locked?.message).toMatch(/^Too many sign-in attempts; try again in 1[45] minutes$/);
      const audits = await bed.database.fork().find(AuditEvent, { action: 'sign_in_locked', entityId: user.id });
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ entityType: 'user', actorId: null, actorLabel: 'anonymous' });
      expect(await bed.database.fork().count(Session, { user: user.id })).toBe(0);
    });

    it('answers an unknown e-mail address exactly like a real one, lockout included', async () => {
      await freshUser('real@staff.test');
      const { caller } = anonymousWithJar();
      const answersFor = async (email: string) => {
        const answers: (string | undefined)[] = [];
        for (let i = 0; i <= ACCOUNT_LOCKOUT.maxFailures; i++) {
          const error = await refusal(caller.auth.signIn({ email, password: `guess ${i}` }));
          answers.push(`${error?.code}: ${error?.message.replace(/1[45] minutes/, 'N minutes')}`);
        }
        return answers;
      };
      const real = await answersFor('real@staff.test');
      expect(real.at(-1)).toBe('TOO_MANY_REQUESTS: Too many sign-in attempts; try again in N minutes');
      const lockouts = await bed.database.fork().count(AuditEvent, { action: 'sign_in_locked' });
      expect(await answersFor('nobody-here@staff.test')).toEqual(real);
      // Unknown addresses leave no audit row: there is no account to attach it to.
      expect(await bed.database.fork().count(AuditEvent, { action: 'sign_in_locked' })).toBe(lockouts);
    });

    it('forgets the failures on a successful sign-in', async () => {
      await freshUser('forgetful@staff.test');
      const { caller } = anonymousWithJar();
      const fail = () => refusal(caller.auth.signIn({ email: 'forgetful@staff.test', password: 'not it at all' }));
      for (let i = 0; i < ACCOUNT_LOCKOUT.maxFailures - 1; i++) await fail();
      await caller.auth.signIn({ email: 'forgetful@staff.test', password: TEST_PASSWORD });
      for (let i = 0; i < ACCOUNT_LOCKOUT.maxFailures - 1; i++) expect((await fail())?.code).toBe('UNAUTHORIZED');
      expect((await caller.auth.signIn({ email: 'forgetful@staff.test', password: TEST_PASSWORD })).user.email).toBe('forgetful@staff.test');
    });

    it('lifts the lock after 15 minutes, and counts concurrent attempts without losing any', async () => {
      const em = bed.database.fork();
      const start = new Date('2026-05-01T10:00:00Z');
      const attempts = await Promise.all(Array.from({ length: 8 }, () => countSignInAttempt(bed.database.fork(), 'parallel@staff.test', start)));
      expect(attempts.filter((attempt) => !attempt.refused)).toHaveLength(ACCOUNT_LOCKOUT.maxFailures);
      expect(attempts.filter((attempt) => !attempt.refused && attempt.lockedNow)).toHaveLength(1);
      expect(await countSignInAttempt(em, 'parallel@staff.test', new Date(start.getTime() + 14 * 60_000))).toEqual({ refused: true, retryAfterMs: 60_000 });
      expect(await countSignInAttempt(em, 'parallel@staff.test', new Date(start.getTime() + 15 * 60_000))).toEqual({ refused: false, lockedNow: false });
      // Rows whose window and lock are over are pruned when new addresses are counted.
      await countSignInAttempt(em, 'someone-else@staff.test', new Date(start.getTime() + 60 * 60_000));
      expect(await bed.database.fork().count(SignInThrottle, { expiresAt: { $lt: new Date(start.getTime() + 60 * 60_000) } })).toBe(0);
    });

    it('limits attempts per client address, counting each call and giving successes back', async () => {
      const limiter = new SignInAddressLimiter({ maxAttempts: 3, windowMs: 15 * 60_000 });
      const office = anonymousWithJar({ address: '203.0.113.7', limiter }).caller;
      for (let i = 0; i < 5; i++) await office.auth.signIn({ email: 'admin@a.test', password: TEST_PASSWORD });
      for (let i = 0; i < 3; i++) expect((await refusal(office.auth.signIn({ email: `spray-${i}@a.test`, password: 'guess guess' })))?.code).toBe('UNAUTHORIZED');
      const limited = await refusal(office.auth.signIn({ email: 'admin@a.test', password: TEST_PASSWORD }));
      expect(limited?.code).toBe('TOO_MANY_REQUESTS');
      expect(limited?.message).toBe('Too many sign-in attempts; try again in 15 minutes');
      // The same IPv4 address written as IPv6, and another host of the same /64, count as the same client.
      expect((await refusal(anonymousWithJar({ address: '::ffff:203.0.113.7', limiter }).caller.auth.signIn({ email: 'admin@a.test', password: TEST_PASSWORD })))?.code).toBe('TOO_MANY_REQUESTS');
      const elsewhere = anonymousWithJar({ address: '198.51.100.2', limiter }).caller;
      expect((await elsewhere.auth.signIn({ email: 'admin@a.test', password: TEST_PASSWORD })).user.email).toBe('admin@a.test');
    });
  });

  describe('sessions', () => {
    it('rotates on sign-in: a new token every time, and the session the browser held ends', async () => {
      await freshUser('rotating@staff.test');
      const { caller, jar } = anonymousWithJar();
      const { csrfToken } = await caller.auth.signIn({ email: 'rotating@staff.test', password: TEST_PASSWORD });
      const first = jar.token!;
      const again = withCookie(first);
      const second = await again.caller.auth.signIn({ email: 'rotating@staff.test', password: TEST_PASSWORD });
      expect(again.jar.token).toBeDefined();
      expect(again.jar.token).not.toBe(first);
      expect(await stillLive(first)).toBe(false);
      expect(await stillLive(again.jar.token!)).toBe(true);
      expect(second.csrfToken).not.toBe(csrfToken);
      expect((await bed.database.fork().findOneOrFail(User, { email: 'rotating@staff.test' })).lastSignInAt).toBeInstanceOf(Date);
    });

    it('never adopts a token the browser brought: a planted cookie stays unknown', async () => {
      await freshUser('planted@staff.test');
      const planted = 'attacker-chosen-token-aaaaaaaaaaaaaaaaaaaaaaaaa';
      const { caller, jar } = withCookie(planted);
      await caller.auth.signIn({ email: 'planted@staff.test', password: TEST_PASSWORD });
      expect(jar.token).not.toBe(planted);
      expect(await stillLive(planted)).toBe(false);
      expect(await stillLive(jar.token!)).toBe(true);
    });

    it('refuses and deletes a session idle for longer than the timeout, and touches lastSeenAt at most once a minute', async () => {
      const em = bed.database.fork();
      const user = em.getReference(User, bed.world.staff.account_manager.id);
      const start = new Date('2026-01-01T00:00:00Z');
      const policy = { ttlMs: 10 * 3_600_000, idleMs: 30 * 60_000 };
      const { token, session } = createSession(em, user, policy, null, start);
      await em.flush();
      const lastSeen = async () => (await bed.database.fork().findOneOrFail(Session, { tokenHash: session.tokenHash })).lastSeenAt.getTime();
      const after = (ms: number) => new Date(start.getTime() + ms);
      expect(await resolveSession(bed.database.fork(), token, policy, after(30_000))).not.toBeNull();
      expect(await lastSeen()).toBe(start.getTime());
      expect(await resolveSession(bed.database.fork(), token, policy, after(25 * 60_000))).not.toBeNull();
      expect(await lastSeen()).toBe(after(25 * 60_000).getTime());
      // 25 minutes idle since the touch: still live. Then 31 minutes: refused and gone.
      expect(await resolveSession(bed.database.fork(), token, policy, after(50 * 60_000))).not.toBeNull();
      expect(await resolveSession(bed.database.fork(), token, policy, after(81 * 60_000 + 1))).toBeNull();
      expect(await bed.database.fork().count(Session, { tokenHash: session.tokenHash })).toBe(0);
    });

    it('signs out everywhere: every session of the user ends, other users keep theirs', async () => {
      const user = await freshUser('everywhere@staff.test');
      const laptop = anonymousWithJar();
      const phone = anonymousWithJar();
      await laptop.caller.auth.signIn({ email: 'everywhere@staff.test', password: TEST_PASSWORD });
      await phone.caller.auth.signIn({ email: 'everywhere@staff.test', password: TEST_PASSWORD });
      const bystander = await bed.callerFor(bed.world.staff.leadership).auth.me();
      const others = await bed.database.fork().count(Session, { user: { $ne: user.id } });
      const fromLaptop = withCookie(laptop.jar.token!);
      expect(await fromLaptop.caller.auth.signOutEverywhere()).toEqual({ sessionsEnded: 2 });
      expect(fromLaptop.jar.cleared).toBe(true);
      expect(await stillLive(phone.jar.token!)).toBe(false);
      expect((await refusal(withCookie(phone.jar.token!).caller.auth.me()))?.code).toBe('UNAUTHORIZED');
      expect(await bed.database.fork().count(Session, { user: user.id })).toBe(0);
      expect(await bed.database.fork().count(Session, { user: { $ne: user.id } })).toBe(others);
      expect(bystander.user.email).toBe('lead@staff.test');
      expect(await bed.database.fork().count(AuditEvent, { action: 'signed_out_everywhere', entityId: user.id })).toBe(1);
    });

    it('ends the sessions of a staff member who is deactivated', async () => {
      const user = await freshUser('leaving@staff.test');
      const { caller, jar } = anonymousWithJar();
      await caller.auth.signIn({ email: 'leaving@staff.test', password: TEST_PASSWORD });
      await bed.callerFor(bed.world.staff.platform_admin).admin.staff.update({ id: user.id, status: 'deactivated' });
      expect(await bed.database.fork().count(Session, { user: user.id })).toBe(0);
      expect(await stillLive(jar.token!)).toBe(false);
    });
  });

  describe('password policy', () => {
    it('refuses common passwords and the e-mail address when accepting an invitation, naming the field', async () => {
      const { invitePath } = await bed.callerFor(bed.world.brandUsers.A.brand_admin).brandUsers.invite({ email: 'policy.agent@a.test', name: 'Policy Agent' });
      const token = new URL(invitePath, 'http://x').searchParams.get('token')!;
      const { caller } = anonymousWithJar();
      const common = await refusal(caller.auth.acceptInvite({ token, name: 'Policy Agent', password: 'Password1234' }));
      expect(common?.code).toBe('BAD_REQUEST');
      expect(issuesOf(common)).toEqual({ password: ['is one of the most common passwords; choose another'] });
      const ownEmail = await refusal(caller.auth.acceptInvite({ token, name: 'Policy Agent', password: 'Policy.Agent@a.test' }));
      expect(ownEmail?.code).toBe('BAD_REQUEST');
      expect(issuesOf(ownEmail)).toEqual({ password: ['must not be your e-mail address'] });
      expect(await caller.auth.acceptInvite({ token, name: 'Policy Agent', password: 'a sentence nobody guesses' })).toEqual({ email: 'policy.agent@a.test' });
    });

    it('refuses the same when a platform admin creates a staff account', async () => {
      const admin = bed.callerFor(bed.world.staff.platform_admin);
      const input = { email: 'policy.reviewer@staff.test', name: 'Policy Reviewer', role: 'reviewer' } as const;
      const ownEmail = await refusal(admin.admin.staff.create({ ...input, password: 'policy.reviewer@staff.test' }));
      expect(issuesOf(ownEmail)).toEqual({ password: ['must not be your e-mail address'] });
      const common = await refusal(admin.admin.staff.create({ ...input, password: 'qwerty123456' }));
      expect(issuesOf(common)).toEqual({ password: ['is one of the most common passwords; choose another'] });
      expect(await bed.database.fork().count(User, { email: input.email })).toBe(0);
    });
  });
});
