import { DEFAULT_GFT_AUDIT_RATE, isAuditSampled, listingProblem } from '@jf/domain';
import {
  enqueueRemoval,
  findListingsByIds,
  listingsWithOpenItems,
  NoticeItem,
  Removal,
  type Brand,
  type EntityManager,
  type Listing,
  type Notice,
} from '@jf/db';

/** Each listing id with the listing (when known) and why it cannot be noticed (null when it can). */
export async function screenListings(em: EntityManager, listingIds: string[]): Promise<Map<string, { listing: Listing | null; problem: string | null }>> {
  const listings = await findListingsByIds(em, listingIds);
  const byId = new Map(listings.map((listing) => [listing.id, listing]));
  const open = await listingsWithOpenItems(em, listingIds);
  return new Map(
    listingIds.map((id) => {
      const listing = byId.get(id) ?? null;
      return [id, { listing, problem: listingProblem(listing && { status: listing.status, hasOpenItem: open.has(id) }) }];
    }),
  );
}

/**
 * Adds one item per listing to the notice. On the good-faith path each listing is removed at once:
 * the removal and its marketplace command join the caller's transaction, and a deterministic share of
 * items is drawn into the reviewers' audit sample.
 */
export function fileItems(em: EntityManager, notice: Notice, brand: Brand, listings: Listing[], now: Date): NoticeItem[] {
  return listings.map((listing) => {
    const item = em.create(NoticeItem, { notice, brand, marketplace: listing.marketplace, listing });
    if (notice.path === 'good_faith') {
      item.auditSampled = isAuditSampled(item.id, DEFAULT_GFT_AUDIT_RATE);
      const removal = em.create(Removal, { brand, marketplace: listing.marketplace, listing, source: 'notice_gft', noticeItem: item, requestedAt: now });
      enqueueRemoval(em, { removal, listing, marketplace: listing.marketplace, brand });
    }
    return item;
  });
}
