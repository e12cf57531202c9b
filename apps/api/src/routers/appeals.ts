import {
  brandAppealsInput,
  createBrandKeyInput,
  createMarketplaceKeyInput,
  decideAppealInput,
  DomainError,
  idSchema,
  invalidInput,
  listStaffAppealsInput,
  notFound,
  respondToAppealInput,
  revokeKeyInput,
  type FieldIssues,
} from '@jf/domain';
import { ApiKey, Brand, createBrandKey, createMarketplaceKey, findAppeal, findDocument, listAppeals, Marketplace, type Appeal } from '@jf/db';
import { z } from 'zod';
import { moveAppeal } from '../services/appeals';
import type { Context } from '../trpc/context';
import { audit, brandScopedProcedure, requirePermission } from '../trpc/init';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function presentAppeal(appeal: Appeal) {
  const { removal } = appeal;
  return {
    id: appeal.id,
    brandId: appeal.brand?.id ?? null,
    brandName: appeal.brand?.name ?? null,
    marketplaceCode: appeal.marketplace.code,
    state: appeal.state,
    removal: { id: removal.id, source: removal.source, requestedAt: removal.requestedAt.toISOString(), removedAt: iso(removal.removedAt), reinstatedAt: iso(removal.reinstatedAt), noticeItemId: removal.noticeItem?.id ?? null },
    listing: { id: removal.listing.id, externalId: removal.listing.externalId, title: removal.listing.title },
    seller: { id: appeal.seller.id, externalId: appeal.seller.externalId, name: appeal.seller.name, status: appeal.seller.status, activeStrikes: appeal.seller.strikeCount },
    statement: appeal.statement,
    evidence: appeal.evidence,
    brandDueAt: iso(appeal.brandDueAt),
    brandAnswer: appeal.brandAnswer,
    /** Set with no answerer when the window passed and silence was applied. */
    brandAnsweredBy: appeal.brandAnsweredBy ? { id: appeal.brandAnsweredBy.id, name: appeal.brandAnsweredBy.name } : null,
    brandResponse: appeal.brandResponse,
    brandRespondedAt: iso(appeal.brandRespondedAt),
    brandEvidence: appeal.brandEvidence,
    decidedBy: appeal.decidedBy ? { id: appeal.decidedBy.id, name: appeal.decidedBy.name } : null,
    decidedAt: iso(appeal.decidedAt),
    decisionReason: appeal.decisionReason,
    createdAt: appeal.createdAt.toISOString(),
  };
}
export type AppealDto = ReturnType<typeof presentAppeal>;

async function brandAppealOrNotFound(ctx: Context & { brandId: string }, id: string): Promise<Appeal> {
  const appeal = await findAppeal(ctx.em, id);
  if (!appeal || appeal.brand?.id !== ctx.brandId) throw notFound('Appeal');
  return appeal;
}

export const appealsRouter = {
  list: brandScopedProcedure()
    .input(brandAppealsInput)
    .query(async ({ ctx, input }) => {
      const page = await listAppeals(ctx.em, { brandId: ctx.brandId, state: input.state, page: input.page, perPage: input.perPage, sort: { field: 'createdAt', order: 'DESC' } });
      return { data: page.items.map(presentAppeal), total: page.total };
    }),

  byId: brandScopedProcedure()
    .input(z.object({ id: idSchema }))
    .query(async ({ ctx, input }) => presentAppeal(await brandAppealOrNotFound(ctx, input.id))),

  /** The brand retracts (the listing comes back) or contests (a reviewer decides) within its window. */
  respond: brandScopedProcedure()
    .input(respondToAppealInput)
    .mutation(async ({ ctx, input }) => {
      const appeal = await brandAppealOrNotFound(ctx, input.appealId);
      const now = new Date();
      if (appeal.state === 'open' && appeal.brandDueAt && now > appeal.brandDueAt) {
        throw new DomainError('invalid_transition', `The answer was due by ${appeal.brandDueAt.toISOString()}; the appeal is being settled by the silence rule`);
      }
      const issues: FieldIssues = {};
      for (const [index, id] of input.evidenceIds.entries()) {
        if (!(await findDocument(ctx.em, id, ctx.brandId))) issues[`evidenceIds.${index}`] = ['is not a document you uploaded'];
      }
      if (Object.keys(issues).length > 0) throw invalidInput('Your answer was not recorded', issues);
      appeal.brandEvidence = input.evidenceIds;
      await moveAppeal(ctx.em, appeal, { event: input.answer, actor: { id: ctx.user.id, label: `${ctx.user.email} (${ctx.user.role})` }, by: ctx.user, reason: input.reason, now });
      return presentAppeal(appeal);
    }),
};

