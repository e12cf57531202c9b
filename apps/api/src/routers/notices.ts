import {
  answerInfoInput,
  idSchema,
  listingProblem,
  listNoticesInput,
  lookupListingsInput,
  notFound,
  parseListingReference,
  submitNoticeInput,
  transitionNoticeItem,
  unwrap,
} from '@jf/domain';
import {
  findBrandNotice,
  findBrandNoticeItem,
  findListingsByExternalIds,
  listBrandNotices,
  listingsWithOpenItems,
  noticeItems,
  Removal,
} from '@jf/db';
import { z } from 'zod';
import { audit, brandScopedProcedure } from '../trpc/init';
import { submitNotice } from '../services/notice-filing';
import { presentListing, presentNotice, presentNoticeItem } from './notice-presenters';

export const noticesRouter = {
  /** Resolves what the brand pasted (URLs or marketplace:id) to listings, with a reason for each miss. */
  lookupListings: brandScopedProcedure()
    .input(lookupListingsInput)
    .query(async ({ ctx, input }) => {
      const parsed = input.references.map((reference) => ({ reference, ref: parseListingReference(reference) }));
      const listings = await findListingsByExternalIds(ctx.em, parsed.flatMap(({ ref }) => (ref ? [ref] : [])));
      const byKey = new Map(listings.map((listing) => [`${listing.marketplace.code}:${listing.externalId}`, listing]));
      const open = await listingsWithOpenItems(ctx.em, listings.map((listing) => listing.id));
      return parsed.map(({ reference, ref }) => {
        if (!ref) return { reference, listing: null, problem: 'is not a listing URL or marketplace:listing-id pair' };
        const listing = byKey.get(`${ref.marketplace}:${ref.externalId}`) ?? null;
        const problem = listingProblem(listing && { status: listing.status, hasOpenItem: open.has(listing.id) });
        return { reference, listing: listing && presentListing(listing), problem };
      });
    }),

  /**
   * Files a notice. A GFT-enrolled brand's listings are removed at once: the removal record and the
   * marketplace command are written in this same transaction; the item turns `removed` on acknowledgement.
   */
  submit: brandScopedProcedure()
    .input(submitNoticeInput)
    .mutation(async ({ ctx, input }) =>
      submitNotice(ctx.em, { brandId: ctx.brandId, userId: ctx.user.id, actor: { id: ctx.user.id, label: `${ctx.user.email} (${ctx.user.role})` }, requestId: ctx.requestId }, input),
    ),

  list: brandScopedProcedure()
    .input(listNoticesInput)
    .query(async ({ ctx, input }) => {
      const page = await listBrandNotices(ctx.em, ctx.brandId, input);
      return { data: page.items.map((notice) => ({ ...presentNotice(notice), itemStates: page.stateCounts.get(notice.id) ?? null })), total: page.total };
    }),

  byId: brandScopedProcedure()
    .input(z.object({ id: idSchema }))
    .query(async ({ ctx, input }) => {
      const notice = await findBrandNotice(ctx.em, ctx.brandId, input.id);
      if (!notice) throw notFound('Notice');
      const items = await noticeItems(ctx.em, notice.id);
      const removals = await ctx.em.find(Removal, { noticeItem: { $in: items.map((item) => item.id) } });
      const removalByItem = new Map(removals.map((removal) => [removal.noticeItem!.id, removal]));
      return { ...presentNotice(notice), items: items.map((item) => presentNoticeItem(item, removalByItem.get(item.id) ?? null)) };
    }),

  /** The brand answers a reviewer's request for information; the item returns to the queue. */
  answerInfo: brandScopedProcedure()
    .input(answerInfoInput)
    .mutation(async ({ ctx, input }) => {
      const item = await findBrandNoticeItem(ctx.em, ctx.brandId, input.itemId);
      if (!item) throw notFound('Notice item');
      const before = item.state;
      item.state = unwrap(transitionNoticeItem(item.state, 'resubmit'));
      item.infoResponse = input.response;
      item.decidedAt = null;
      item.decidedBy = null;
      audit(ctx, { action: 'notice_item_resubmitted', entityType: 'notice_item', entityId: item.id, brandId: ctx.brandId, before: { state: before }, after: { state: item.state } });
      return { id: item.id, state: item.state };
    }),
};
