import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent, Brand } from '@jf/db';
import { testDatabaseKinds } from '@jf/db/testing';
import { createApiTestBed, type ApiTestBed } from '../testing';

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: TRPCError) => error);
const listAll = { page: 1, perPage: 25, sort: { field: 'name', order: 'ASC' }, filter: {} } as const;

describe.each(testDatabaseKinds())('admin brands on %s', (kind) => {
  let bed: ApiTestBed;
  beforeAll(async () => {
    bed = await createApiTestBed(kind);
    const em = bed.database.fork();
    for (let i = 0; i < 12; i++) em.create(Brand, { name: `Zeta ${String(i).padStart(2, '0')}`, slug: `zeta-${i}`, gftStatus: i % 3 === 0 ? 'enrolled' : 'not_eligible' });
    await em.flush();
  });
  afterAll(() => bed.destroy());

  it('pages, sorts and filters on the server', async () => {
    const reviewer = bed.callerFor(bed.world.staff.reviewer);
    const firstPage = await reviewer.admin.brands.list({ ...listAll, perPage: 5 });
    expect(firstPage.total).toBe(14);
    expect(firstPage.data.map((brand) => brand.name)).toEqual(['Brand A', 'Brand B', 'Zeta 00', 'Zeta 01', 'Zeta 02']);
    const thirdPage = await reviewer.admin.brands.list({ ...listAll, perPage: 5, page: 3 });
    expect(thirdPage.data.map((brand) => brand.name)).toEqual(['Zeta 08', 'Zeta 09', 'Zeta 10', 'Zeta 11']);
    const descending = await reviewer.admin.brands.list({ ...listAll, sort: { field: 'name', order: 'DESC' }, perPage: 1 });
    expect(descending.data[0]?.name).toBe('Zeta 11');
    const enrolled = await reviewer.admin.brands.list({ ...listAll, filter: { gftStatus: 'enrolled' } });
    expect(enrolled.total).toBe(5);
    expect(enrolled.data.every((brand) => brand.gftStatus === 'enrolled')).toBe(true);
    const search = await reviewer.admin.brands.list({ ...listAll, filter: { q: 'zeta 1' } });
    expect(search.data.map((brand) => brand.name)).toEqual(['Zeta 10', 'Zeta 11']);
    const managed = await reviewer.admin.brands.list({ ...listAll, filter: { accountManagerId: bed.world.staff.account_manager.id } });
    expect(managed.data.map((brand) => brand.name)).toEqual(['Brand A']);
  });

  it('rejects an unknown sort field and an oversized page with the field named', async () => {
    const reviewer = bed.callerFor(bed.world.staff.reviewer);
    const badSort = await refusal(reviewer.admin.brands.list({ ...listAll, sort: { field: 'passwordHash' as never, order: 'ASC' } }));
    expect(badSort?.code).toBe('BAD_REQUEST');
    expect(badSort?.message).toContain('sort.field');
    const huge = await refusal(reviewer.admin.brands.list({ ...listAll, perPage: 100_000 }));
    expect(huge?.message).toContain('perPage');
  });

  it('byId answers NOT_FOUND for an unknown brand', async () => {
    const error = await refusal(bed.callerFor(bed.world.staff.leadership).admin.brands.byId({ id: '00000000-0000-4000-8000-000000000000' }));
    expect(error?.code).toBe('NOT_FOUND');
  });

  it('lets a brand’s own account manager edit it, audits before and after, and refuses other managers', async () => {
    const manager = bed.callerFor(bed.world.staff.account_manager);
    const updated = await manager.admin.brands.update({ id: bed.world.brandA.id, jointForcePhase: 'authentication' });
    expect(updated.jointForcePhase).toBe('authentication');
    const events = await bed.database.fork().find(AuditEvent, { entityId: bed.world.brandA.id, action: 'brand_updated' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: bed.world.staff.account_manager.id, brandId: bed.world.brandA.id });
    expect(events[0]!.before).toMatchObject({ jointForcePhase: 'onboarding' });
    expect(events[0]!.after).toMatchObject({ jointForcePhase: 'authentication' });
    const refused = await refusal(manager.admin.brands.update({ id: bed.world.brandB.id, status: 'inactive' }));
    expect(refused?.code).toBe('FORBIDDEN');
    expect((await bed.database.fork().findOneOrFail(Brand, bed.world.brandB.id)).status).toBe('active');
  });

  it('refuses leadership and reviewers any change', async () => {
    for (const user of [bed.world.staff.leadership, bed.world.staff.reviewer]) {
      const error = await refusal(bed.callerFor(user).admin.brands.update({ id: bed.world.brandA.id, status: 'inactive' }));
      expect(error?.code).toBe('FORBIDDEN');
    }
  });

  it('assigns only active account managers', async () => {
    const admin = bed.callerFor(bed.world.staff.platform_admin);
    const wrongRole = await refusal(admin.admin.brands.update({ id: bed.world.brandA.id, accountManagerId: bed.world.staff.reviewer.id }));
    expect(wrongRole?.code).toBe('BAD_REQUEST');
    expect(wrongRole?.message).toContain('accountManagerId');
    const moved = await admin.admin.brands.update({ id: bed.world.brandB.id, accountManagerId: bed.world.staff.account_manager.id });
    expect(moved.accountManager?.email).toBe('am@staff.test');
    await admin.admin.brands.update({ id: bed.world.brandB.id, accountManagerId: bed.world.otherManager.id });
  });

  it('moves the GFT status only along the state machine, recording the reason', async () => {
    const manager = bed.callerFor(bed.world.staff.account_manager);
    const enrolled = await manager.admin.brands.gftTransition({ id: bed.world.brandA.id, event: 'enrol', reason: 'Clean record for 90 days' });
    expect(enrolled.gftStatus).toBe('enrolled');
    const illegal = await refusal(manager.admin.brands.gftTransition({ id: bed.world.brandA.id, event: 'enrol', reason: 'again' }));
    expect(illegal?.code).toBe('CONFLICT');
    expect(illegal?.message).toMatch(/Cannot enrol a brand whose GFT status is enrolled/);
    const suspended = await manager.admin.brands.gftTransition({ id: bed.world.brandA.id, event: 'suspend', reason: 'Accuracy fell to 84%' });
    expect(suspended.gftStatus).toBe('suspended');
    expect(suspended.gftSuspendedAt).not.toBeNull();
    const trail = await bed.database.fork().find(AuditEvent, { entityId: bed.world.brandA.id, action: { $like: 'gft_%' } }, { orderBy: { occurredAt: 'ASC' } });
    expect(trail.map((event) => [event.before?.gftStatus, event.after?.gftStatus, event.after?.reason])).toEqual([
      ['eligible', 'enrolled', 'Clean record for 90 days'],
      ['enrolled', 'suspended', 'Accuracy fell to 84%'],
    ]);
  });

  it('leaves nothing behind when a transition is refused', async () => {
    const admin = bed.callerFor(bed.world.staff.platform_admin);
    const before = await bed.database.fork().count(AuditEvent, {});
    const error = await refusal(admin.admin.brands.gftTransition({ id: bed.world.brandB.id, event: 'qualify', reason: 'not allowed from enrolled' }));
    expect(error?.code).toBe('CONFLICT');
    expect(await bed.database.fork().count(AuditEvent, {})).toBe(before);
    expect((await bed.database.fork().findOneOrFail(Brand, bed.world.brandB.id)).gftStatus).toBe('enrolled');
  });

  it('overview summary counts brands by GFT status', async () => {
    const summary = await bed.callerFor(bed.world.staff.leadership).admin.overview.summary();
    const total = Object.values(summary.brandsByGftStatus).reduce((sum, count) => sum + count, 0);
    expect(total).toBe(14);
    expect(summary.removalsBySource).toEqual({ proactive: 0, authentication: 0, notice_gft: 0, notice_standard: 0 });
    expect(summary.proactiveRatio.ratio).toBeNull();
  });
});
