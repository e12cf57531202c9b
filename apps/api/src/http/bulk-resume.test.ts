import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BulkJob, BulkJobError, DEMO_PASSWORD, Listing, NoticeItem, seedWorld } from '@jf/db';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '@jf/db/testing';

const apiRoot = resolve(import.meta.dirname, '../..');
const ROWS = 10_000;

const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

/**
 * The real API process, killed with SIGKILL in the middle of a 10,000-row bulk notice and started
 * again: the job resumes where its last committed batch ended and no row is filed twice.
 */
describe.each(testDatabaseKinds())('a bulk notice survives SIGKILL on %s', (kind) => {
  let test: TestDatabase;
  let uploadDir: string;
  let port: number;
  let api: ChildProcess | null = null;

  const startApi = async () => {
    // Node itself with tsx's loader, not the tsx wrapper: SIGKILL must hit the process that serves.
    api = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: apiRoot,
      env: { ...process.env, DATABASE_URL: test.database.target.kind === 'sqlite' ? `sqlite:${test.database.target.location}` : test.database.target.location, PORT: String(port), HOST: '127.0.0.1', JF_SEED: 'none', JF_WORKERS: 'none', UPLOAD_DIR: uploadDir, LOG_LEVEL: 'warn', BULK_BATCH_PAUSE_MS: '150', NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    for (let i = 0; i < 300; i++) {
      if (await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the API did not start');
  };
  const call = async (path: string, init: RequestInit = {}) => fetch(`http://127.0.0.1:${port}${path}`, init);

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    await seedWorld(test.database, { size: 'small' });
    uploadDir = mkdtempSync(join(tmpdir(), 'jf-resume-'));
    port = await freePort();
  });
  afterAll(async () => {
    api?.kill('SIGKILL');
    rmSync(uploadDir, { recursive: true, force: true });
    await test.destroy();
  });

  it('resumes after the kill and files every row exactly once', { timeout: 240_000 }, async () => {
    const listings = await test.database.fork().find(Listing, {}, { fields: ['externalId', 'marketplace'], orderBy: { externalId: 'ASC' } });
    const csv = ['marketplace,listing_id', ...Array.from({ length: ROWS }, (_, i) => { const listing = listings[i % listings.length]!; return `${listing.marketplace.code},${listing.externalId}`; })].join('\n');

    await startApi();
    const signIn = await call('/trpc/auth.signIn', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': 'x' }, body: JSON.stringify({ email: 'admin@northpeak.demo', password: DEMO_PASSWORD }) });
    const { result } = (await signIn.json()) as { result: { data: { csrfToken: string } } };
    const headers = { cookie: signIn.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': result.data.csrfToken };
    const rights = (await (await call('/trpc/ipRights.list', { headers })).json()) as { result: { data: { id: string; status: string; validUntil: string }[] } };
    const right = rights.result.data.find((candidate) => candidate.status === 'verified' && new Date(candidate.validUntil) > new Date())!;
    const query = new URLSearchParams({ ipRightId: right.id, reason: 'counterfeit', evidence: 'Bulk evidence' });
    const upload = await call(`/api/bulk-notices?${query}`, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv' }, body: csv });
    expect(upload.status).toBe(202);
    const { jobId } = (await upload.json()) as { jobId: string };

    const progress = async () => (await test.database.fork().findOneOrFail(BulkJob, jobId)).rowsProcessed;
    while ((await progress()) < 2_000) await new Promise((r) => setTimeout(r, 50));
    api!.kill('SIGKILL');
    await new Promise((r) => api!.once('exit', r));
    const atKill = await progress();
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(ROWS);

    await startApi();
    for (let i = 0; i < 1200 && (await test.database.fork().findOneOrFail(BulkJob, jobId)).state !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const job = await test.database.fork().findOneOrFail(BulkJob, jobId);
    expect(job).toMatchObject({ state: 'completed', rowsProcessed: ROWS });
    expect(job.rowsAccepted + job.rowsRejected).toBe(ROWS);
    expect(await test.database.fork().count(NoticeItem, { notice: job.notice })).toBe(job.rowsAccepted);
    expect(await test.database.fork().count(BulkJobError, { job: jobId })).toBe(job.rowsRejected);
    const doubled: unknown[] = await test.database
      .fork()
      .getConnection()
      .execute(`select listing_id from notice_items where state in ('pending', 'needs_info') group by listing_id having count(*) > 1`);
    expect(doubled).toEqual([]);
  });
});
