import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, IpRight } from '@jf/db';
import { testDatabaseKinds } from '@jf/db/testing';
import { createApp } from '../app';
import { BulkJobRunner } from '../services/bulk-notices';
import { createApiTestBed, TEST_PASSWORD, TEST_SESSION_POLICY, type ApiTestBed } from '../testing';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe.each(testDatabaseKinds())('evidence documents on %s', (kind) => {
  let bed: ApiTestBed;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    bed = await createApiTestBed(kind);
    const logger = pino({ level: 'silent' });
    const app = createApp({ database: bed.database, logger, sessionPolicy: TEST_SESSION_POLICY, cookieSecure: false, uploadDir: mkdtempSync(join(tmpdir(), 'jf-docs-')), bulkRunner: new BulkJobRunner(bed.database, logger) });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await bed.destroy();
  });

  async function signIn(email: string) {
    const response = await fetch(`${base}/trpc/auth.signIn`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': 'x' }, body: JSON.stringify({ email, password: TEST_PASSWORD }) });
    const { result } = (await response.json()) as { result: { data: { csrfToken: string } } };
    return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': result.data.csrfToken };
  }
  const upload = (headers: Record<string, string>, body: Buffer, type = 'image/png') =>
    fetch(`${base}/api/documents`, { method: 'POST', headers: { ...headers, 'content-type': type, 'x-file-name': 'certificate.png' }, body });

  it('stores evidence, cites it from a new right, and serves it to its brand and to staff only', async () => {
    const brandA = await signIn('admin@a.test');
    const created = await upload(brandA, PNG);
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const { id: rightId } = await bed.callerFor(bed.world.brandUsers.A.brand_admin).ipRights.register({ kind: 'trademark', registrationNumber: 'TM-EV-1', jurisdiction: 'CN', classes: ['18'], validFrom: new Date('2024-01-01'), validUntil: new Date('2034-01-01'), evidenceDocumentId: id });
    expect((await bed.database.fork().findOneOrFail(IpRight, rightId)).evidenceDocument).toBe(id);

    const own = await fetch(`${base}/api/documents/${id}`, { headers: { cookie: brandA.cookie } });
    expect(own.status).toBe(200);
    expect(Buffer.from(await own.arrayBuffer()).equals(PNG)).toBe(true);
    const staff = await signIn('am@staff.test');
    expect((await fetch(`${base}/api/documents/${id}`, { headers: { cookie: staff.cookie } })).status).toBe(200);
    const foreign = await signIn('agent@b.test');
    expect((await fetch(`${base}/api/documents/${id}`, { headers: { cookie: foreign.cookie } })).status).toBe(404);
    expect((await fetch(`${base}/api/documents/${id}`)).status).toBe(401);
  });

  it('refuses another brand’s document as evidence for a right', async () => {
    const brandB = await signIn('admin@b.test');
    const { id } = (await (await upload(brandB, PNG)).json()) as { id: string };
    const refused = await bed
      .callerFor(bed.world.brandUsers.A.brand_admin)
      .ipRights.register({ kind: 'trademark', registrationNumber: 'TM-EV-2', jurisdiction: 'CN', classes: [], validFrom: new Date('2024-01-01'), validUntil: new Date('2034-01-01'), evidenceDocumentId: id })
      .then(() => null, (error: Error) => error);
    expect(refused?.message).toMatch(/evidenceDocumentId/);
  });

  it('lets a brand’s account manager upload a file for that brand only (e.g. a message attachment)', async () => {
    const manager = await signIn('am@staff.test');
    const created = await upload({ ...manager, 'x-brand-id': bed.world.brandA.id }, PNG);
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await bed.database.fork().findOneOrFail(Document, id, { populate: ['brand'] })).brand.id).toBe(bed.world.brandA.id);
    const brandA = await signIn('agent@a.test');
    expect((await fetch(`${base}/api/documents/${id}`, { headers: { cookie: brandA.cookie } })).status).toBe(200);

    const before = await bed.database.fork().count(Document, {});
    const notTheirs = await upload({ ...manager, 'x-brand-id': bed.world.brandB.id }, PNG);
    expect(notTheirs.status).toBe(403);
    const unnamed = await upload(manager, PNG);
    expect(unnamed.status).toBe(400);
    expect(((await unnamed.json()) as { error: { fieldIssues: Record<string, string[]> } }).error.fieldIssues['x-brand-id']).toBeDefined();
    expect(await bed.database.fork().count(Document, {})).toBe(before);
  });

  it('refuses other file types, empty files, staff uploads and missing CSRF tokens, storing nothing', async () => {
    const before = await bed.database.fork().count(Document, {});
    const brandA = await signIn('admin@a.test');
    const html = await upload(brandA, Buffer.from('<script>alert(1)</script>'), 'text/html');
    expect(html.status).toBe(400);
    expect(((await html.json()) as { error: { message: string } }).error.message).toMatch(/PDF, PNG, JPEG or WebP/);
    expect((await upload(brandA, Buffer.alloc(0))).status).toBe(400);
    expect((await upload({ cookie: brandA.cookie, 'x-csrf-token': 'guess' }, PNG)).status).toBe(403);
    expect((await upload({ ...(await signIn('reviewer@staff.test')), 'x-brand-id': bed.world.brandA.id }, PNG)).status).toBe(403);
    expect(await bed.database.fork().count(Document, {})).toBe(before);
  });
});
