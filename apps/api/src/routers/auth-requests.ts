import {
  answerAuthRequestsInput,
  authRequestStatsInput,
  dayKey,
  histogramOf,
  histogramPercentile,
  brandAuthRequestsInput,
  idSchema,
  listStaffAuthRequestsInput,
  notFound,
} from '@jf/domain';
import { AuthRequest, Removal, authRequestsByDay, authResponseByDay, findPage, type Page } from '@jf/db';
import type { FilterQuery } from '@mikro-orm/core';
import { z } from 'zod';
import { AUTH_REQUEST_POPULATE, answerAuthRequests } from '../services/auth-requests';
import type { Context } from '../trpc/context';
import { brandScopedProcedure, requirePermission } from '../trpc/init';

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const POPULATE = AUTH_REQUEST_POPULATE;

function presentAuthRequest(request: AuthRequest, removal?: Removal | null) {
  const { listing } = request;
  return {
    id: request.id,
    brandId: request.brand.id,
    brandName: request.brand.name,
    marketplaceCode: request.marketplace.code,
    state: request.state,
    score: request.score,
    signals: request.signals,
    listing: {
      id: listing.id,
      externalId: listing.externalId,
      title: listing.title,
      priceCents: listing.priceCents,
      currency: listing.currency,
      category: listing.category,
      status: listing.status,
      images: listing.images,
    },
    seller: { id: listing.seller.id, externalId: listing.seller.externalId, name: listing.seller.name, registeredAt: listing.seller.registeredAt.toISOString(), strikes: listing.seller.strikeCount },
    product: request.product ? { id: request.product.id, name: request.product.name, msrpCents: request.product.msrpCents, currency: request.product.currency } : null,
    answer: request.answer,
    answerReason: request.answerReason,
    answeredBy: request.answeredBy ? { id: request.answeredBy.id, name: request.answeredBy.name } : null,
    answeredAt: iso(request.answeredAt),
    dueAt: request.dueAt.toISOString(),
    createdAt: request.createdAt.toISOString(),
    removal: removal ? { id: removal.id, requestedAt: removal.requestedAt.toISOString(), removedAt: iso(removal.removedAt) } : null,
  };
}
export type AuthRequestDto = ReturnType<typeof presentAuthRequest>;

const listRequests = (ctx: Context, where: FilterQuery<AuthRequest>, page: number, perPage: number, sort: { field: 'createdAt' | 'dueAt' | 'score'; order: 'ASC' | 'DESC' }): Promise<Page<AuthRequest>> =>
  findPage(ctx.em, AuthRequest, where, { page, perPage, sort }, { populate: POPULATE });

async function removalsOf(ctx: Context, requests: readonly AuthRequest[]): Promise<Map<string, Removal>> {
  const answered = requests.filter((request) => request.answer === 'counterfeit').map((request) => request.id);
  if (answered.length === 0) return new Map();
  const removals = await ctx.em.find(Removal, { authRequest: { $in: answered } });
  return new Map(removals.map((removal) => [removal.authRequest!.id, removal]));
}

async function presentPage(ctx: Context, page: Page<AuthRequest>) {
  const removals = await removalsOf(ctx, page.items);
  return { data: page.items.map((request) => presentAuthRequest(request, removals.get(request.id))), total: page.total };
}

