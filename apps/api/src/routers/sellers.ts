import { activeStrikeCount, idSchema, listSellersInput, notFound } from '@jf/domain';
import {
  findSeller,
  listSellers,
  relatedSellers,
  sellerAppeals,
  sellerRemovals,
  sellerStrikes,
  type Appeal,
  type Removal,
  type Seller,
  type Strike,
} from '@jf/db';
import { z } from 'zod';
import { requirePermission } from '../trpc/init';

/** How much history the seller page carries; older removals are counted, not listed. */
export const SELLER_PAGE_REMOVALS = 50;
const SELLER_PAGE_APPEALS = 100;
const SELLER_PAGE_RELATED = 50;

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const listingOf = (removal: Removal) => ({
  id: removal.listing.id,
  externalId: removal.listing.externalId,
  title: removal.listing.title,
});
const brandOf = (brand: { id: string; name: string } | null) =>
  brand ? { id: brand.id, name: brand.name } : null;

/** The seller as its row in a list; fingerprints stay on the server, only the relations they imply leave it. */
function presentSeller(seller: Seller) {
  return {
    id: seller.id,
    marketplaceCode: seller.marketplace.code,
    externalId: seller.externalId,
    name: seller.name,
    status: seller.status,
    /** Active strikes as of the last one issued, which set the status. */
    strikeCount: seller.strikeCount,
    registeredAt: seller.registeredAt.toISOString(),
  };
}
export type SellerDto = ReturnType<typeof presentSeller>;

function presentStrike(strike: Strike, now: Date) {
  const { removal } = strike;
  return {
    id: strike.id,
    active: activeStrikeCount([strike], now) === 1,
    createdAt: strike.createdAt.toISOString(),
    expiresAt: strike.expiresAt.toISOString(),
    brand: brandOf(strike.brand),
    removal: { id: removal.id, source: removal.source, requestedAt: removal.requestedAt.toISOString() },
    listing: listingOf(removal),
  };
}

function presentRemoval(removal: Removal) {
  return {
    id: removal.id,
    source: removal.source,
    brand: brandOf(removal.brand),
    listing: listingOf(removal),
    requestedAt: removal.requestedAt.toISOString(),
    removedAt: iso(removal.removedAt),
    reinstatedAt: iso(removal.reinstatedAt),
  };
}

function presentSellerAppeal(appeal: Appeal) {
  return {
    id: appeal.id,
    state: appeal.state,
    brand: brandOf(appeal.brand),
    listing: listingOf(appeal.removal),
    brandAnswer: appeal.brandAnswer,
    /** Null with an answer: the brand stayed silent and its window decided. */
    brandAnsweredBy: appeal.brandAnsweredBy
      ? { id: appeal.brandAnsweredBy.id, name: appeal.brandAnsweredBy.name }
      : null,
    createdAt: appeal.createdAt.toISOString(),
    decidedAt: iso(appeal.decidedAt),
  };
}

export const adminSellersRouter = {
  list: requirePermission('appeals.read')
    .input(listSellersInput)
    .query(async ({ ctx, input }) => {
      const page = await listSellers(ctx.em, input);
      return { data: page.items.map(presentSeller), total: page.total };
    }),

  /** Everything a reviewer weighs about a seller: its record, what it appealed, and who else it might be. */
  byId: requirePermission('appeals.read')
    .input(z.object({ id: idSchema }))
    .query(async ({ ctx, input }) => {
      const seller = await findSeller(ctx.em, input.id);
      if (!seller) throw notFound('Seller');
      const now = new Date();
      // One after another: a request's EntityManager is not meant to run queries concurrently.
      const strikes = await sellerStrikes(ctx.em, seller.id);
      const removals = await sellerRemovals(ctx.em, seller.id, SELLER_PAGE_REMOVALS);
      const appeals = await sellerAppeals(ctx.em, seller.id, SELLER_PAGE_APPEALS);
      const related = await relatedSellers(ctx.em, seller, SELLER_PAGE_RELATED);
      return {
        ...presentSeller(seller),
        activeStrikes: activeStrikeCount(strikes, now),
        strikes: strikes.map((strike) => presentStrike(strike, now)),
        removals: removals.items.map(presentRemoval),
        removalsTotal: removals.total,
        appeals: appeals.map(presentSellerAppeal),
        relatedAccounts: related.map(({ seller: other, shared }) => ({ ...presentSeller(other), shared })),
      };
    }),
};
