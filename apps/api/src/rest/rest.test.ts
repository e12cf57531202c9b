import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { AuditEvent, AuthRequest, Listing, Notice, Seller } from '@jf/db';
import { testDatabaseKinds } from '@jf/db/testing';
import { createApiTestBed, type ApiTestBed } from '../testing';
import { startTestServer } from '../testing/http';
import { openApiDocument } from './http';

/** Every answer the tests receive, checked against the OpenAPI document at the end. */
const seen: { kind: string; method: string; path: string; status: number; body: unknown }[] = [];

describe.each(testDatabaseKinds())('REST /api/v1 on %s', (kind) => {
  let bed: ApiTestBed;
  let base: string;
  let close: () => void;
  let full: string;
  let readOnly: string;
  let marketplaceKey: string;
  let counter = 0;
  beforeAll(async () => {
    bed = await createApiTestBed(kind);
    ({ base, close } = await startTestServer(bed, { apiCallsPerMinute: 1000 }));
    const adminA = bed.callerFor(bed.world.brandUsers.A.brand_admin);
    full = (await adminA.apiKeys.create({ name: 'Vendor tool', scopes: ['read', 'file_notices', 'answer_auth_requests'] })).secret;
    readOnly = (await adminA.apiKeys.create({ name: 'Reporting', scopes: ['read'] })).secret;
    marketplaceKey = (await bed.callerFor(bed.world.staff.platform_admin).admin.apiKeys.createMarketplaceKey({ marketplaceCode: 'taobao', name: 'Taobao', scopes: ['counter_notices', 'listings'] })).secret;
  });
  afterAll(async () => {
    close();
    await bed.destroy();
  });

  async function call(method: 'GET' | 'POST', path: string, key: string | null, body?: unknown, brandId?: string) {
    const response = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(key ? { authorization: `Bearer ${key}` } : {}), ...(brandId ? { 'x-brand-id': brandId } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    seen.push({ kind, method, path: path.split('?')[0]!, status: response.status, body: json });
    return { status: response.status, body: json, headers: response.headers };
  }
  const notice = (listings: { marketplace: string; listingId: string }[], extra: Record<string, unknown> = {}) => ({
    ipRightId: bed.world.rights.A.id,
    reason: 'counterfeit',
    evidence: 'Test purchase shows a fake',
    listings,
    idempotencyKey: `rest-${kind}-${++counter}-key`,
    ...extra,
  });

  it('serves its OpenAPI document and browsable docs', async () => {
    const document = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/ip-rights', '/notices', '/notices/{id}', '/auth-requests', '/auth-requests/answer', '/removals', '/appeals', '/marketplace/counter-notices', '/marketplace/listings']));
    const docs = await fetch(`${base}/api/v1/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger-ui');
    expect((await fetch(`${base}/api/v1/docs/assets/swagger-ui-bundle.js`)).status).toBe(200);
  });

  it('files a notice by marketplace listing ids, once per idempotency key, and reports its items', async () => {
    const body = notice([{ marketplace: 'taobao', listingId: 'TB-1' }, { marketplace: 'taobao', listingId: 'TB-2' }]);
    const filed = await call('POST', '/notices', full, body);
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ replayed: false, notice: { itemCount: 2, reason: 'counterfeit' } });
    const again = await call('POST', '/notices', full, body);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ replayed: true, notice: { id: (filed.body.notice as { id: string }).id } });
    expect(await bed.database.fork().count(Notice, { idempotencyKey: body.idempotencyKey })).toBe(1);
    const detail = await call('GET', `/notices/${(filed.body.notice as { id: string }).id}`, readOnly);
    expect(detail.status).toBe(200);
    expect((detail.body.items as { listingId: string; state: string }[]).map((item) => item.listingId).sort()).toEqual(['TB-1', 'TB-2']);
  });

  it('names the field at fault and stores nothing for a bad notice', async () => {
    const before = await bed.database.fork().count(Notice, {});
    const unknown = await call('POST', '/notices', full, notice([{ marketplace: 'taobao', listingId: 'TB-3' }, { marketplace: 'taobao', listingId: 'NOPE' }]));
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'BAD_REQUEST', data: { fieldIssues: { 'listings.1': [expect.stringMatching(/not a listing/)] } } });
    const taken = await call('POST', '/notices', full, notice([{ marketplace: 'taobao', listingId: 'TB-3' }, { marketplace: 'taobao', listingId: 'TB-1' }]));
    expect(taken.status).toBe(400);
    expect(Object.keys((taken.body.data as { fieldIssues: Record<string, unknown> }).fieldIssues)).toEqual(['listings.1']);
    const malformed = await call('POST', '/notices', full, { ...notice([]), reason: 'because' });
    expect(malformed.status).toBe(400);
    expect(Object.keys((malformed.body.data as { fieldIssues: Record<string, unknown> }).fieldIssues).sort()).toEqual(['listings', 'reason']);
    expect(await bed.database.fork().count(Notice, {})).toBe(before);
  });

  it('pages with a cursor, newest first, and refuses a forged cursor', async () => {
    await call('POST', '/notices', full, notice([{ marketplace: 'taobao', listingId: 'TB-4' }]));
    const first = await call('GET', '/notices?limit=1', readOnly);
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call('GET', `/notices?limit=1&cursor=${first.body.nextCursor}`, readOnly);
    expect((second.body.data as { id: string }[])[0]!.id).not.toBe((first.body.data as { id: string }[])[0]!.id);
    const all = await call('GET', '/notices?limit=200', readOnly);
    expect(all.body.nextCursor).toBeNull();
    const forged = await call('GET', '/notices?cursor=not-a-cursor', readOnly);
    expect(forged.status).toBe(400);
    expect(forged.body).toMatchObject({ data: { fieldIssues: { cursor: [expect.any(String)] } } });
  });

  it('keeps keys to their scopes, their brand and their kind', async () => {
    expect((await call('POST', '/notices', readOnly, notice([{ marketplace: 'taobao', listingId: 'TB-5' }]))).status).toBe(403);
    expect((await call('POST', '/auth-requests/answer', readOnly, { ids: [crypto.randomUUID()], answer: 'genuine', reason: 'fine' })).status).toBe(403);
    // Brand B's notice is not brand A's to read.
    const { notice: foreign } = await bed.callerFor(bed.world.brandUsers.B.brand_admin).notices.submit({
      ipRightId: bed.world.rights.B.id,
      reason: 'counterfeit',
      evidence: 'B evidence',
      listingIds: [bed.world.listings[7]!.id],
      idempotencyKey: `rest-${kind}-foreign`,
    });
    expect((await call('GET', `/notices/${foreign.id}`, full)).status).toBe(404);
    expect(((await call('GET', '/notices?limit=200', full)).body.data as { id: string }[]).map((row) => row.id)).not.toContain(foreign.id);
    // A marketplace key cannot touch brand endpoints, nor a brand key marketplace ones.
    expect((await call('GET', '/ip-rights', marketplaceKey)).status).toBe(403);
    expect((await call('POST', '/marketplace/listings', full, { listings: [] })).status).toBe(403);
    expect((await call('GET', '/ip-rights', null)).status).toBe(401);
    const rights = await call('GET', '/ip-rights', readOnly);
    expect((rights.body.data as { id: string }[]).map((right) => right.id)).toEqual([bed.world.rights.A.id]);
  });

  it('answers authentication requests: counterfeit removes at once', async () => {
    const em = bed.database.fork();
    const listing = await em.findOneOrFail(Listing, { externalId: 'TB-6' });
    const request = em.create(AuthRequest, { brand: bed.world.brandA.id, marketplace: 'taobao', listing, signals: { score: 0.6 }, score: 0.6, dueAt: new Date(Date.now() + 86_400_000) });
    await em.flush();
    const open = await call('GET', '/auth-requests?state=open', readOnly);
    expect((open.body.data as { id: string }[]).map((row) => row.id)).toContain(request.id);
    const answered = await call('POST', '/auth-requests/answer', full, { ids: [request.id], answer: 'counterfeit', reason: 'Logo is wrong' });
    expect(answered.status).toBe(200);
    expect(answered.body.answered).toEqual([expect.objectContaining({ id: request.id, state: 'answered', answer: 'counterfeit' })]);
    const removals = await call('GET', '/removals?source=authentication', readOnly);
    expect((removals.body.data as { listingId: string }[]).map((row) => row.listingId)).toContain('TB-6');
  });

  it('takes a marketplace’s listing batch idempotently, and counter-notices', async () => {
    const batch = {
      sellers: [{ externalId: 'S-NEW', name: 'New Shop', registeredAt: '2026-01-01T00:00:00.000Z' }],
      listings: [{ externalId: `TB-PUSH-${kind}`, sellerExternalId: 'S-NEW', title: 'Pushed listing', priceCents: 1999, currency: 'CNY', category: 'bags', images: [], status: 'active', listedAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' }],
    };
    const first = await call('POST', '/marketplace/listings', marketplaceKey, batch);
    expect(first.body).toMatchObject({ inserted: 1, sellersCreated: 1 });
    expect((await call('POST', '/marketplace/listings', marketplaceKey, batch)).body).toMatchObject({ inserted: 0, updated: 0, sellersCreated: 0 });
    // The shop is renamed on the marketplace: the next batch says so.
    await call('POST', '/marketplace/listings', marketplaceKey, { ...batch, sellers: [{ ...batch.sellers[0], name: 'New Shop (renamed)' }] });
    expect((await bed.database.fork().findOneOrFail(Seller, { externalId: 'S-NEW' })).name).toBe('New Shop (renamed)');
    const invalid = await call('POST', '/marketplace/listings', marketplaceKey, { listings: [{ ...batch.listings[0], currency: 'yuan' }] });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ data: { fieldIssues: { 'listings.0.currency': [expect.any(String)] } } });
    const unknown = await call('POST', '/marketplace/counter-notices', marketplaceKey, { externalId: `CN-${kind}`, listingExternalId: 'NOPE', statement: 'These goods are genuine, invoices attached.', evidence: [] });
    expect(unknown.status).toBe(400);
  });

  it('files a bulk notice as a job: good rows go through, each bad row gets its error, the same key twice is one job', async () => {
    const body = {
      ipRightId: bed.world.rights.A.id,
      reason: 'counterfeit',
      evidence: 'Test purchases of the whole batch',
      listings: [
        { marketplace: 'taobao', listingId: `TB-PUSH-${kind}` },
        { marketplace: 'taobao', listingId: 'NOPE' },
        { marketplace: 'taobao', listingId: 'TB-1' },
      ],
      idempotencyKey: `bulk-${kind}-1`,
    };
    const accepted = await call('POST', '/notices/bulk', full, body);
    expect(accepted.status).toBe(202);
    const jobId = (accepted.body as { jobId: string }).jobId;
    expect((await call('POST', '/notices/bulk', full, body)).body).toEqual({ jobId, replayed: true });
    let job = (await call('GET', `/notices/bulk/${jobId}`, readOnly)).body as { state: string; rowsAccepted: number; rowsRejected: number; errors: { row: number }[]; noticeId: string | null };
    for (let wait = 0; job.state !== 'completed' && job.state !== 'failed' && wait < 100; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await call('GET', `/notices/bulk/${jobId}`, readOnly)).body as typeof job;
    }
    expect(job).toMatchObject({ state: 'completed', rowsAccepted: 1, rowsRejected: 2 });
    expect(job.errors.map((error) => error.row)).toEqual([2, 3]);
    expect(job.noticeId).toEqual(expect.any(String));
    expect((await call('GET', `/notices/bulk/${jobId}`, null)).status).toBe(401);
  });

  it('lets an agent act for the brands that authorised it, and for no other, audited as the agent', async () => {
    const admin = bed.callerFor(bed.world.staff.platform_admin);
    const agent = await admin.admin.agents.create({ name: `Vendor LLP ${kind}` });
    const { secret } = await admin.admin.agents.createKey({ agentId: agent.id, name: 'Vendor filing robot', scopes: ['read', 'file_notices'] });
    const [a, b] = [bed.world.brandA.id, bed.world.brandB.id];
    // Authorised by no brand yet: nothing to act for.
    expect((await call('GET', '/ip-rights', secret)).status).toBe(400);
    const adminA = bed.callerFor(bed.world.brandUsers.A.brand_admin);
    const { id: letter } = await adminA.agents.authorise({ agentId: agent.id });
    // One brand: implied; named: checked.
    expect(((await call('GET', '/ip-rights', secret)).body.data as { id: string }[]).map((right) => right.id)).toEqual([bed.world.rights.A.id]);
    const filed = await call('POST', '/notices', secret, notice([{ marketplace: 'taobao', listingId: 'TB-7' }]), a);
    expect(filed.status).toBe(201);
    const stored = await bed.database.fork().findOneOrFail(Notice, (filed.body.notice as { id: string }).id, { populate: ['brand'] });
    expect(stored.brand.id).toBe(a);
    const audited = await bed.database.fork().find(AuditEvent, { action: 'notice_submitted', entityId: stored.id });
    expect(audited[0]?.actorLabel).toMatch(/of agent Vendor LLP/);
    expect((await call('GET', '/ip-rights', secret, undefined, b)).status).toBe(403);
    // Two brands: the call must say which.
    await bed.callerFor(bed.world.brandUsers.B.brand_admin).agents.authorise({ agentId: agent.id });
    const unnamed = await call('GET', '/ip-rights', secret);
    expect(unnamed.status).toBe(400);
    expect(unnamed.body).toMatchObject({ data: { fieldIssues: { 'x-brand-id': [expect.any(String)] } } });
    expect(((await call('GET', '/ip-rights', secret, undefined, b)).body.data as { id: string }[]).map((right) => right.id)).toEqual([bed.world.rights.B.id]);
    // Brand A withdraws its letter: the agent can no longer act for it.
    await adminA.agents.revoke({ authorisationId: letter });
    expect((await call('GET', '/ip-rights', secret, undefined, a)).status).toBe(403);
    expect((await adminA.agents.list()).find((row) => row.id === agent.id)?.authorisation).toBeNull();
    // The platform revokes the agent's key: refused like an unknown key.
    const keyId = (await admin.admin.agents.list()).find((row) => row.id === agent.id)!.keys[0]!.id;
    await admin.admin.agents.revokeKey({ id: keyId });
    expect((await call('GET', '/ip-rights', secret, undefined, b)).status).toBe(401);
  });

  it('audits every call under its key', async () => {
    const rows = await bed.database.fork().find(AuditEvent, { action: 'api_call', actorLabel: { $like: 'API key %' } });
    // One row per call that reached an endpoint with a live key: everything this database's suite sent but the keyless calls.
    expect(rows.length).toBe(seen.filter((call) => call.kind === kind && call.status !== 401).length);
    expect(rows.some((row) => (row.after as { outcome: string }).outcome === 'FORBIDDEN')).toBe(true);
  });

  it('limits each key per minute, answering 429 with Retry-After', async () => {
    const limited = await startTestServer(bed, { apiCallsPerMinute: 3 });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 5; i++) {
        const response = await fetch(`${limited.base}/api/v1/ip-rights`, { headers: { authorization: `Bearer ${readOnly}` } });
        statuses.push(response.status);
        if (response.status === 429) retryAfter = response.headers.get('retry-after');
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      // Another key has its own allowance.
      expect((await fetch(`${limited.base}/api/v1/ip-rights`, { headers: { authorization: `Bearer ${full}` } })).status).toBe(200);
    } finally {
      limited.close();
    }
  });

  it('refuses a revoked key', async () => {
    const adminA = bed.callerFor(bed.world.brandUsers.A.brand_admin);
    const spare = await adminA.apiKeys.create({ name: 'Spare', scopes: ['read'] });
    expect((await call('GET', '/ip-rights', spare.secret)).status).toBe(200);
    await adminA.apiKeys.revoke({ id: spare.id });
    expect((await call('GET', '/ip-rights', spare.secret)).status).toBe(401);
    expect((await adminA.apiKeys.list()).find((key) => key.id === spare.id)?.revokedAt).not.toBeNull();
  });
});

describe('the OpenAPI contract', () => {
  it('describes every answer the suites above received', () => {
    expect(seen.length).toBeGreaterThan(20);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema(openApiDocument as object, 'openapi');
    const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
    const templates = Object.keys(openApiDocument.paths ?? {});
    const problems: string[] = [];
    for (const answer of seen) {
      const template = templates.find((candidate) => new RegExp(`^${candidate.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(answer.path));
      if (!template) {
        problems.push(`${answer.method} ${answer.path}: not in the document`);
        continue;
      }
      const operation = (openApiDocument.paths![template] as Record<string, { responses: Record<string, unknown> }>)[answer.method.toLowerCase()];
      if (!operation) {
        problems.push(`${answer.method} ${template}: method not in the document`);
        continue;
      }
      // Success bodies are documented under 200 (a create answers 201 with the same body); errors under their status or 'default'.
      const documented = answer.status < 300 ? '200' : String(answer.status) in operation.responses ? String(answer.status) : 'default';
      if (!(documented in operation.responses)) {
        problems.push(`${answer.method} ${template} ${answer.status}: status not documented`);
        continue;
      }
      const validate = ajv.getSchema(`openapi#/paths/${escape(template)}/${answer.method.toLowerCase()}/responses/${documented}/content/application~1json/schema`);
      if (!validate) {
        problems.push(`${answer.method} ${template} ${documented}: no schema`);
        continue;
      }
      if (!validate(answer.body)) problems.push(`${answer.method} ${template} ${answer.status}: ${ajv.errorsText(validate.errors)}`);
    }
    expect(problems).toEqual([]);
  });
});