export const adminAppealsRouter = {
  list: requirePermission('appeals.read')
    .input(listStaffAppealsInput)
    .query(async ({ ctx, input }) => {
      const page = await listAppeals(ctx.em, { ...input, ...input.filter });
      return { data: page.items.map(presentAppeal), total: page.total };
    }),

  byId: requirePermission('appeals.read')
    .input(z.object({ id: idSchema }))
    .query(async ({ ctx, input }) => {
      const appeal = await findAppeal(ctx.em, input.id);
      if (!appeal) throw notFound('Appeal');
      return presentAppeal(appeal);
    }),

  /** A reviewer settles a contested appeal: the removal stands (strike) or the listing comes back. */
  decide: requirePermission('queue.review')
    .input(decideAppealInput)
    .mutation(async ({ ctx, input }) => {
      const appeal = await findAppeal(ctx.em, input.appealId);
      if (!appeal) throw notFound('Appeal');
      await moveAppeal(ctx.em, appeal, { event: input.decision, actor: { id: ctx.user.id, label: `${ctx.user.email} (${ctx.user.role})` }, by: ctx.user, reason: input.reason, now: new Date() });
      return presentAppeal(appeal);
    }),
};

function presentKey(key: ApiKey) {
  return { id: key.id, name: key.name, kind: key.kind, marketplaceCode: key.marketplace?.code ?? null, prefix: key.prefix, scopes: key.scopes, createdAt: key.createdAt.toISOString(), revokedAt: iso(key.revokedAt), lastUsedAt: iso(key.lastUsedAt) };
}

export const adminApiKeysRouter = {
  list: requirePermission('integrations.manage').query(async ({ ctx }) =>
    (await ctx.em.find(ApiKey, { kind: 'marketplace' }, { orderBy: { createdAt: 'DESC', id: 'ASC' }, populate: ['marketplace'] })).map(presentKey),
  ),

  /** The secret is in this answer only; the platform keeps its hash. */
  createMarketplaceKey: requirePermission('integrations.manage')
    .input(createMarketplaceKeyInput)
    .mutation(async ({ ctx, input }) => {
      const marketplace = await ctx.em.findOne(Marketplace, { code: input.marketplaceCode as never });
      if (!marketplace) throw invalidInput('The key was not created', { marketplaceCode: ['is not a marketplace of the platform'] });
      const { key, secret } = createMarketplaceKey(ctx.em, marketplace, input.name, input.scopes, ctx.user);
      await ctx.em.flush();
      audit(ctx, { action: 'api_key_created', entityType: 'api_key', entityId: key.id, after: { name: key.name, marketplace: marketplace.code, scopes: key.scopes, prefix: key.prefix } });
      return { ...presentKey(key), secret };
    }),

  revoke: requirePermission('integrations.manage')
    .input(revokeKeyInput)
    .mutation(async ({ ctx, input }) => {
      const key = await ctx.em.findOne(ApiKey, { id: input.id, kind: 'marketplace' }, { populate: ['marketplace'] });
      if (!key) throw notFound('Key');
      if (!key.revokedAt) key.revokedAt = new Date();
      audit(ctx, { action: 'api_key_revoked', entityType: 'api_key', entityId: key.id, after: { revokedAt: key.revokedAt.toISOString() } });
      return presentKey(key);
    }),
};

/** A brand admin's keys for the brand's own tools and agents (`/api/v1`); the secret is in the create answer only. */
export const brandApiKeysRouter = {
  list: brandScopedProcedure('brand_admin').query(async ({ ctx }) =>
    (await ctx.em.find(ApiKey, { kind: 'brand', brand: ctx.brandId }, { orderBy: { createdAt: 'DESC', id: 'ASC' }, populate: ['marketplace'] })).map(presentKey),
  ),

  create: brandScopedProcedure('brand_admin')
    .input(createBrandKeyInput)
    .mutation(async ({ ctx, input }) => {
      const brand = await ctx.em.findOneOrFail(Brand, ctx.brandId);
      const { key, secret } = createBrandKey(ctx.em, brand, input.name, [...new Set(input.scopes)], ctx.user);
      await ctx.em.flush();
      audit(ctx, { action: 'api_key_created', entityType: 'api_key', entityId: key.id, brandId: ctx.brandId, after: { name: key.name, scopes: key.scopes, prefix: key.prefix } });
      return { ...presentKey(key), secret };
    }),

  revoke: brandScopedProcedure('brand_admin')
    .input(revokeKeyInput)
    .mutation(async ({ ctx, input }) => {
      const key = await ctx.em.findOne(ApiKey, { id: input.id, kind: 'brand', brand: ctx.brandId }, { populate: ['marketplace'] });
      if (!key) throw notFound('Key');
      if (key.revokedAt) throw new DomainError('invalid_transition', 'This key is already revoked');
      key.revokedAt = new Date();
      audit(ctx, { action: 'api_key_revoked', entityType: 'api_key', entityId: key.id, brandId: ctx.brandId, before: { revokedAt: null }, after: { revokedAt: key.revokedAt.toISOString() } });
      return presentKey(key);
    }),
};
