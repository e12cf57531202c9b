import type { Listing, Notice, NoticeItem, Removal } from '@jf/db';

const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);

export function presentListing(listing: Listing) {
  return {
    id: listing.id,
    marketplace: listing.marketplace.code,
    externalId: listing.externalId,
    title: listing.title,
    sellerName: listing.seller.name ?? null,
    priceCents: listing.priceCents,
    currency: listing.currency,
    status: listing.status,
  };
}

/** A notice entity, or the same fields of one written natively. */
export type NoticeFields = Pick<Notice, 'id' | 'reason' | 'evidence' | 'testBuyOrderRef' | 'path' | 'idempotencyKey' | 'itemCount' | 'submittedAt'> & {
  brand: { id: string };
  ipRight: { id: string };
};

export function presentNotice(notice: NoticeFields) {
  return {
    id: notice.id,
    brandId: notice.brand.id,
    ipRightId: notice.ipRight.id,
    reason: notice.reason,
    evidence: notice.evidence,
    testBuyOrderRef: notice.testBuyOrderRef,
    path: notice.path,
    idempotencyKey: notice.idempotencyKey,
    itemCount: notice.itemCount,
    submittedAt: notice.submittedAt.toISOString(),
  };
}

/** An item as the brand and reviewers see it, with the removal's timing when there is one. */
export function presentNoticeItem(item: NoticeItem, removal: Removal | null) {
  const turnaroundMs = removal?.removedAt ? removal.removedAt.getTime() - removal.requestedAt.getTime() : null;
  return {
    id: item.id,
    noticeId: item.notice.id,
    state: item.state,
    listing: presentListing(item.listing),
    rejectionCode: item.rejectionCode,
    rejectionMessage: item.rejectionMessage,
    infoRequest: item.infoRequest,
    infoResponse: item.infoResponse,
    decidedAt: iso(item.decidedAt),
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    removalRequestedAt: iso(removal?.requestedAt),
    removedAt: iso(removal?.removedAt),
    reinstatedAt: iso(removal?.reinstatedAt),
    turnaroundMs,
    auditSampled: item.auditSampled,
  };
}
