import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUnavailableReason, Notice, Session } from '@jf/db';
import { testDatabaseKinds } from '@jf/db/testing';
import { createApiTestBed, TEST_PASSWORD, type ApiTestBed } from '../testing';
import { startTestServer } from '../testing/http';

/**
 * A database that cannot be reached or cannot take writes is a 503 with a readable JSON message on
 * every surface (tRPC queries and mutations, the context's session lookup, the file routes, /health),
 * never a 500. The soak (`npm run soak`) stops a real PostgreSQL server under load; here a closed
 * connection pool and a SQLite connection switched to read-only stand in for it.
 */

interface SignedIn {
  cookie: string;
  csrf: string;
}

async function signIn(base: string, email: string): Promise<SignedIn> {
  const response = await fetch(`${base}/trpc/auth.signIn`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': 'x' }, body: JSON.stringify({ email, password: TEST_PASSWORD }) });
  const { result } = (await response.json()) as { result: { data: { csrfToken: string } } };
  return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, csrf: result.data.csrfToken };
}

/** A notice of brand A over HTTP, as the portal sends it (a batch of one). */
const submitNotice = (base: string, session: SignedIn, bed: ApiTestBed, listing: number) =>
  fetch(`${base}/trpc/notices.submit?batch=1`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: JSON.stringify({ 0: { ipRightId: bed.world.rights.A.id, reason: 'counterfeit', evidence: 'Logo differs from the genuine one.', listingIds: [bed.world.listings[listing]!.id], idempotencyKey: `unavailable-${listing}` } }),
  });

type TrpcError = { error: { message: string; data: { code: string; httpStatus: number; domainCode: string | null } } };
type FileRouteError = { error: { code: string; message: string } };

async function expect503(response: Response, message: RegExp): Promise<void> {
  expect(response.status).toBe(503);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as TrpcError[] | TrpcError | FileRouteError;
  // tRPC answers a batch with an array, or with one error when the context (the session lookup) failed.
  const error = (Array.isArray(body) ? body[0]! : body).error;
  if ('data' in error) {
    expect(error.data).toMatchObject({ code: 'SERVICE_UNAVAILABLE', httpStatus: 503, domainCode: 'service_unavailable' });
  } else {
    expect(error.code).toBe('service_unavailable');
  }
  expect(error.message).toMatch(message);
}

describe('databaseUnavailableReason', () => {
  it('names connection failures, PostgreSQL shutdowns and SQLite write failures, and nothing else', () => {
    const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });
    expect(databaseUnavailableReason(coded('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'))).toMatch(/unavailable/);
    expect(databaseUnavailableReason(coded('57P01', 'terminating connection due to administrator command'))).toMatch(/unavailable/);
    expect(databaseUnavailableReason(coded('08006'))).toMatch(/unavailable/);
    expect(databaseUnavailableReason(new Error('Connection terminated unexpectedly'))).toMatch(/unavailable/);
    expect(databaseUnavailableReason(new Error('outer', { cause: coded('ECONNRESET') }))).toMatch(/unavailable/);
    expect(databaseUnavailableReason(coded('SQLITE_READONLY', 'attempt to write a readonly database'))).toMatch(/read-only/);
    expect(databaseUnavailableReason(coded('SQLITE_FULL', 'database or disk is full'))).toMatch(/disk is full/);
    expect(databaseUnavailableReason(coded('23505', 'duplicate key'))).toBeNull();
    expect(databaseUnavailableReason(new Error('boom'))).toBeNull();
    expect(databaseUnavailableReason('ECONNREFUSED')).toBeNull();
  });
});

describe.each(testDatabaseKinds())('a database that has gone away, on %s', (kind) => {
  let bed: ApiTestBed;
  let server: { base: string; close(): void };
  let session: SignedIn;

  beforeAll(async () => {
    bed = await createApiTestBed(kind);
    server = await startTestServer(bed);
    session = await signIn(server.base, 'admin@a.test');
    expect((await submitNotice(server.base, session, bed, 0)).status).toBe(200);
    // Every connection of the pool closes, as when the server is stopped under the API.
    await bed.database.orm.close(true);
  });
  afterAll(async () => {
    server?.close();
    // The pool is closed already; reconnect so the test database can be dropped.
    await bed?.database.orm.reconnect();
    await bed?.destroy();
  });

  it('answers tRPC queries, mutations and the session lookup with a 503 naming the database', async () => {
    await expect503(await fetch(`${server.base}/trpc/brand.mine?batch=1&input=${encodeURIComponent('{"0":null}')}`, { headers: { cookie: session.cookie } }), /database is unavailable/);
    await expect503(await submitNotice(server.base, session, bed, 1), /database is unavailable.*nothing was changed/);
    // Signing in checks the database first.
    await expect503(await fetch(`${server.base}/trpc/auth.signIn`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': 'x' }, body: JSON.stringify({ email: 'admin@a.test', password: TEST_PASSWORD }) }), /database is unavailable/);
  });

  it('answers the file routes with a 503 in JSON, and /health says unavailable', async () => {
    await expect503(await fetch(`${server.base}/api/documents/0190a0b0-c0d0-7e00-8f00-000000000000`, { headers: { cookie: session.cookie } }), /database is unavailable/);
    await expect503(await fetch(`${server.base}/api/audit-events.csv`, { headers: { cookie: session.cookie } }), /database is unavailable/);
    const health = await fetch(`${server.base}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unavailable' });
  });
});

describe('a SQLite database that cannot take writes', () => {
  let bed: ApiTestBed;
  let server: { base: string; close(): void };
  let session: SignedIn;

  beforeAll(async () => {
    bed = await createApiTestBed('sqlite');
    server = await startTestServer(bed);
    session = await signIn(server.base, 'admin@a.test');
    // Last seen minutes ago: the next request wants to record it, which the database now refuses.
    await bed.database.fork().nativeUpdate(Session, {}, { lastSeenAt: new Date(Date.now() - 5 * 60_000) });
    // Writes fail as they do on a read-only file (SQLITE_READONLY); reads go on.
    await bed.database.fork().getConnection().execute('pragma query_only = on');
  });
  afterAll(async () => {
    server?.close();
    await bed?.destroy();
  });

  it('refuses a notice with a 503 saying so, stores nothing, and keeps answering reads', async () => {
    const read = await fetch(`${server.base}/trpc/brand.mine?batch=1&input=${encodeURIComponent('{"0":null}')}`, { headers: { cookie: session.cookie } });
    expect(read.status).toBe(200);
    await expect503(await submitNotice(server.base, session, bed, 2), /read-only.*nothing was changed/);
    await bed.database.fork().getConnection().execute('pragma query_only = off');
    expect(await bed.database.fork().count(Notice, {})).toBe(0);
  });
});
