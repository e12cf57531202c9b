import {
  auditDecisionInput,
  canManageBrand,
  claimIsLive as isClaimLive,
  forbidden,
  claimItemsInput,
  conflict,
  decideIpRightInput,
  decideItemsInput,
  DomainError,
  listQueueInput,
  notFound,
  transitionNoticeItem,
  unwrap,
} from '@jf/domain';
import {
  enqueueReinstatement,
  enqueueRemoval,
  findItemsForDecision,
  IpRight,
  listAuditSample,
  listQueue,
  notify,
  Removal,
  type NoticeItem,
  type User,
} from '@jf/db';
import { z } from 'zod';
import type { Context } from '../trpc/context';
import { queueLabels } from '../services/detection';
import { audit, requirePermission } from '../trpc/init';
import { presentNoticeItem } from './notice-presenters';

const claimIsLive = (item: NoticeItem, now: Date) => isClaimLive(item.claimedAt, now);

function presentQueueItem(item: NoticeItem, now: Date) {
  return {
    ...presentNoticeItem(item, null),
    brandId: item.brand.id,
    brandName: item.brand.name,
    reason: item.notice.reason,
    path: item.notice.path,
    evidence: item.notice.evidence,
    ageHours: (now.getTime() - item.createdAt.getTime()) / 3_600_000,
    claimedBy: claimIsLive(item, now) && item.claimedBy ? { id: item.claimedBy.id, name: item.claimedBy.name } : null,
    claimedAt: claimIsLive(item, now) ? item.claimedAt!.toISOString() : null,
  };
}

/** Claims every item or none: an item someone else holds makes the whole call fail with who holds it. */
async function claimAll(ctx: Context & { user: User }, itemIds: string[], now: Date): Promise<NoticeItem[]> {
  const items = await findItemsForDecision(ctx.em, itemIds);
  if (items.length !== new Set(itemIds).size) throw notFound('Notice item');
  for (const item of items) {
    if (claimIsLive(item, now) && item.claimedBy && item.claimedBy.id !== ctx.user.id) {
      throw conflict(`Item ${item.id} is being reviewed by ${item.claimedBy.name} since ${item.claimedAt!.toISOString()}`, {
        itemIds: [`${item.id} is claimed by ${item.claimedBy.name}`],
      });
    }
    item.claimedBy = ctx.user;
    item.claimedAt = now;
  }
  return items;
}

function notifyBrand(ctx: Context, item: NoticeItem, title: string, body: string) {
  notify(ctx.em, { brandId: item.brand.id, kind: 'notice_item_state', title, body, entityType: 'notice_item', entityId: item.id });
}

export const adminQueueRouter = {
  list: requirePermission('queue.review')
    .input(listQueueInput)
    .query(async ({ ctx, input }) => {
      const now = new Date();
      const page = await listQueue(ctx.em, input, ctx.user.id, now);
      return { data: page.items.map((item) => presentQueueItem(item, now)), total: page.total };
    }),

  claim: requirePermission('queue.review')
    .input(claimItemsInput)
    .mutation(async ({ ctx, input }) => {
      const items = await claimAll(ctx, input.itemIds, new Date());
      return { claimed: items.map((item) => item.id) };
    }),

  release: requirePermission('queue.review')
    .input(claimItemsInput)
    .mutation(async ({ ctx, input }) => {
      const items = await findItemsForDecision(ctx.em, input.itemIds);
      const mine = items.filter((item) => item.claimedBy?.id === ctx.user.id);
      for (const item of mine) {
        item.claimedBy = null;
        item.claimedAt = null;
      }
      return { released: mine.map((item) => item.id) };
    }),

  /**
   * Decides one or many pending items. Removal sends the command to the marketplace and records the
   * brand's original request time, so turnaround runs from the notice, not from the decision.
   */
  decide: requirePermission('queue.review')
    .input(decideItemsInput)
    .mutation(async ({ ctx, input }) => {
      const now = new Date();
      const items = await claimAll(ctx, input.itemIds, now);
      for (const item of items) {
        if (item.decidedAt) throw new DomainError('invalid_transition', `Item ${item.id} was already decided; its removal is on its way`);
        const before = item.state;
        if (input.decision === 'remove') {
          unwrap(transitionNoticeItem(item.state, 'remove'));
          const removal = ctx.em.create(Removal, {
            brand: item.brand,
            marketplace: item.marketplace,
            listing: item.listing,
            source: item.notice.path === 'good_faith' ? 'notice_gft' : 'notice_standard',
            noticeItem: item,
            requestedAt: item.notice.submittedAt,
          });
          enqueueRemoval(ctx.em, { removal, listing: item.listing, marketplace: item.marketplace, brand: item.brand });
        } else if (input.decision === 'reject') {
          item.state = unwrap(transitionNoticeItem(item.state, 'reject'));
          item.rejectionCode = input.rejectionCode;
          item.rejectionMessage = input.message;
          notifyBrand(ctx, item, 'A listing in your notice was rejected', input.message);
        } else {
          item.state = unwrap(transitionNoticeItem(item.state, 'request_info'));
          item.infoRequest = input.message;
          notifyBrand(ctx, item, 'We need more information about a listing in your notice', input.message);
        }
        item.decidedBy = ctx.user;
        item.decidedAt = now;
        item.claimedBy = null;
        item.claimedAt = null;
        audit(ctx, {
          action: `notice_item_${input.decision}`,
          entityType: 'notice_item',
          entityId: item.id,
          brandId: item.brand.id,
          before: { state: before },
          after: { state: item.state, ...(input.decision === 'remove' ? {} : { message: input.message }) },
        });
      }
      if (input.decision !== 'request_info') {
        await queueLabels(
          ctx.em,
          items.map((item) => ({
            source: 'review',
            sourceId: item.id,
            listingId: item.listing.id,
            brandId: item.brand.id,
            decision: input.decision === 'remove' ? 'remove' : 'reject',
            rejectionCode: input.decision === 'reject' ? input.rejectionCode : null,
          })),
          now,
        );
      }
      return { decided: items.map((item) => ({ id: item.id, state: item.state })) };
    }),
};

