import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@jf/db/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from './app';
import { BulkJobRunner } from './services/bulk-notices';
import { createApiTestBed, TEST_PASSWORD, TEST_SESSION_POLICY, type ApiTestBed } from './testing';

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

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  async function signIn(email: string) {
    const response = await post('auth.signIn', { email, password: TEST_PASSWORD }, { 'x-csrf-token': 'anonymous' });
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

  it('requires the session’s own CSRF token on cookie mutations', async () => {
    const { cookie, csrfToken } = await signIn('admin@a.test');
    const invite = { email: 'csrf-test@a.test', name: 'Csrf' };
    const forged = await post('brandUsers.invite', invite, { cookie, 'x-csrf-token': 'guessed' });
    expect(forged.status).toBe(403);
    const missing = await post('brandUsers.invite', invite, { cookie });
    expect(missing.status).toBe(403);
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
});
