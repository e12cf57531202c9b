import {
  assertNewPassword,
  brandUserRefInput,
  conflict,
  createStaffUserInput,
  DomainError,
  forbidden,
  idSchema,
  inviteBrandUserInput,
  listStaffInput,
  notFound,
  updateStaffUserInput,
} from '@jf/domain';
import {
  deleteUserSessions,
  findBrandUser,
  findStaffUser,
  findUserByEmail,
  hashPassword,
  hashToken,
  listBrandUsers,
  listStaff,
  newToken,
  User,
} from '@jf/db';
import { z } from 'zod';
import { audit, brandScopedProcedure, requirePermission } from '../trpc/init';
import { presentUser } from './presenters';

const INVITE_VALID_DAYS = 7;

async function assertEmailFree(em: Parameters<typeof findUserByEmail>[0], email: string) {
  if (await findUserByEmail(em, email)) throw conflict('This e-mail address already has an account', { email: ['is already in use'] });
}

export const adminStaffRouter = {
  list: requirePermission('staff.read')
    .input(listStaffInput)
    .query(async ({ ctx, input }) => {
      const page = await listStaff(ctx.em, input);
      return { data: page.items.map(presentUser), total: page.total };
    }),

  byId: requirePermission('staff.read')
    .input(z.object({ id: idSchema }))
    .query(async ({ ctx, input }) => {
      const user = await findStaffUser(ctx.em, input.id);
      if (!user) throw notFound('Staff user');
      return presentUser(user);
    }),

  create: requirePermission('staff.manage')
    .input(createStaffUserInput)
    .mutation(async ({ ctx, input }) => {
      await assertEmailFree(ctx.em, input.email);
      assertNewPassword(input.password, input.email);
      const user = ctx.em.create(User, {
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash: await hashPassword(input.password),
      });
      await ctx.em.flush();
      audit(ctx, { action: 'staff_created', entityType: 'user', entityId: user.id, after: { email: user.email, role: user.role } });
      return presentUser(user);
    }),

  update: requirePermission('staff.manage')
    .input(updateStaffUserInput)
    .mutation(async ({ ctx, input }) => {
      const user = await findStaffUser(ctx.em, input.id);
      if (!user) throw notFound('Staff user');
      if (user.id === ctx.user.id && (input.status === 'deactivated' || (input.role && input.role !== user.role))) {
        throw forbidden('You cannot deactivate yourself or change your own role');
      }
      const before = presentUser(user);
      if (input.name) user.name = input.name;
      if (input.role) user.role = input.role;
      if (input.status) user.status = input.status;
      if (input.status === 'deactivated') await deleteUserSessions(ctx.em, user.id);
      const after = presentUser(user);
      audit(ctx, { action: 'staff_updated', entityType: 'user', entityId: user.id, before, after });
      return after;
    }),
};

export const brandUsersRouter = {
  list: brandScopedProcedure().query(async ({ ctx }) => (await listBrandUsers(ctx.em, ctx.brandId)).map(presentUser)),

  /** Creates an invited agent; the one-time link is returned once, only its hash is stored. */
  invite: brandScopedProcedure('brand_admin')
    .input(inviteBrandUserInput)
    .mutation(async ({ ctx, input }) => {
      await assertEmailFree(ctx.em, input.email);
      const token = newToken();
      const user = ctx.em.create(User, {
        email: input.email,
        name: input.name,
        role: 'brand_agent',
        status: 'invited',
        brand: ctx.brandId,
        inviteTokenHash: hashToken(token),
        inviteExpiresAt: new Date(Date.now() + INVITE_VALID_DAYS * 86_400_000),
      });
      await ctx.em.flush();
      audit(ctx, { action: 'brand_user_invited', entityType: 'user', entityId: user.id, brandId: ctx.brandId, after: { email: user.email, role: user.role } });
      return { user: presentUser(user), invitePath: `/portal/accept-invite?token=${token}` };
    }),

  deactivate: brandScopedProcedure('brand_admin')
    .input(brandUserRefInput)
    .mutation(async ({ ctx, input }) => {
      const user = await findBrandUser(ctx.em, ctx.brandId, input.userId);
      if (!user) throw notFound('User');
      if (user.role !== 'brand_agent') throw forbidden('Only brand agents can be deactivated here');
      if (user.status === 'deactivated') throw new DomainError('invalid_transition', 'This user is already deactivated');
      const before = user.status;
      user.status = 'deactivated';
      user.inviteTokenHash = null;
      await deleteUserSessions(ctx.em, user.id);
      audit(ctx, { action: 'brand_user_deactivated', entityType: 'user', entityId: user.id, brandId: ctx.brandId, before: { status: before }, after: { status: user.status } });
      return presentUser(user);
    }),

  reactivate: brandScopedProcedure('brand_admin')
    .input(brandUserRefInput)
    .mutation(async ({ ctx, input }) => {
      const user = await findBrandUser(ctx.em, ctx.brandId, input.userId);
      if (!user) throw notFound('User');
      if (user.status !== 'deactivated' || !user.passwordHash) {
        throw new DomainError('invalid_transition', 'Only a deactivated user who had accepted the invitation can be reactivated');
      }
      user.status = 'active';
      audit(ctx, { action: 'brand_user_reactivated', entityType: 'user', entityId: user.id, brandId: ctx.brandId, before: { status: 'deactivated' }, after: { status: 'active' } });
      return presentUser(user);
    }),
};
