import { z } from 'zod';
import { LISTING_STATUSES, type ListingStatus } from '../model';
import { transitionListing } from '../state-machines/listing';

/** One listing as a marketplace's feed reports it (`GET /:marketplace/listings`). */
export const feedListingSchema = z.object({
  externalId: z.string().min(1).max(64),
  sellerExternalId: z.string().min(1).max(64),
  title: z.string().max(500),
  priceCents: z.int().nonnegative(),
  currency: z.string().length(3),
  category: z.string().max(100),
  images: z.array(z.string()),
  /** Perceptual hashes (64-bit, hex) of the images, when the marketplace computes them. */
  imageHashes: z.array(z.string().regex(/^[0-9a-f]{16}$/)).max(20).optional(),
  status: z.enum(LISTING_STATUSES),
  listedAt: z.coerce.date(),
  updatedAt: z.coerce.date(),
});
export type FeedListing = z.infer<typeof feedListingSchema>;

export const feedPageSchema = z.object({
  items: z.array(feedListingSchema),
  nextCursor: z.string().nullable(),
  hasMore: z.boolean(),
});
export type FeedPage = z.infer<typeof feedPageSchema>;

export const feedSellerSchema = z.object({
  externalId: z.string().min(1).max(64),
  name: z.string().max(200),
  registeredAt: z.coerce.date(),
});
export type FeedSeller = z.infer<typeof feedSellerSchema>;

/**
 * The status the platform should take for a listing the feed reports, or null to leave it alone.
 *
 * - The marketplace removing a listing on its own is followed (it is gone, whoever asked).
 * - A live report of a listing the platform removed is followed only when the marketplace changed it
 *   after the platform's removal took effect (`platformRemovalStands` false): a feed page read just
 *   before the removal command was applied must not undo the removal the dispatcher just recorded.
 * - `active` and `reinstated` are both live; switching between them would only churn audit events.
 */
export function statusFromFeed(current: ListingStatus, reported: ListingStatus, platformRemovalStands: boolean): ListingStatus | null {
  if (reported === 'removed') return current === 'removed' ? null : 'removed';
  if (current !== 'removed' || platformRemovalStands) return null;
  const next = transitionListing(current, 'reinstate');
  return next.ok ? next.value : null;
}
