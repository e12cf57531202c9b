import {
  appealSeries,
  authRequestSeries,
  dashboardInput,
  forbidden,
  GFT_STATUSES,
  idSchema,
  listParamsSchema,
  MARKETPLACE_CODES,
  NOTICE_REASONS,
  REMOVAL_SOURCES,
  removalsSeries,
  turnaroundSeries,
  type DashboardInput,
} from '@jf/domain';
import {
  appealsByDay,
  authRequestsByDay,
  authResponseByDay,
  Brand,
  findPage,
  Removal,
  removalsByDay,
  turnaroundByDay,
  type RollupFilter,
} from '@jf/db';
import type { FilterQuery } from '@mikro-orm/core';
import { z } from 'zod';
import { gftSettings } from '../services/gft-governance';
import type { Context } from '../trpc/context';
import { brandScopedProcedure, requirePermission } from '../trpc/init';

const filterOf = (input: DashboardInput, brandIds: readonly string[] | undefined): RollupFilter => ({
  from: input.from,
  to: input.to,
  marketplace: input.marketplace,
  brandIds,
  reason: input.reason === undefined ? undefined : input.reason === 'none' ? '' : input.reason,
  unit: input.unit,
});

/**
 * Whose figures a staff member reads: an account manager their own brands (one of them when named);
 * leadership, reviewers and platform admins the whole platform or the brand named.
 */
async function staffBrands(ctx: Context & { user: { id: string; role: string } }, brandId: string | undefined): Promise<string[] | undefined> {
  if (ctx.user.role !== 'account_manager') return brandId ? [brandId] : undefined;
  const managed = (await ctx.em.find(Brand, { accountManager: ctx.user.id }, { fields: ['id'] })).map((brand) => brand.id);
  if (brandId && !managed.includes(brandId)) throw forbidden('You can read the figures of the brands you manage only');
  return brandId ? [brandId] : managed;
}

/** The charts, each one query over the rollups; the same for staff (scoped) and for a brand (its own). */
const charts = {
  removals: async (ctx: Context, input: DashboardInput, brandIds: readonly string[] | undefined) =>
    removalsSeries(await removalsByDay(ctx.em, filterOf(input, brandIds)), input.from, input.to, input.unit),
  turnaround: async (ctx: Context, input: DashboardInput, brandIds: readonly string[] | undefined) =>
    turnaroundSeries(await turnaroundByDay(ctx.em, filterOf(input, brandIds)), input.from, input.to, input.unit),
  authRequests: async (ctx: Context, input: DashboardInput, brandIds: readonly string[] | undefined) => {
    const filter = filterOf(input, brandIds);
    return authRequestSeries(await authRequestsByDay(ctx.em, filter), await authResponseByDay(ctx.em, filter), input.from, input.to, input.unit);
  },
  appeals: async (ctx: Context, input: DashboardInput, brandIds: readonly string[] | undefined) => {
    const filter = filterOf(input, brandIds);
    // Appeals are related to the removals acknowledged in the same period, whatever their reason.
    return appealSeries(await appealsByDay(ctx.em, filter), await removalsByDay(ctx.em, { ...filter, reason: undefined }), input.from, input.to, input.unit);
  },
};

const ACCURACY_BANDS = [0.5, 0.8, 0.9, 0.95, 0.98, 1] as const;

