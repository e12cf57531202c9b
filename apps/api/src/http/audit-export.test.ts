import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cookieParser from 'cookie-parser';
import express from 'express';
import { parse } from 'csv-parse/sync';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent, auditRow, insertAuditRows, type AuditEntry } from '@jf/db';
import { testDatabaseKinds } from '@jf/db/testing';
import { createApp } from '../app';
import { BulkJobRunner } from '../services/bulk-notices';
import { createApiTestBed, TEST_PASSWORD, TEST_SESSION_POLICY, type ApiTestBed } from '../testing';
import { auditExportRoute } from './audit-export';

const listen = async (app: express.Express): Promise<{ server: Server; base: string }> => {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
};

type CsvRow = Record<string, string>;
const rowsOf = (text: string): CsvRow[] => parse(text, { bom: true, columns: true, skip_empty_lines: true }) as CsvRow[];

describe.each(testDatabaseKinds())('the audit CSV export on %s', (kind) => {
  let bed: ApiTestBed;
  let full: { server: Server; base: string };
  let capped: { server: Server; base: string };

  beforeAll(async () => {
    bed = await createApiTestBed(kind);
    const logger = pino({ level: 'silent' });
    full = await listen(createApp({ database: bed.database, logger, sessionPolicy: TEST_SESSION_POLICY, cookieSecure: false, uploadDir: mkdtempSync(join(tmpdir(), 'jf-audit-')), bulkRunner: new BulkJobRunner(bed.database, logger) }));
    // The same route with a cap of 3 rows read 2 at a time, to see the cut and the batch seams.
    const small = express().use(cookieParser());
    small.get('/api/audit-events.csv', auditExportRoute({ database: bed.database, sessionPolicy: TEST_SESSION_POLICY, logger, maxRows: 3, batchSize: 2 }));
    capped = await listen(small);

    const { staff, brandA, brandB } = bed.world;
    const manager = { id: staff.account_manager.id, label: 'Ann, "the" manager (account_manager)' };
    const entries: [AuditEntry, Date][] = [
      [{ actor: manager, action: 'brand_updated', entityType: 'brand', entityId: brandA.id, brandId: brandA.id, before: { note: 'line one\nline two, "quoted"' }, after: { note: '品牌 — ü' } }, new Date('2026-11-01T10:00:00Z')],
      [{ actor: { id: null, label: '=HYPERLINK("http://evil")' }, action: 'listing_removed', entityType: 'listing', entityId: '-2+3', brandId: brandB.id }, new Date('2026-11-02T10:00:00Z')],
      // Three events in the same millisecond: the batches must neither repeat nor skip one.
      ...[1, 2, 3].map((n): [AuditEntry, Date] => [{ actor: manager, action: 'notice_submitted', entityType: 'notice', entityId: `tie-${n}`, brandId: brandA.id }, new Date('2026-11-03T10:00:00Z')]),
      [{ actor: { id: null, label: 'outbox-dispatcher' }, action: 'outbox_delivered', entityType: 'outbox_command', entityId: 'cmd-1' }, new Date('2026-11-04T10:00:00Z')],
    ];
    await insertAuditRows(bed.database.fork(), entries.map(([entry, at]) => auditRow(entry, at)));
  });
  afterAll(async () => {
    full.server.close();
    capped.server.close();
    await bed.destroy();
  });

  async function signIn(email: string): Promise<string> {
    const response = await fetch(`${full.base}/trpc/auth.signIn`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': 'x' }, body: JSON.stringify({ email, password: TEST_PASSWORD }) });
    return response.headers.get('set-cookie')!.split(';')[0]!;
  }
  const download = (base: string, cookie: string | null, query = '') => fetch(`${base}/api/audit-events.csv${query}`, { headers: cookie ? { cookie } : {} });

  it('streams the filtered trail as UTF-8 CSV with a BOM, in the order and with the rows of the admin list', async () => {
    const cookie = await signIn('admin@staff.test');
    const response = await download(full.base, cookie, '?to=2026-11-10');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-events-[\dT-]+Z\.csv"$/);
    expect(response.headers.get('x-export-truncated')).toBe('false');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFFoccurred_at,actor_id,actor_label,action,entity_type,entity_id,brand_id,brand_name,before,after,request_id,event_id');

    const rows = rowsOf(text);
    const listed = await bed.callerFor(bed.world.staff.platform_admin).admin.audit.list({ page: 1, perPage: 100, sort: { field: 'occurredAt', order: 'DESC' }, filter: { to: new Date('2026-11-10T23:59:59.999Z') } });
    expect(rows.map((row) => row.event_id)).toEqual(listed.data.map((event) => event.id));
    expect(new Set(rows.map((row) => row.event_id)).size).toBe(6);

    const edited = rows.find((row) => row.action === 'brand_updated')!;
    expect(edited).toMatchObject({ occurred_at: '2026-11-01T10:00:00.000Z', actor_label: 'Ann, "the" manager (account_manager)', brand_name: 'Brand A', entity_type: 'brand', request_id: '' });
    expect(JSON.parse(edited.before!)).toEqual({ note: 'line one\nline two, "quoted"' });
    expect(JSON.parse(edited.after!)).toEqual({ note: '品牌 — ü' });
    // What a spreadsheet would run as a formula is defused.
    const removed = rows.find((row) => row.action === 'listing_removed')!;
    expect(removed).toMatchObject({ actor_label: `'=HYPERLINK("http://evil")`, entity_id: `'-2+3`, actor_id: '', brand_name: 'Brand B', before: '', after: '' });
  });

  it('applies the filters and the order, and puts the export itself on the trail', async () => {
    const cookie = await signIn('lead@staff.test');
    const response = await download(full.base, cookie, `?brandId=${bed.world.brandA.id}&action=notice_&order=ASC&from=2026-11-03&to=2026-11-03`);
    const rows = rowsOf(await response.text());
    expect(rows.map((row) => row.entity_id).sort()).toEqual(['tie-1', 'tie-2', 'tie-3']);
    expect(response.headers.get('x-total-count')).toBe('3');
    const exported = await bed.database.fork().find(AuditEvent, { action: 'audit_exported', actorId: bed.world.staff.leadership.id });
    expect(exported).toHaveLength(1);
    expect(exported[0]!.after).toMatchObject({ order: 'ASC', rows: 3, total: 3, filter: { brandId: bed.world.brandA.id, action: 'notice_' } });
  });

  it('stops at the cap, says so in a header and in a last comment line, and reads across batch seams without repeats', async () => {
    const cookie = await signIn('admin@staff.test');
    const response = await download(capped.base, cookie, '?to=2026-11-10&order=ASC');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-export-truncated')).toBe('true');
    expect(response.headers.get('x-total-count')).toBe('6');
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines.at(-1)).toBe('# Truncated: the first 3 of 6 matching events; narrow the filters (e.g. the dates) to export the rest.');
    const rows = rowsOf(lines.slice(0, -1).join('\r\n'));
    expect(rows.map((row) => row.action)).toEqual(['brand_updated', 'listing_removed', 'notice_submitted']);

    const ties = rowsOf(await (await download(capped.base, cookie, '?entityType=notice')).text());
    expect(ties.map((row) => row.entity_id).sort()).toEqual(['tie-1', 'tie-2', 'tie-3']);
  });

  it('shows an account manager their brands’ events and their own actions only', async () => {
    const rows = rowsOf(await (await download(full.base, await signIn('am@staff.test'), '?to=2026-11-10')).text());
    expect(rows.map((row) => row.action).sort()).toEqual(['brand_updated', 'notice_submitted', 'notice_submitted', 'notice_submitted']);
  });

  it('refuses anonymous callers (401), brand users and reviewers (403), and bad filters (400)', async () => {
    expect((await download(full.base, null)).status).toBe(401);
    for (const email of ['admin@a.test', 'agent@b.test', 'reviewer@staff.test']) {
      const response = await download(full.base, await signIn(email));
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    }
    const bad = await download(full.base, await signIn('admin@staff.test'), '?entityType=planet&from=soon');
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { error: { fieldIssues: Record<string, string[]> } }).error.fieldIssues).sort()).toEqual(['entityType', 'from']);
  });
});
