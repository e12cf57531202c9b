import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@jf/db/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { User } from '@jf/db';
import { createApp } from './app';
import { BulkJobRunner } from './services/bulk-notices';
import { createApiTestBed, TEST_PASSWORD, TEST_SESSION_POLICY, type ApiTestBed } from './testing';
import { startTestServer } from './testing/http';

type ErrorBody = { error: { message: string; data: { code: string; httpStatus: number; domainCode: string | null } } };

/** The real Express app over real HTTP: cookies, CSRF, error bodies and headers. */
describe.each(testDatabaseKinds())('HTTP surface on %s', (kind) => {
  let bed: ApiTestBed;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    bed = await createApiTestBed(kind);
    const logger = pino({ level: 'silent' });
    const uploadDir = mkdtempSync(join(tmpdir(), 'jf-uploads-'));
    const app = createApp({ database: bed.database, logger, sessionPolicy: TEST_SESSION_POLICY, cookieSecure: false, uploadDir, bulkRunner: new BulkJobRunner(bed.database, logger) });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await bed.destroy();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}, at = base) =>
    fetch(`${at}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  async function signIn(email: string, at = base) {
    const response = await post('auth.signIn', { email, password: TEST_PASSWORD }, { 'x-csrf-token': 'anonymous' }, at);
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie')!;
    const { result } = (await response.json()) as { result: { data: { csrfToken: string } } };
    return { cookie: cookie.split(';')[0]!, setCookie: cookie, csrfToken: result.data.csrfToken };
  }

  it('reports health with the database kind', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: kind });
  });

  it('sets an httpOnly SameSite session cookie and secure headers', async () => {
    const { setCookie } = await signIn('lead@staff.test');
    expect(setCookie).toMatch(/^jf_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const response = await fetch(`${base}/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('refuses anonymous mutations without the CSRF header', async () => {
    const response = await post('auth.signIn', { email: 'lead@staff.test', password: TEST_PASSWORD });
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('requires the session’s own CSRF token on cookie mutations, refusing with a typed 403 that changes nothing', async () => {
    const { cookie, csrfToken } = await signIn('admin@a.test');
    const invite = { email: 'csrf-test@a.test', name: 'Csrf' };
    const forged = await post('brandUsers.invite', invite, { cookie, 'x-csrf-token': 'guessed' });
    expect(forged.status).toBe(403);
    const missing = await post('brandUsers.invite', invite, { cookie });
    expect(missing.status).toBe(403);
    // Another session's token is as wrong as a guessed one.
    const other = await signIn('agent@a.test');
    const borrowed = await post('brandUsers.invite', invite, { cookie, 'x-csrf-token': other.csrfToken });
    expect(borrowed.status).toBe(403);
    for (const refused of [forged, missing, borrowed]) {
      const { error } = (await refused.json()) as ErrorBody;
      expect(error.data).toMatchObject({ code: 'FORBIDDEN', httpStatus: 403, domainCode: 'forbidden' });
      expect(error.message).toBe('Missing or invalid CSRF token; reload the page and try again');
    }
    expect(await bed.database.fork().count(User, { email: invite.email })).toBe(0);
    const genuine = await post('brandUsers.invite', invite, { cookie, 'x-csrf-token': csrfToken });
    expect(genuine.status).toBe(200);
  });

  it('reads queries with the cookie alone', async () => {
    const { cookie } = await signIn('agent@a.test');
    const response = await fetch(`${base}/trpc/brand.mine`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const { result } = (await response.json()) as { result: { data: { name: string } } };
    expect(result.data.name).toBe('Brand A');
    expect((await fetch(`${base}/trpc/brand.mine`)).status).toBe(401);
  });

  it('answers bad input with 400, a readable message and the fields at fault', async () => {
    const response = await post('auth.signIn', { email: 'nope', password: '' }, { 'x-csrf-token': 'anonymous' });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { message: string; data: { domainCode: string; fieldIssues: Record<string, string[]> } } };
    expect(error.data.domainCode).toBe('validation');
    expect(Object.keys(error.data.fieldIssues).sort()).toEqual(['email', 'password']);
    expect(error.message).toMatch(/email: must be a valid e-mail address/);
  });

  it('answers malformed JSON and unknown procedures without a 500', async () => {
    const malformed = await fetch(`${base}/trpc/auth.signIn`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': 'x' }, body: '{"email":' });
    expect(malformed.status).toBeLessThan(500);
    expect(malformed.status).toBeGreaterThanOrEqual(400);
    const unknown = await fetch(`${base}/trpc/admin.nothing`);
    expect(unknown.status).toBe(404);
    const route = await fetch(`${base}/no/such/route`);
    expect(route.status).toBe(404);
    expect(await route.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('sends the secure headers on pages and API answers alike', async () => {
    for (const response of [await fetch(`${base}/health`), await fetch(`${base}/trpc/auth.me`), await fetch(`${base}/portal/`)]) {
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      // Served over plain HTTP here (COOKIE_SECURE=false): no HSTS, no Secure cookie.
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
    expect((await signIn('lead@staff.test')).setCookie).not.toMatch(/;\s*Secure/i);
  });

  it('marks the cookie Secure and sends HSTS when served over HTTPS', async () => {
    const https = await startTestServer(bed, { cookieSecure: true });
    try {
      const { setCookie } = await signIn('lead@staff.test', https.base);
      expect(setCookie).toMatch(/;\s*Secure/i);
      expect(setCookie).toMatch(/;\s*HttpOnly/i);
      expect(setCookie).toMatch(/;\s*SameSite=Lax/i);
      expect(setCookie).toMatch(/;\s*Path=\//i);
      expect((await fetch(`${https.base}/health`)).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    } finally {
      https.close();
    }
  });

  it('gives a new cookie on every sign-in; the one sent along stops working', async () => {
    const planted = await post('auth.signIn', { email: 'admin@b.test', password: TEST_PASSWORD }, { cookie: 'jf_session=planted-by-someone-else', 'x-csrf-token': 'x' });
    const first = planted.headers.get('set-cookie')!.split(';')[0]!;
    expect(first).toMatch(/^jf_session=/);
    expect(first).not.toBe('jf_session=planted-by-someone-else');
    const { result } = (await planted.json()) as { result: { data: { csrfToken: string } } };
    const again = await post('auth.signIn', { email: 'admin@b.test', password: TEST_PASSWORD }, { cookie: first, 'x-csrf-token': result.data.csrfToken });
    const second = again.headers.get('set-cookie')!.split(';')[0]!;
    expect(second).not.toBe(first);
    expect((await fetch(`${base}/trpc/brand.mine`, { headers: { cookie: first } })).status).toBe(401);
    expect((await fetch(`${base}/trpc/brand.mine`, { headers: { cookie: second } })).status).toBe(200);
  });

  it('answers a locked account with 429 and says when to try again', async () => {
    const attempt = (password: string) => post('auth.signIn', { email: 'am2@staff.test', password }, { 'x-csrf-token': 'x' });
    for (let i = 0; i < 4; i++) expect((await attempt(`wrong ${i}`)).status).toBe(401);
    for (const password of ['wrong again', TEST_PASSWORD]) {
      const locked = await attempt(password);
      expect(locked.status).toBe(429);
      const { error } = (await locked.json()) as ErrorBody;
      expect(error.data).toMatchObject({ code: 'TOO_MANY_REQUESTS', domainCode: 'rate_limited' });
      expect(error.message).toMatch(/^Too many sign-in attempts; try again in 1[45] minutes$/);
      expect(locked.headers.get('set-cookie')).toBeNull();
    }
  });

  it('limits sign-ins per client address, the forwarded one behind a local proxy', async () => {
    const limited = await startTestServer(bed, { signInAddressLimit: { maxAttempts: 2, windowMs: 15 * 60_000 } });
    try {
      const attempt = (email: string, headers: Record<string, string> = {}) =>
        post('auth.signIn', { email, password: 'not the password' }, { 'x-csrf-token': 'x', ...headers }, limited.base);
      expect((await attempt('one@spray.test')).status).toBe(401);
      expect((await attempt('two@spray.test')).status).toBe(401);
      const refused = await attempt('three@spray.test');
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as ErrorBody).error.message).toBe('Too many sign-in attempts; try again in 15 minutes');
      // A proxy on this host forwards another client: counted apart.
      expect((await attempt('three@spray.test', { 'x-forwarded-for': '198.51.100.23' })).status).toBe(401);
    } finally {
      limited.close();
    }
  });

  it('keeps passwords, cookies, CSRF tokens, API keys and invitation tokens out of the log', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logged = await startTestServer(bed, { logger: pino({ level: 'trace' }, sink) });
    try {
      const wrongPassword = 'my-other-secret-password';
      await post('auth.signIn', { email: 'admin@a.test', password: wrongPassword }, { 'x-csrf-token': 'x' }, logged.base);
      const { cookie, csrfToken } = await signIn('admin@a.test', logged.base);
      const invited = await post('brandUsers.invite', { email: 'logged-invite@a.test', name: 'Logged' }, { cookie, 'x-csrf-token': csrfToken }, logged.base);
      const { result } = (await invited.json()) as { result: { data: { invitePath: string } } };
      const inviteToken = new URL(result.data.invitePath, 'http://x').searchParams.get('token')!;
      await fetch(`${logged.base}${result.data.invitePath}`);
      const { secret } = await bed.callerFor(bed.world.staff.platform_admin).admin.apiKeys.createMarketplaceKey({ marketplaceCode: 'taobao', name: 'Logged key' });
      await fetch(`${logged.base}/api/v1/marketplace/counter-notices`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ externalId: 'x' }),
      });
      await fetch(`${logged.base}/trpc/auth.me`, { headers: { cookie } });

      const log = lines.join('');
      // The requests were logged, with their headers…
      expect(log).toContain('/trpc/auth.signIn');
      expect(log).toContain('/api/v1/marketplace/counter-notices');
      expect(log).toContain('/portal/accept-invite?token=[Redacted]');
      expect(log).toContain('"authorization":"[Redacted]"');
      expect(log).toContain('"cookie":"[Redacted]"');
      // …and none of the secrets they carried.
      for (const secretValue of [TEST_PASSWORD, wrongPassword, cookie.split('=')[1]!, csrfToken, secret, 'Bearer', inviteToken]) {
        expect(log, `the log holds ${secretValue.slice(0, 8)}…`).not.toContain(secretValue);
      }
    } finally {
      logged.close();
    }
  });
});
