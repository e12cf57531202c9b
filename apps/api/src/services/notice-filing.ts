import { DEFAULT_GFT_AUDIT_RATE, isAuditSampled, listingProblem, type NoticePath } from '@jf/domain';
import { fileNoticeItems, noticeCandidatesByIds, type EntityManager, type NoticeCandidate } from '@jf/db';

export interface Screened {
  listing: NoticeCandidate | null;
  /** Why the listing cannot be noticed; null when it can. */
  problem: string | null;
}

/** Each listing id with the listing (when known) and why it cannot be noticed. */
export async function screenListings(em: EntityManager, listingIds: string[]): Promise<Map<string, Screened>> {
  const byId = new Map((await noticeCandidatesByIds(em, listingIds)).map((listing) => [listing.id, listing]));
  return new Map(listingIds.map((id) => [id, screen(byId.get(id) ?? null)]));
}

export const screen = (listing: NoticeCandidate | null): Screened => ({ listing, problem: listingProblem(listing) });

/**
 * Adds one item per listing to a stored notice. On the good-faith path each listing is removed at once:
 * the removal and its marketplace command join the caller's transaction, and a deterministic share of
 * items is drawn into the reviewers' audit sample.
 */
export async function fileItems(em: EntityManager, notice: { id: string; brandId: string; path: NoticePath }, listings: NoticeCandidate[], now: Date): Promise<void> {
  await fileNoticeItems(em, {
    noticeId: notice.id,
    brandId: notice.brandId,
    path: notice.path,
    listings,
    now,
    auditSampled: (itemId) => isAuditSampled(itemId, DEFAULT_GFT_AUDIT_RATE),
  });
}