export const adminDashboardsRouter = {
  removals: requirePermission('overview.read')
    .input(dashboardInput)
    .query(async ({ ctx, input }) => charts.removals(ctx, input, await staffBrands(ctx, input.brandId))),
  turnaround: requirePermission('overview.read')
    .input(dashboardInput)
    .query(async ({ ctx, input }) => charts.turnaround(ctx, input, await staffBrands(ctx, input.brandId))),
  authRequests: requirePermission('overview.read')
    .input(dashboardInput)
    .query(async ({ ctx, input }) => charts.authRequests(ctx, input, await staffBrands(ctx, input.brandId))),
  appeals: requirePermission('overview.read')
    .input(dashboardInput)
    .query(async ({ ctx, input }) => charts.appeals(ctx, input, await staffBrands(ctx, input.brandId))),

  /** Brands by GFT status and by rolling accuracy, against the programme's thresholds (current state, not a series). */
  gft: requirePermission('overview.read').query(async ({ ctx }) => {
    const brandIds = await staffBrands(ctx, undefined);
    const brands = await ctx.em.find(Brand, brandIds ? { id: { $in: brandIds } } : {}, { fields: ['gftStatus', 'accuracy'] });
    const byStatus = Object.fromEntries(GFT_STATUSES.map((status) => [status, brands.filter((brand) => brand.gftStatus === status).length]));
    const bands = ACCURACY_BANDS.map((upTo, index) => ({
      above: index === 0 ? 0 : ACCURACY_BANDS[index - 1]!,
      upTo,
      brands: brands.filter((brand) => brand.accuracy !== null && brand.accuracy <= upTo && (index === 0 || brand.accuracy > ACCURACY_BANDS[index - 1]!)).length,
    }));
    const settings = await gftSettings(ctx.em);
    return { byStatus, accuracy: bands, unknownAccuracy: brands.filter((brand) => brand.accuracy === null).length, thresholds: { eligibleAt: settings.minSuccessRate, suspendBelow: settings.suspendBelowSuccessRate } };
  }),
};

/** A brand's own transparency figures: what was removed for it, how fast, its appeals. */
export const brandDashboardRouter = {
  removals: brandScopedProcedure()
    .input(dashboardInput)
    .query(({ ctx, input }) => charts.removals(ctx, input, [ctx.brandId])),
  turnaround: brandScopedProcedure()
    .input(dashboardInput)
    .query(({ ctx, input }) => charts.turnaround(ctx, input, [ctx.brandId])),
  appeals: brandScopedProcedure()
    .input(dashboardInput)
    .query(({ ctx, input }) => charts.appeals(ctx, input, [ctx.brandId])),
};

const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);
const REMOVAL_SORT_FIELDS = ['requestedAt', 'removedAt'] as const;
export const listRemovalsInput = listParamsSchema(
  z.object({
    source: z.enum(REMOVAL_SOURCES).optional(),
    sources: z.array(z.enum(REMOVAL_SOURCES)).max(4).optional(),
    marketplace: z.enum(MARKETPLACE_CODES).optional(),
    brandId: idSchema.optional(),
    /** The notice reason behind the removal, or `none` for removals without a notice (proactive, authentication). */
    reason: z.enum([...NOTICE_REASONS, 'none']).optional(),
    /** Requested on or after this UTC day. */
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a day as YYYY-MM-DD' }).optional(),
    /** Requested before the end of this UTC day. */
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a day as YYYY-MM-DD' }).optional(),
  }),
  REMOVAL_SORT_FIELDS,
);

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The removals behind a point of a chart (drill-down), scoped as the charts are. */
export const adminRemovalsRouter = {
  list: requirePermission('overview.read')
    .input(listRemovalsInput)
    .query(async ({ ctx, input }) => {
      const { source, sources, marketplace, brandId, from, to, reason } = input.filter;
      const brandIds = await staffBrands(ctx, brandId);
      const requestedAt = { ...(from ? { $gte: dayStart(from) } : {}), ...(to ? { $lt: new Date(dayStart(to).getTime() + 86_400_000) } : {}) };
      const where: FilterQuery<Removal> = {
        ...(source ? { source } : sources ? { source: { $in: sources } } : {}),
        ...(marketplace ? { marketplace } : {}),
        ...(brandIds ? { brand: { $in: brandIds } } : {}),
        ...(from || to ? { requestedAt } : {}),
        ...(reason === 'none' ? { noticeItem: null } : reason ? { noticeItem: { notice: { reason } } } : {}),
      };
      const page = await findPage(ctx.em, Removal, where, input, { populate: ['listing', 'brand'] });
      return {
        data: page.items.map((removal) => ({
          id: removal.id,
          source: removal.source,
          marketplaceCode: removal.marketplace.code,
          brandId: removal.brand?.id ?? null,
          brandName: removal.brand?.name ?? null,
          listing: { id: removal.listing.id, externalId: removal.listing.externalId, title: removal.listing.title },
          requestedAt: removal.requestedAt.toISOString(),
          removedAt: iso(removal.removedAt),
          reinstatedAt: iso(removal.reinstatedAt),
          turnaroundMs: removal.removedAt ? removal.removedAt.getTime() - removal.requestedAt.getTime() : null,
        })),
        total: page.total,
      };
    }),
};
