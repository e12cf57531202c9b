import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditScope, auditScopeCovers, type ListAuditEventsInput } from '@jf/domain';
import { auditRow, insertAuditRows, type AuditEntry } from '@jf/db';
import { testDatabaseKinds } from '@jf/db/testing';
import { createApiTestBed, type ApiTestBed } from '../testing';

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: TRPCError) => error);
const newestFirst = (filter: ListAuditEventsInput['filter'] = {}, perPage = 100): ListAuditEventsInput => ({ page: 1, perPage, sort: { field: 'occurredAt', order: 'DESC' }, filter });

describe.each(testDatabaseKinds())('the audit trail on %s', (kind) => {
  let bed: ApiTestBed;
  beforeAll(async () => {
    bed = await createApiTestBed(kind);
    const { staff, otherManager, brandA, brandB, brandUsers } = bed.world;
    const actor = (user: { id: string; email: string; role: string }) => ({ id: user.id, label: `${user.email} (${user.role})` });
    // One event a day in November, oldest first: every scope and filter has something to find and to miss.
    const entries: AuditEntry[] = [
      { actor: actor(staff.platform_admin), action: 'staff_created', entityType: 'user', entityId: otherManager.id, after: { email: otherManager.email } },
      { actor: actor(brandUsers.A.brand_admin), action: 'notice_submitted', entityType: 'notice', entityId: 'notice-a', brandId: brandA.id, after: { items: 2 } },
      { actor: actor(brandUsers.B.brand_admin), action: 'notice_submitted', entityType: 'notice', entityId: 'notice-b', brandId: brandB.id, after: { items: 1 } },
      { actor: actor(otherManager), action: 'gft_enrolled', entityType: 'brand', entityId: brandB.id, brandId: brandB.id, before: { gftStatus: 'eligible' }, after: { gftStatus: 'enrolled' } },
      { actor: actor(staff.account_manager), action: 'gft_enrolled', entityType: 'brand', entityId: brandA.id, brandId: brandA.id, before: { gftStatus: 'eligible' }, after: { gftStatus: 'enrolled' } },
      // The manager of A acting on B (e.g. before B changed hands) and on no brand at all: their own actions.
      { actor: actor(staff.account_manager), action: 'brand_updated', entityType: 'brand', entityId: brandB.id, brandId: brandB.id, before: { status: 'active' }, after: { status: 'paused' } },
      { actor: actor(staff.account_manager), action: 'signed_in', entityType: 'session', entityId: 'session-1' },
      { actor: { id: null, label: 'outbox-dispatcher' }, action: 'gftx_probe', entityType: 'outbox_command', entityId: 'cmd-1' },
    ];
    const em = bed.database.fork();
    await insertAuditRows(em, entries.map((entry, day) => auditRow(entry, new Date(Date.UTC(2026, 10, day + 1, 12)))));
  });
  afterAll(() => bed.destroy());

  const as = (role: keyof ApiTestBed['world']['staff']) => bed.callerFor(bed.world.staff[role]);

  it('lists every event for platform admins and leadership, newest first, with ISO times, before/after and the brand’s name', async () => {
    for (const role of ['platform_admin', 'leadership'] as const) {
      const page = await as(role).admin.audit.list(newestFirst());
      expect(page.total).toBe(8);
      expect(page.data.map((event) => event.action)).toEqual(['gftx_probe', 'signed_in', 'brand_updated', 'gft_enrolled', 'gft_enrolled', 'notice_submitted', 'notice_submitted', 'staff_created']);
    }
    const [enrolledA] = (await as('platform_admin').admin.audit.list(newestFirst({ entityType: 'brand', entityId: bed.world.brandA.id }))).data;
    expect(enrolledA).toEqual({
      id: expect.any(String),
      occurredAt: '2026-11-05T12:00:00.000Z',
      actorId: bed.world.staff.account_manager.id,
      actorLabel: 'am@staff.test (account_manager)',
      action: 'gft_enrolled',
      entityType: 'brand',
      entityId: bed.world.brandA.id,
      brandId: bed.world.brandA.id,
      brandName: 'Brand A',
      before: { gftStatus: 'eligible' },
      after: { gftStatus: 'enrolled' },
      requestId: null,
    });
  });

  it('pages and filters on the server: actor, entity, brand, action prefix and inclusive dates', async () => {
    const admin = as('platform_admin');
    const second = await admin.admin.audit.list({ ...newestFirst({}, 3), page: 2 });
    expect(second).toMatchObject({ total: 8, data: [{ action: 'gft_enrolled' }, { action: 'gft_enrolled' }, { action: 'notice_submitted' }] });
    const oldest = await admin.admin.audit.list({ ...newestFirst({}, 1), sort: { field: 'occurredAt', order: 'ASC' } });
    expect(oldest.data[0]?.action).toBe('staff_created');

    const actions = async (filter: ListAuditEventsInput['filter']) => (await admin.admin.audit.list(newestFirst(filter))).data.map((event) => event.action);
    expect(await actions({ actorId: bed.world.staff.account_manager.id })).toEqual(['signed_in', 'brand_updated', 'gft_enrolled']);
    expect(await actions({ actor: 'OUTBOX' })).toEqual(['gftx_probe']);
    expect(await actions({ entityType: 'notice' })).toEqual(['notice_submitted', 'notice_submitted']);
    expect(await actions({ entityType: 'notice', entityId: 'notice-b' })).toEqual(['notice_submitted']);
    expect(await actions({ brandId: bed.world.brandB.id })).toEqual(['brand_updated', 'gft_enrolled', 'notice_submitted']);
    // `_` is a literal here, not LIKE's any-character: `gft_` does not find `gftx_probe`.
    expect(await actions({ action: 'gft_' })).toEqual(['gft_enrolled', 'gft_enrolled']);
    expect((await admin.admin.audit.list(newestFirst({ action: 'gft_' }, 1))).total).toBe(2);
    expect(await actions({ action: 'notice_submitted' })).toEqual(['notice_submitted', 'notice_submitted']);
    expect(await actions({ from: new Date('2026-11-07'), to: new Date('2026-11-08T00:00:00Z') })).toEqual(['signed_in']);
    // Whole days include their last millisecond; instants with an offset are compared as instants.
    expect(await actions({ from: '2026-11-02', to: '2026-11-03' } as never)).toEqual(['notice_submitted', 'notice_submitted']);
    expect(await actions({ from: '2026-11-08T19:59:59+08:00' } as never)).toEqual(['gftx_probe']);
    expect(await actions({ brandId: bed.world.brandA.id, action: 'notice' })).toEqual(['notice_submitted']);

    const backwards = await refusal(admin.admin.audit.list(newestFirst({ from: '2026-11-03', to: '2026-11-02' } as never)));
    expect(backwards?.code).toBe('BAD_REQUEST');
    expect(backwards?.message).toContain('filter.to');
  });

  it('shows an account manager their brands’ events and their own actions, nothing else', async () => {
    const manager = bed.world.staff.account_manager;
    const page = await as('account_manager').admin.audit.list(newestFirst());
    expect(page.data.map((event) => event.action)).toEqual(['signed_in', 'brand_updated', 'gft_enrolled', 'notice_submitted']);
    expect(page.total).toBe(4);
    const scope = auditScope('account_manager', manager.id);
    expect(page.data.every((event) => auditScopeCovers(scope, event, new Set([bed.world.brandA.id])))).toBe(true);
    // Filtering on another brand only narrows: B's events by others stay hidden.
    const onB = await as('account_manager').admin.audit.list(newestFirst({ brandId: bed.world.brandB.id }));
    expect(onB.data.map((event) => [event.action, event.actorId])).toEqual([['brand_updated', manager.id]]);
    const others = await bed.callerFor(bed.world.otherManager).admin.audit.list(newestFirst());
    expect(others.data.map((event) => event.action)).toEqual(['brand_updated', 'gft_enrolled', 'notice_submitted']);
  });

  it('refuses reviewers and brand users', async () => {
    expect((await refusal(as('reviewer').admin.audit.list(newestFirst())))?.code).toBe('FORBIDDEN');
    expect((await refusal(bed.callerFor(bed.world.brandUsers.A.brand_admin).admin.audit.list(newestFirst())))?.code).toBe('FORBIDDEN');
  });

  it('shows the audit row of a real change, and moves a brand’s history with the brand to its new manager', async () => {
    const { brandA, staff, otherManager } = bed.world;
    await as('account_manager').admin.brands.update({ id: brandA.id, jointForcePhase: 'authentication' });
    const [updated] = (await as('account_manager').admin.audit.list(newestFirst({ action: 'brand_updated', brandId: brandA.id }))).data;
    expect(updated).toMatchObject({ actorId: staff.account_manager.id, entityType: 'brand', before: { jointForcePhase: 'onboarding' }, after: { jointForcePhase: 'authentication' } });
    expect(Date.now() - Date.parse(updated!.occurredAt)).toBeLessThan(60_000);

    await as('platform_admin').admin.brands.update({ id: brandA.id, accountManagerId: otherManager.id, managerNote: 'handover' });
    const previous = await as('account_manager').admin.audit.list(newestFirst({ brandId: brandA.id }));
    expect(previous.data.every((event) => event.actorId === staff.account_manager.id)).toBe(true);
    const next = await bed.callerFor(otherManager).admin.audit.list(newestFirst({ brandId: brandA.id }));
    expect(next.data.map((event) => event.action)).toContain('notice_submitted');
  });
});