export const adminGftAuditRouter = {
  list: requirePermission('queue.review')
    .input(z.object({ page: z.int().min(1).default(1), perPage: z.int().min(1).max(200).default(25) }))
    .query(async ({ ctx, input }) => {
      const now = new Date();
      const page = await listAuditSample(ctx.em, input);
      return { data: page.items.map((item) => presentQueueItem(item, now)), total: page.total };
    }),

  /** Upholds a sampled GFT removal, or overturns it: the listing is reinstated and the brand's record takes the hit. */
  decide: requirePermission('queue.review')
    .input(auditDecisionInput)
    .mutation(async ({ ctx, input }) => {
      const [item] = await findItemsForDecision(ctx.em, [input.itemId]);
      if (!item || !item.auditSampled) throw notFound('Audit sample item');
      if (item.auditUpheld !== null) throw new DomainError('invalid_transition', 'This removal was already audited');
      item.auditUpheld = input.upheld;
      if (!input.upheld) {
        unwrap(transitionNoticeItem(item.state, 'audit_overturned'));
        const removal = await ctx.em.findOneOrFail(Removal, { noticeItem: item.id });
        enqueueReinstatement(ctx.em, { removal, listing: item.listing, marketplace: item.marketplace, brand: item.brand });
        notifyBrand(ctx, item, 'A Good Faith removal was overturned in audit', input.note);
      }
      audit(ctx, {
        action: input.upheld ? 'gft_audit_upheld' : 'gft_audit_overturned',
        entityType: 'notice_item',
        entityId: item.id,
        brandId: item.brand.id,
        after: { upheld: input.upheld, note: input.note },
      });
      await queueLabels(ctx.em, [{ source: 'gft_audit', sourceId: item.id, listingId: item.listing.id, brandId: item.brand.id, upheld: input.upheld }]);
      return { id: item.id, auditUpheld: item.auditUpheld };
    }),
};

export const adminIpRightsRouter = {
  pending: requirePermission('brands.read').query(async ({ ctx }) => {
    // An account manager's inbox holds the brands they manage; other staff roles see every brand's.
    const where = ctx.user.role === 'account_manager' ? { status: 'pending' as const, brand: { accountManager: ctx.user.id } } : { status: 'pending' as const };
    const rights = await ctx.em.find(IpRight, where, { populate: ['brand'], orderBy: { createdAt: 'ASC', id: 'ASC' }, limit: 500 });
    return rights.map((right) => ({ id: right.id, brandId: right.brand.id, brandName: right.brand.name, kind: right.kind, registrationNumber: right.registrationNumber, jurisdiction: right.jurisdiction, classes: right.classes, evidenceDocumentId: right.evidenceDocument, validFrom: right.validFrom.toISOString(), validUntil: right.validUntil.toISOString(), createdAt: right.createdAt.toISOString() }));
  }),

  decide: requirePermission('brands.manage')
    .input(decideIpRightInput)
    .mutation(async ({ ctx, input }) => {
      const right = await ctx.em.findOne(IpRight, input.id, { populate: ['brand'] });
      if (!right) throw notFound('IP right');
      if (!canManageBrand(ctx.user.role, ctx.user.id, right.brand.accountManager?.id ?? null)) {
        throw forbidden('Only the brand’s account manager or a platform admin can verify its IP rights');
      }
      if (right.status !== 'pending') throw new DomainError('invalid_transition', `Cannot decide an IP right that is ${right.status}`);
      right.status = input.decision === 'verify' ? 'verified' : 'rejected';
      right.rejectionReason = input.decision === 'reject' ? input.reason : null;
      right.verifiedBy = ctx.user;
      right.verifiedAt = new Date();
      notify(ctx.em, {
        brandId: right.brand.id,
        kind: 'notice_item_state',
        title: input.decision === 'verify' ? `IP right ${right.registrationNumber} verified` : `IP right ${right.registrationNumber} rejected`,
        body: input.decision === 'reject' ? input.reason : 'You can now cite it in notices.',
        entityType: 'ip_right',
        entityId: right.id,
      });
      audit(ctx, { action: `ip_right_${input.decision}`, entityType: 'ip_right', entityId: right.id, brandId: right.brand.id, before: { status: 'pending' }, after: { status: right.status, reason: right.rejectionReason } });
      return { id: right.id, status: right.status };
    }),
};
