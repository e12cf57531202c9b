import {
  canManageBrand,
  DomainError,
  forbidden,
  gftTransitionInput,
  idSchema,
  listBrandsInput,
  notFound,
  transitionGftStatus,
  unwrap,
  updateBrandInput,
} from '@jf/domain';
import { findBrand, findStaffUser, listBrands } from '@jf/db';
import { z } from 'zod';
import { audit, brandScopedProcedure, requirePermission } from '../trpc/init';
import { presentBrand } from './presenters';

async function brandOrNotFound(em: Parameters<typeof findBrand>[0], id: string) {
  const brand = await findBrand(em, id);
  if (!brand) throw notFound('Brand');
  return brand;
}

export const adminBrandsRouter = {
  list: requirePermission('brands.read')
    .input(listBrandsInput)
    .query(async ({ ctx, input }) => {
      const page = await listBrands(ctx.em, input);
      return { data: page.items.map(presentBrand), total: page.total };
    }),

  byId: requirePermission('brands.read')
    .input(z.object({ id: idSchema }))
    .query(async ({ ctx, input }) => presentBrand(await brandOrNotFound(ctx.em, input.id))),

  update: requirePermission('brands.manage')
    .input(updateBrandInput)
    .mutation(async ({ ctx, input }) => {
      const brand = await brandOrNotFound(ctx.em, input.id);
      if (!canManageBrand(ctx.user.role, ctx.user.id, brand.accountManager?.id ?? null)) {
        throw forbidden('Only the brand’s account manager or a platform admin can change it');
      }
      const before = presentBrand(brand);
      if (input.status) brand.status = input.status;
      if (input.jointForcePhase) brand.jointForcePhase = input.jointForcePhase;
      if (input.accountManagerId !== undefined) {
        if (input.accountManagerId === null) brand.accountManager = null;
        else {
          const manager = await findStaffUser(ctx.em, input.accountManagerId);
          if (!manager || manager.role !== 'account_manager' || manager.status !== 'active') {
            throw new DomainError('validation', 'accountManagerId: must be an active account manager', {
              accountManagerId: ['must be an active account manager'],
            });
          }
          brand.accountManager = manager;
        }
      }
      await ctx.em.flush();
      const after = presentBrand(brand);
      audit(ctx, { action: 'brand_updated', entityType: 'brand', entityId: brand.id, brandId: brand.id, before, after });
      return after;
    }),

  /** Moves the GFT status by a state-machine event; the reason is kept in the audit trail for the brand. */
  gftTransition: requirePermission('brands.gft')
    .input(gftTransitionInput)
    .mutation(async ({ ctx, input }) => {
      const brand = await brandOrNotFound(ctx.em, input.id);
      if (!canManageBrand(ctx.user.role, ctx.user.id, brand.accountManager?.id ?? null)) {
        throw forbidden('Only the brand’s account manager or a platform admin can change its GFT status');
      }
      const before = brand.gftStatus;
      brand.gftStatus = unwrap(transitionGftStatus(brand.gftStatus, input.event));
      brand.gftStatusChangedAt = new Date();
      if (input.event === 'suspend') brand.gftSuspendedAt = brand.gftStatusChangedAt;
      audit(ctx, {
        action: `gft_${input.event}`,
        entityType: 'brand',
        entityId: brand.id,
        brandId: brand.id,
        before: { gftStatus: before },
        after: { gftStatus: brand.gftStatus, reason: input.reason },
      });
      return presentBrand(brand);
    }),
};

export const brandRouter = {
  /** The caller's own brand, with its account manager. */
  mine: brandScopedProcedure().query(async ({ ctx }) => presentBrand(await brandOrNotFound(ctx.em, ctx.brandId))),
};
