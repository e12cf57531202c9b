import {
  addAllowlistEntryInput,
  canManageBrand,
  DEFAULT_GFT_SETTINGS,
  DomainError,
  conflict,
  managerHistoryInput,
  rankByAttention,
  RECENT_REJECTION_DAYS,
  removeAllowlistEntryInput,
  forbidden,
  gftTransitionInput,
  idSchema,
  listBrandsInput,
  notFound,
  transitionGftStatus,
  unwrap,
  updateBrandInput,
} from '@jf/domain';
import { AllowlistEntry, Marketplace, assignAccountManager, brandAllowlist, brandWorkloads, findBrand, findStaffUser, listBrands, managerHistory, notify, type Brand } from '@jf/db';
import type { Context } from '../trpc/context';
import { brandStanding } from '../services/gft-governance';
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
      const brand = await managedBrandOrNotFound(ctx, input.id, 'change it');
      const before = presentBrand(brand);
      if (input.status) brand.status = input.status;
      if (input.jointForcePhase) brand.jointForcePhase = input.jointForcePhase;
      if (input.accountManagerId !== undefined && input.accountManagerId !== (brand.accountManager?.id ?? null)) {
        const manager = input.accountManagerId === null ? null : await findStaffUser(ctx.em, input.accountManagerId);
        if (input.accountManagerId !== null && (!manager || manager.role !== 'account_manager' || manager.status !== 'active')) {
          throw new DomainError('validation', 'accountManagerId: must be an active account manager', {
            accountManagerId: ['must be an active account manager'],
          });
        }
        await assignAccountManager(ctx.em, brand, manager, ctx.user, input.managerNote ?? null, new Date());
        notify(ctx.em, {
          brandId: brand.id,
          kind: 'message',
          title: manager ? `${manager.name} is now your account manager` : 'Your brand has no account manager for now',
          body: manager ? `Write to ${manager.name} under Messages; ${manager.email} also reaches them.` : 'We will assign a new account manager shortly.',
          entityType: 'brand',
          entityId: brand.id,
        });
      }
      await ctx.em.flush();
      const after = presentBrand(brand);
      audit(ctx, { action: 'brand_updated', entityType: 'brand', entityId: brand.id, brandId: brand.id, before, after });
      return after;
    }),

  gftStanding: requirePermission('brands.read')
    .input(z.object({ id: idSchema }))
    .query(async ({ ctx, input }) => presentStanding(ctx.em, await brandOrNotFound(ctx.em, input.id))),

  /** Moves the GFT status by a state-machine event; the reason is kept in the audit trail for the brand. */
  gftTransition: requirePermission('brands.gft')
    .input(gftTransitionInput)
    .mutation(async ({ ctx, input }) => {
      const brand = await managedBrandOrNotFound(ctx, input.id, 'change its GFT status');
      const before = brand.gftStatus;
      brand.gftStatus = unwrap(transitionGftStatus(brand.gftStatus, input.event));
      brand.gftStatusChangedAt = new Date();
      if (input.event === 'suspend') brand.gftSuspendedAt = brand.gftStatusChangedAt;
      notify(ctx.em, {
        brandId: brand.id,
        kind: 'gft_status',
        title: `Good Faith Takedown: your status is now ${brand.gftStatus.replace('_', ' ')}`,
        body: input.reason,
        entityType: 'brand',
        entityId: brand.id,
      });
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

async function managedBrandOrNotFound(ctx: Context & { user: NonNullable<Context['user']> }, brandId: string, action: string): Promise<Brand> {
  const brand = await brandOrNotFound(ctx.em, brandId);
  if (!canManageBrand(ctx.user.role, ctx.user.id, brand.accountManager?.id ?? null)) {
    throw forbidden(`Only the brand’s account manager or a platform admin can ${action}`);
  }
  return brand;
}

function presentAllowlistEntry(entry: AllowlistEntry) {
  return {
    id: entry.id,
    brandId: entry.brand.id,
    marketplaceCode: entry.marketplace.code,
    sellerExternalId: entry.sellerExternalId,
    sellerName: entry.sellerName,
    note: entry.note,
    addedBy: entry.addedBy ? { id: entry.addedBy.id, name: entry.addedBy.name } : null,
    createdAt: entry.createdAt.toISOString(),
  };
}

export const adminAccountManagementRouter = {
  /** Every stretch of the brand's management, newest first. */
  managerHistory: requirePermission('brands.read')
    .input(managerHistoryInput)
    .query(async ({ ctx, input }) => {
      await brandOrNotFound(ctx.em, input.brandId);
      return (await managerHistory(ctx.em, input.brandId)).map((assignment) => ({
        id: assignment.id,
        manager: assignment.manager ? { id: assignment.manager.id, name: assignment.manager.name, email: assignment.manager.email } : null,
        assignedBy: assignment.assignedBy ? { id: assignment.assignedBy.id, name: assignment.assignedBy.name } : null,
        note: assignment.note,
        startedAt: assignment.startedAt.toISOString(),
        endedAt: assignment.endedAt?.toISOString() ?? null,
      }));
    }),

  /** The manager's brands, most in need of attention first (a platform admin sees every brand). */
  workspace: requirePermission('workspace.read').query(async ({ ctx }) => {
    const now = new Date();
    const managerId = ctx.user.role === 'platform_admin' ? null : ctx.user.id;
    const workloads = await brandWorkloads(ctx.em, managerId, new Date(now.getTime() - RECENT_REJECTION_DAYS * 86_400_000), now);
    return rankByAttention(workloads, DEFAULT_GFT_SETTINGS);
  }),

  allowlist: requirePermission('brands.read')
    .input(managerHistoryInput)
    .query(async ({ ctx, input }) => {
      await brandOrNotFound(ctx.em, input.brandId);
      return (await brandAllowlist(ctx.em, input.brandId)).map(presentAllowlistEntry);
    }),

  addToAllowlist: requirePermission('brands.manage')
    .input(addAllowlistEntryInput)
    .mutation(async ({ ctx, input }) => {
      const brand = await managedBrandOrNotFound(ctx, input.brandId, 'change its allowlist');
      const marketplaces = (await ctx.em.find(Marketplace, {}, { orderBy: { code: 'ASC' } })).map((marketplace) => marketplace.code as string);
      if (!marketplaces.includes(input.marketplaceCode)) {
        throw new DomainError('validation', `marketplaceCode: ${input.marketplaceCode} is not a marketplace of the platform`, { marketplaceCode: [`must be one of ${marketplaces.join(', ')}`] });
      }
      const existing = await ctx.em.count(AllowlistEntry, { brand, marketplace: input.marketplaceCode as never, sellerExternalId: input.sellerExternalId });
      if (existing > 0) throw conflict('This seller is already on the brand’s allowlist', { sellerExternalId: ['is already allowlisted on this marketplace'] });
      const entry = ctx.em.create(AllowlistEntry, {
        brand,
        marketplace: input.marketplaceCode as never,
        sellerExternalId: input.sellerExternalId,
        sellerName: input.sellerName ?? null,
        note: input.note,
        addedBy: ctx.user,
      });
      await ctx.em.flush();
      audit(ctx, { action: 'allowlist_added', entityType: 'seller', entityId: input.sellerExternalId, brandId: brand.id, after: { marketplace: input.marketplaceCode, note: input.note } });
      return presentAllowlistEntry(entry);
    }),

  removeFromAllowlist: requirePermission('brands.manage')
    .input(removeAllowlistEntryInput)
    .mutation(async ({ ctx, input }) => {
      const entry = await ctx.em.findOne(AllowlistEntry, input.id, { populate: ['brand', 'brand.accountManager'] });
      if (!entry) throw notFound('Allowlist entry');
      await managedBrandOrNotFound(ctx, entry.brand.id, 'change its allowlist');
      const before = presentAllowlistEntry(entry);
      ctx.em.remove(entry);
      audit(ctx, { action: 'allowlist_removed', entityType: 'seller', entityId: entry.sellerExternalId, brandId: entry.brand.id, before, after: { reason: input.reason } });
      return { id: input.id };
    }),
};

async function presentStanding(em: Parameters<typeof findBrand>[0], brand: Brand) {
  const { evaluation, settings } = await brandStanding(em, brand, new Date());
  return {
    status: brand.gftStatus,
    windowStart: evaluation.windowStart.toISOString(),
    overall: evaluation.overall,
    perReason: evaluation.perReason,
    qualifies: evaluation.qualifies,
    reasons: evaluation.reasons,
    cooldownEndsAt: evaluation.cooldownEndsAt?.toISOString() ?? null,
    thresholds: settings,
  };
}

export const brandRouter = {
  /** The caller's own brand, with its account manager. */
  mine: brandScopedProcedure().query(async ({ ctx }) => presentBrand(await brandOrNotFound(ctx.em, ctx.brandId))),

  /** The brand's live GFT record against the thresholds: a brand should never have to guess why it lost the fast track. */
  gftStanding: brandScopedProcedure().query(async ({ ctx }) => presentStanding(ctx.em, await brandOrNotFound(ctx.em, ctx.brandId))),
};
