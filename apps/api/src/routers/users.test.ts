import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent, User } from '@jf/db';
import { testDatabaseKinds } from '@jf/db/testing';
import { createApiTestBed, type ApiTestBed } from '../testing';

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: TRPCError) => error);
const listAll = { page: 1, perPage: 50, sort: { field: 'email', order: 'ASC' }, filter: {} } as const;

describe.each(testDatabaseKinds())('staff and brand users on %s', (kind) => {
  let bed: ApiTestBed;
  beforeAll(async () => {
    bed = await createApiTestBed(kind);
  });
  afterAll(() => bed.destroy());

  it('lists staff only, never brand users', async () => {
    const page = await bed.callerFor(bed.world.staff.reviewer).admin.staff.list(listAll);
    expect(page.total).toBe(5);
    expect(page.data.every((user) => user.brandId === null)).toBe(true);
    const managers = await bed.callerFor(bed.world.staff.reviewer).admin.staff.list({ ...listAll, filter: { role: 'account_manager' } });
    expect(managers.data.map((user) => user.email)).toEqual(['am2@staff.test', 'am@staff.test']);
  });

  it('never exposes password hashes', async () => {
    const page = await bed.callerFor(bed.world.staff.platform_admin).admin.staff.list(listAll);
    expect(JSON.stringify(page)).not.toMatch(/argon2|passwordHash/);
  });

  it('lets only platform admins create staff, with a strong password and a unique e-mail', async () => {
    const reviewer = bed.callerFor(bed.world.staff.reviewer);
    const admin = bed.callerFor(bed.world.staff.platform_admin);
    const input = { email: 'new.reviewer@staff.test', name: 'New Reviewer', role: 'reviewer', password: 'long enough secret' } as const;
    expect((await refusal(reviewer.admin.staff.create(input)))?.code).toBe('FORBIDDEN');
    const weak = await refusal(admin.admin.staff.create({ ...input, password: 'short' }));
    expect(weak?.message).toContain('password');
    const created = await admin.admin.staff.create(input);
    expect(created).toMatchObject({ email: input.email, role: 'reviewer', status: 'active' });
    const duplicate = await refusal(admin.admin.staff.create({ ...input, email: 'NEW.reviewer@staff.test' }));
    expect(duplicate?.code).toBe('CONFLICT');
    const brandRole = await refusal(admin.admin.staff.create({ ...input, email: 'x@staff.test', role: 'brand_admin' as never }));
    expect(brandRole?.code).toBe('BAD_REQUEST');
    expect(await bed.database.fork().count(AuditEvent, { action: 'staff_created', entityId: created.id })).toBe(1);
  });

  it('refuses a platform admin deactivating themselves', async () => {
    const admin = bed.callerFor(bed.world.staff.platform_admin);
    const error = await refusal(admin.admin.staff.update({ id: bed.world.staff.platform_admin.id, status: 'deactivated' }));
    expect(error?.code).toBe('FORBIDDEN');
  });

  it('staff byId does not find brand users', async () => {
    const error = await refusal(bed.callerFor(bed.world.staff.platform_admin).admin.staff.byId({ id: bed.world.brandUsers.A.brand_admin.id }));
    expect(error?.code).toBe('NOT_FOUND');
  });

  it('lets a brand admin invite agents; agents cannot invite or deactivate', async () => {
    const agent = bed.callerFor(bed.world.brandUsers.A.brand_agent);
    expect((await refusal(agent.brandUsers.invite({ email: 'x@a.test', name: 'X' })))?.code).toBe('FORBIDDEN');
    expect((await refusal(agent.brandUsers.deactivate({ userId: bed.world.brandUsers.A.brand_admin.id })))?.code).toBe('FORBIDDEN');
    const admin = bed.callerFor(bed.world.brandUsers.A.brand_admin);
    const { user, invitePath } = await admin.brandUsers.invite({ email: 'invited@a.test', name: 'Invited' });
    expect(user).toMatchObject({ status: 'invited', role: 'brand_agent', brandId: bed.world.brandA.id });
    expect(invitePath).toMatch(/^\/portal\/accept-invite\?token=[\w-]{40,}$/);
    const stored = await bed.database.fork().findOneOrFail(User, user.id);
    expect(stored.inviteTokenHash).not.toContain(invitePath.split('=')[1]);
    const taken = await refusal(admin.brandUsers.invite({ email: 'agent@b.test', name: 'Someone' }));
    expect(taken?.code).toBe('CONFLICT');
    expect(taken?.message).toMatch(/already/);
  });

  it('refuses to deactivate a brand admin or an already deactivated agent', async () => {
    const admin = bed.callerFor(bed.world.brandUsers.A.brand_admin);
    expect((await refusal(admin.brandUsers.deactivate({ userId: bed.world.brandUsers.A.brand_admin.id })))?.code).toBe('FORBIDDEN');
    await admin.brandUsers.deactivate({ userId: bed.world.brandUsers.A.brand_agent.id });
    expect((await refusal(admin.brandUsers.deactivate({ userId: bed.world.brandUsers.A.brand_agent.id })))?.code).toBe('CONFLICT');
    await admin.brandUsers.reactivate({ userId: bed.world.brandUsers.A.brand_agent.id });
  });
});
