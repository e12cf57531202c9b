import { parse } from 'csv-parse/sync';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BulkJob } from '@jf/db';
import { testDatabaseKinds } from '@jf/db/testing';
import { BulkJobRunner } from '../services/bulk-notices';
import { createApiTestBed, TEST_PASSWORD, type ApiTestBed } from '../testing';
import { startTestServer } from '../testing/http';

/**
 * Tenant isolation of everything the HTTP app hands out as a file: evidence documents, message
 * attachments and bulk notice files (`GET /api/documents/:id`), bulk notices' error reports
 * (`GET /api/bulk-notices/:id/errors.csv`) and the audit trail's CSV export (`GET /api/audit-events.csv`),
 * the only CSV routes under apps/api/src/http. Brand B owns every file; brand A, and staff whose role
 * does not cover B's files, must get a JSON refusal (never a 500, never B's bytes).
 */

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const PDF = Buffer.from('%PDF-1.4\n% attachment of brand B\n');
const UNKNOWN_ID = '0190a0b0-c0d0-7e00-8f00-000000000000';

interface Session {
  cookie: string;
  'x-csrf-token': string;
}

describe.each(testDatabaseKinds())('file downloads across tenants on %s', (kind) => {
  let bed: ApiTestBed;
  let server: { base: string; close(): void };
  let runner: BulkJobRunner;
  const sessions = new Map<string, Session>();
  /** B's files: an IP right's certificate, a message attachment, a bulk notice's CSV and its error report. */
  const b = { evidenceId: '', attachmentId: '', bulkFileId: '', bulkJobId: '' };

  async function as(email: string): Promise<Session> {
    const known = sessions.get(email);
    if (known) return known;
    const response = await fetch(`${server.base}/trpc/auth.signIn`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': 'x' }, body: JSON.stringify({ email, password: TEST_PASSWORD }) });
    expect(response.status).toBe(200);
    const { result } = (await response.json()) as { result: { data: { csrfToken: string } } };
    const session = { cookie: response.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': result.data.csrfToken };
    sessions.set(email, session);
    return session;
  }
  const get = async (path: string, email: string | null) => fetch(`${server.base}${path}`, { headers: email ? { cookie: (await as(email)).cookie } : {} });
  async function upload(email: string, body: Buffer, type: string): Promise<string> {
    const response = await fetch(`${server.base}/api/documents`, { method: 'POST', headers: { ...(await as(email)), 'content-type': type, 'x-file-name': 'b-file' }, body });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  /** A refusal is JSON with a code and a message, and its status is the one expected. */
  async function expectRefused(response: Response, status: 401 | 403 | 404): Promise<void> {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe({ 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found' }[status]);
    expect(body.error.message.length).toBeGreaterThan(0);
  }

  beforeAll(async () => {
    bed = await createApiTestBed(kind);
    runner = new BulkJobRunner(bed.database, pino({ level: 'silent' }));
    server = await startTestServer(bed, { bulkRunner: runner });

    // Evidence: brand B's certificate, cited by a right it registers.
    b.evidenceId = await upload('admin@b.test', PNG, 'image/png');
    await bed.callerFor(bed.world.brandUsers.B.brand_admin).ipRights.register({ kind: 'trademark', registrationNumber: 'TM-B-ISO', jurisdiction: 'CN', classes: ['18'], validFrom: new Date('2024-01-01'), validUntil: new Date('2034-01-01'), evidenceDocumentId: b.evidenceId });
    // A message attachment: brand B's agent writes to its account manager with a PDF.
    b.attachmentId = await upload('agent@b.test', PDF, 'application/pdf');
    await bed.callerFor(bed.world.brandUsers.B.brand_agent).messages.start({ subject: 'Test-buy receipt', body: 'Attached, as discussed.', attachmentIds: [b.attachmentId] });
    // A bulk notice with one good and one bad row: its CSV is a document, its rejected row an error report.
    const params = new URLSearchParams({ ipRightId: bed.world.rights.B.id, reason: 'counterfeit', evidence: 'Replica listings, see photos' });
    const bulk = await fetch(`${server.base}/api/bulk-notices?${params}`, { method: 'POST', headers: { ...(await as('admin@b.test')), 'content-type': 'text/csv' }, body: 'listing\ntaobao:TB-7\ntaobao:NOPE\n' });
    expect(bulk.status).toBe(202);
    b.bulkJobId = ((await bulk.json()) as { jobId: string }).jobId;
    await runner.idle();
    const job = await bed.database.fork().findOneOrFail(BulkJob, b.bulkJobId, { populate: ['document'] });
    expect(job).toMatchObject({ state: 'completed', rowsAccepted: 1, rowsRejected: 1 });
    b.bulkFileId = job.document.id;
  });
  afterAll(async () => {
    server?.close();
    await bed?.destroy();
  });

  describe('GET /api/documents/:id', () => {
    it('serves B’s evidence to B and to staff who judge it, and to no user of brand A', async () => {
      for (const owner of ['admin@b.test', 'agent@b.test']) {
        const response = await get(`/api/documents/${b.evidenceId}`, owner);
        expect(response.status).toBe(200);
        expect(Buffer.from(await response.arrayBuffer()).equals(PNG)).toBe(true);
      }
      // Every staff role reads evidence (rights are verified, notices and appeals judged by it).
      for (const staff of ['reviewer@staff.test', 'am@staff.test', 'am2@staff.test', 'lead@staff.test', 'admin@staff.test']) {
        expect((await get(`/api/documents/${b.evidenceId}`, staff)).status).toBe(200);
      }
      for (const foreign of ['admin@a.test', 'agent@a.test']) await expectRefused(await get(`/api/documents/${b.evidenceId}`, foreign), 404);
      await expectRefused(await get(`/api/documents/${b.evidenceId}`, null), 401);
    });

    it('serves an attachment of B’s thread only to B and to staff who may read B’s threads', async () => {
      for (const reader of ['agent@b.test', 'admin@b.test', 'am2@staff.test', 'lead@staff.test', 'admin@staff.test']) {
        const response = await get(`/api/documents/${b.attachmentId}`, reader);
        expect(response.status).toBe(200);
        expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
      }
      // Brand A, a reviewer (no correspondence) and brand A's account manager (not B's) are told it does not exist.
      for (const refused of ['admin@a.test', 'agent@a.test', 'reviewer@staff.test', 'am@staff.test']) {
        await expectRefused(await get(`/api/documents/${b.attachmentId}`, refused), 404);
      }
    });

    it('keeps B’s bulk notice file from brand A and from staff outside B’s correspondence', async () => {
      expect((await get(`/api/documents/${b.bulkFileId}`, 'admin@b.test')).status).toBe(200);
      for (const refused of ['admin@a.test', 'agent@a.test', 'reviewer@staff.test', 'am@staff.test']) {
        await expectRefused(await get(`/api/documents/${b.bulkFileId}`, refused), 404);
      }
    });

    it('answers unknown and malformed ids with a 404 in JSON', async () => {
      for (const id of [UNKNOWN_ID, 'not-an-id', `${b.evidenceId}x`, '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(2000)]) {
        for (const reader of ['admin@b.test', 'admin@staff.test']) await expectRefused(await get(`/api/documents/${id}`, reader), 404);
      }
    });
  });

  describe('GET /api/bulk-notices/:id/errors.csv', () => {
    it('gives B its error report and tells brand A the job does not exist', async () => {
      const own = await get(`/api/bulk-notices/${b.bulkJobId}/errors.csv`, 'admin@b.test');
      expect(own.status).toBe(200);
      expect((await own.text()).replace(/^\uFEFF/, '').trim().split('\n')).toEqual(['row,column,error', expect.stringMatching(/^2,listing,.*not a listing we know/)]);
      for (const foreign of ['admin@a.test', 'agent@a.test']) await expectRefused(await get(`/api/bulk-notices/${b.bulkJobId}/errors.csv`, foreign), 404);
    });

    it('refuses staff (error reports are the brand’s own) and anonymous callers', async () => {
      for (const staff of ['reviewer@staff.test', 'am2@staff.test', 'lead@staff.test', 'admin@staff.test']) {
        await expectRefused(await get(`/api/bulk-notices/${b.bulkJobId}/errors.csv`, staff), 403);
      }
      await expectRefused(await get(`/api/bulk-notices/${b.bulkJobId}/errors.csv`, null), 401);
    });

    it('answers unknown and malformed job ids with a 404 in JSON', async () => {
      for (const id of [UNKNOWN_ID, 'nope', b.evidenceId]) await expectRefused(await get(`/api/bulk-notices/${id}/errors.csv`, 'admin@b.test'), 404);
    });
  });

  describe('GET /api/audit-events.csv', () => {
    type Row = Record<string, string>;
    const exportAs = async (email: string, query = ''): Promise<Row[]> => {
      const response = await get(`/api/audit-events.csv${query}`, email);
      expect(response.status).toBe(200);
      return parse(await response.text(), { bom: true, columns: true, skip_empty_lines: true, comment: '#' }) as Row[];
    };
    const brandBId = () => bed.world.brandB.id;

    it('refuses brand users, of either brand, and reviewers', async () => {
      for (const refused of ['admin@a.test', 'agent@a.test', 'admin@b.test', 'reviewer@staff.test']) {
        await expectRefused(await get('/api/audit-events.csv', refused), 403);
        await expectRefused(await get(`/api/audit-events.csv?brandId=${brandBId()}`, refused), 403);
      }
    });

    it('leaves B’s rows out of the export of brand A’s account manager, even when asked for B', async () => {
      const rows = await exportAs('am@staff.test');
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((row) => row.brand_id === brandBId())).toEqual([]);
      for (const id of [b.evidenceId, b.attachmentId, b.bulkJobId]) expect(rows.filter((row) => row.entity_id === id || (row.after ?? '').includes(id))).toEqual([]);
      expect(await exportAs('am@staff.test', `?brandId=${brandBId()}`)).toEqual([]);
    });

    it('gives B’s rows to B’s account manager and to leadership', async () => {
      for (const reader of ['am2@staff.test', 'lead@staff.test']) {
        const rows = await exportAs(reader, `?brandId=${brandBId()}`);
        expect(rows.map((row) => row.action)).toEqual(expect.arrayContaining(['document_uploaded', 'thread_started']));
        expect(rows.every((row) => row.brand_id === brandBId())).toBe(true);
      }
    });

    it('answers bad filters with a 400 naming the field, not a 500', async () => {
      const response = await get('/api/audit-events.csv?brandId=not-an-id', 'lead@staff.test');
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { fieldIssues: Record<string, string[]> } }).error.fieldIssues.brandId).toBeDefined();
    });
  });
});