export const authRequestsRouter = {
  /** The brand's inbox: open requests first by due date, or any state. */
  list: brandScopedProcedure()
    .input(brandAuthRequestsInput)
    .query(async ({ ctx, input }) => {
      const where: FilterQuery<AuthRequest> = { brand: ctx.brandId, ...(input.state ? { state: input.state } : {}) };
      const sort = input.state === 'open' ? ({ field: 'dueAt', order: 'ASC' } as const) : ({ field: 'createdAt', order: 'DESC' } as const);
      return presentPage(ctx, await listRequests(ctx, where, input.page, input.perPage, sort));
    }),

  openCount: brandScopedProcedure().query(async ({ ctx }) => ({ open: await ctx.em.count(AuthRequest, { brand: ctx.brandId, state: 'open' }) })),

  byId: brandScopedProcedure()
    .input(z.object({ id: idSchema }))
    .query(async ({ ctx, input }) => {
      const request = await ctx.em.findOne(AuthRequest, { id: input.id, brand: ctx.brandId }, { populate: POPULATE });
      if (!request) throw notFound('Authentication request');
      return presentAuthRequest(request, (await removalsOf(ctx, [request])).get(request.id));
    }),

  /**
   * Answers one or many requests with the same verdict, all or none: `counterfeit` removes each
   * listing at once (source `authentication`), `genuine` clears it (and may allowlist its seller).
   * Every counterfeit or genuine answer becomes a detection label.
   */
  answer: brandScopedProcedure('brand_admin', 'brand_agent')
    .input(answerAuthRequestsInput)
    .mutation(async ({ ctx, input }) => {
      const { requests, removals } = await answerAuthRequests(
        ctx.em,
        { user: ctx.user, brandId: ctx.brandId, actor: { id: ctx.user.id, label: `${ctx.user.email} (${ctx.user.role})` }, requestId: ctx.requestId },
        input,
      );
      return { answered: requests.map((request) => presentAuthRequest(request, removals.get(request.id))) };
    }),
};

export const adminAuthRequestsRouter = {
  list: requirePermission('detection.read')
    .input(listStaffAuthRequestsInput)
    .query(async ({ ctx, input }) => {
      const { brandId, state, answer, olderThanHours } = input.filter;
      const where: FilterQuery<AuthRequest> = {
        ...(brandId ? { brand: brandId } : {}),
        ...(state ? { state } : {}),
        ...(answer ? { answer } : {}),
        ...(olderThanHours !== undefined ? { createdAt: { $lte: new Date(Date.now() - olderThanHours * 3_600_000) } } : {}),
      };
      return presentPage(ctx, await listRequests(ctx, where, input.page, input.perPage, input.sort));
    }),

  byId: requirePermission('detection.read')
    .input(z.object({ id: idSchema }))
    .query(async ({ ctx, input }) => {
      const request = await ctx.em.findOne(AuthRequest, { id: input.id }, { populate: POPULATE });
      if (!request) throw notFound('Authentication request');
      return presentAuthRequest(request, (await removalsOf(ctx, [request])).get(request.id));
    }),

  /**
   * Response-time figures over the last `days`, read from the rollups the dashboards use (not from every
   * request): answer time p50/p90 as the upper bounds of their buckets, expiry rate, answers by verdict.
   */
  stats: requirePermission('detection.read')
    .input(authRequestStatsInput)
    .query(async ({ ctx, input }) => {
      const filter = { from: dayKey(new Date(Date.now() - input.days * 86_400_000)), to: dayKey(new Date()), brandIds: input.brandId ? [input.brandId] : undefined };
      const days = await authRequestsByDay(ctx.em, filter);
      const sum = (key: 'created' | 'answered' | 'expired' | 'counterfeit' | 'genuine' | 'unsure') => days.reduce((total, day) => total + day[key], 0);
      const response = histogramOf(await authResponseByDay(ctx.em, filter));
      const [answered, expired] = [sum('answered'), sum('expired')];
      return {
        days: input.days,
        total: sum('created'),
        open: sum('created') - answered - expired,
        responseTime: {
          count: response.reduce((total, n) => total + n, 0),
          p50: histogramPercentile(response, 50)?.atMostMs ?? null,
          p90: histogramPercentile(response, 90)?.atMostMs ?? null,
        },
        expiry: { answered, expired, rate: answered + expired === 0 ? null : expired / (answered + expired) },
        byAnswer: { counterfeit: sum('counterfeit'), genuine: sum('genuine'), unsure: sum('unsure') },
      };
    }),
};
