import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BulkJob, Document, NoticeItem } from '@jf/db';
import { testDatabaseKinds } from '@jf/db/testing';
import { createApp } from '../app';
import { BulkJobRunner } from '../services/bulk-notices';
import { createApiTestBed, TEST_PASSWORD, TEST_SESSION_POLICY, type ApiTestBed } from '../testing';

describe.each(testDatabaseKinds())('bulk notices over HTTP on %s', (kind) => {
  let bed: ApiTestBed;
  let server: Server;
  let base: string;
  let runner: BulkJobRunner;
  let session: { cookie: string; csrf: string };

  beforeAll(async () => {
    bed = await createApiTestBed(kind);
    const logger = pino({ level: 'silent' });
    runner = new BulkJobRunner(bed.database, logger);
    const app = createApp({ database: bed.database, logger, sessionPolicy: TEST_SESSION_POLICY, cookieSecure: false, uploadDir: mkdtempSync(join(tmpdir(), 'jf-bulk-')), bulkRunner: runner });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const signIn = await fetch(`${base}/trpc/auth.signIn`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': 'x' }, body: JSON.stringify({ email: 'admin@a.test', password: TEST_PASSWORD }) });
    const { result } = (await signIn.json()) as { result: { data: { csrfToken: string } } };
    session = { cookie: signIn.headers.get('set-cookie')!.split(';')[0]!, csrf: result.data.csrfToken };
  });
  afterAll(async () => {
    server.close();
    await bed.destroy();
  });

  const upload = (body: string | Buffer, query: Record<string, string> = {}, headers: Record<string, string> = {}) => {
    const params = new URLSearchParams({ ipRightId: bed.world.rights.A.id, reason: 'counterfeit', evidence: 'Replica listings, see photos', ...query });
    return fetch(`${base}/api/bulk-notices?${params}`, { method: 'POST', headers: { 'content-type': 'text/csv', cookie: session.cookie, 'x-csrf-token': session.csrf, ...headers }, body });
  };
  const stored = async () => ({ jobs: await bed.database.fork().count(BulkJob, {}), documents: await bed.database.fork().count(Document, {}) });

  it('files good rows, reports bad ones, and streams the error report', async () => {
    const csv = ['marketplace,listing_id', 'taobao,TB-1', 'taobao,TB-2', 'taobao,NOPE', 'ebay,TB-3', 'taobao,TB-1', 'taobao,TB-3'].join('\n');
    const response = await upload(csv);
    expect(response.status).toBe(202);
    const { jobId, replayed } = (await response.json()) as { jobId: string; replayed: boolean };
    expect(replayed).toBe(false);
    await runner.idle();
    const job = await bed.database.fork().findOneOrFail(BulkJob, jobId);
    expect(job.failureReason?.slice(-300) ?? null).toBeNull();
    expect(job).toMatchObject({ state: 'completed', rowsTotal: 6, rowsProcessed: 6, rowsAccepted: 3, rowsRejected: 3 });
    expect(await bed.database.fork().count(NoticeItem, { notice: job.notice })).toBe(3);
    const report = await fetch(`${base}/api/bulk-notices/${jobId}/errors.csv`, { headers: { cookie: session.cookie } });
    expect(report.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await report.text()).replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('row,column,error');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['3', '4', '5']);
    expect(lines[1]).toMatch(/not a listing we know/);
    expect(lines[3]).toMatch(/twice in this file/);
  });

  it('treats the same file sent twice as one job', async () => {
    const csv = 'listing\ntaobao:TB-4\n';
    const first = (await (await upload(csv)).json()) as { jobId: string };
    await runner.idle();
    const second = await upload(csv);
    expect(second.status).toBe(202);
    expect(await second.json()).toEqual({ jobId: first.jobId, replayed: true });
    await runner.idle();
    expect(await bed.database.fork().count(NoticeItem, { listing: bed.world.listings[3]!.id })).toBe(1);
  });

  it.each([
    ['wrong columns', 'sku,price\nA,1\n', /header must have/],
    ['an empty file', '', /empty/],
    ['a header only', 'listing\n', /no rows/],
    ['broken quoting', 'listing\n"taobao:TB-5\n', /not valid CSV/],
    ['bytes that are not UTF-8', Buffer.from([0x6c, 0x69, 0x73, 0x74, 0x69, 0x6e, 0x67, 0x0a, 0xff, 0xfe, 0x41, 0x0a]), /not UTF-8/],
  ])('refuses %s with a clear error and stores nothing', async (_name, body, message) => {
    const before = await stored();
    const response = await upload(body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { message: string; fieldIssues: Record<string, string[]> } };
    expect(error.message).toMatch(message);
    expect(Object.keys(error.fieldIssues)).toEqual(['file']);
    expect(await stored()).toEqual(before);
  });

  it('refuses bad fields and a missing CSRF token before storing anything', async () => {
    const before = await stored();
    const badRight = await upload('listing\ntaobao:TB-6\n', { ipRightId: bed.world.rights.B.id });
    expect(badRight.status).toBe(400);
    expect(((await badRight.json()) as { error: { fieldIssues: object } }).error.fieldIssues).toHaveProperty('ipRightId');
    const noReason = await upload('listing\ntaobao:TB-6\n', { reason: 'because' });
    expect(((await noReason.json()) as { error: { message: string } }).error.message).toMatch(/reason/);
    const forged = await upload('listing\ntaobao:TB-6\n', {}, { 'x-csrf-token': 'guess' });
    expect(forged.status).toBe(403);
    expect(await stored()).toEqual(before);
  });

  it('works through 100,000 rows of junk: every row reported, no notice created', { timeout: 180_000 }, async () => {
    const junk = ['listing', ...Array.from({ length: 100_000 }, (_, i) => `junk ${i} ; DROP TABLE listings; --`)].join('\n');
    const response = await upload(junk);
    expect(response.status).toBe(202);
    const { jobId } = (await response.json()) as { jobId: string };
    await runner.idle();
    const job = await bed.database.fork().findOneOrFail(BulkJob, jobId);
    expect(job).toMatchObject({ state: 'completed', rowsProcessed: 100_000, rowsAccepted: 0, rowsRejected: 100_000, notice: null });
    const tooMany = await upload(`${junk}\nlast row`);
    expect(tooMany.status).toBe(400);
    expect(((await tooMany.json()) as { error: { message: string } }).error.message).toMatch(/more than 100,000 rows/);
  });

  it('keeps another brand’s error report out of reach', async () => {
    const job = await bed.database.fork().findOneOrFail(BulkJob, { rowsRejected: 3 });
    const signIn = await fetch(`${base}/trpc/auth.signIn`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': 'x' }, body: JSON.stringify({ email: 'agent@b.test', password: TEST_PASSWORD }) });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const response = await fetch(`${base}/api/bulk-notices/${job.id}/errors.csv`, { headers: { cookie } });
    expect(response.status).toBe(404);
  });
});
