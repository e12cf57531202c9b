import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { ListNoticesInput, ListQueueInput, MarketplaceCode, NoticeItemState } from '@jf/domain';
import { liveClaimSince, NOTICE_ITEM_STATES } from '@jf/domain';
import { IpRight, Listing, Notice, NoticeItem, ProtectedProduct } from '../entities';
import { findPage, type Page } from './paging';

const OPEN_ITEM_STATES: NoticeItemState[] = ['pending', 'needs_info'];

export const findListingsByExternalIds = (em: EntityManager, refs: { marketplace: MarketplaceCode; externalId: string }[]) =>
  refs.length === 0
    ? Promise.resolve([] as Listing[])
    : em.find(Listing, { $or: refs.map((ref) => ({ marketplace: ref.marketplace, externalId: ref.externalId })) } as unknown as FilterQuery<Listing>, {
        populate: ['seller'],
      });

export const findListingsByIds = (em: EntityManager, ids: string[]) =>
  em.find(Listing, { id: { $in: ids } }, { populate: ['seller', 'marketplace'] });

/** Listings among `listingIds` that already sit in a pending or needs-info item. */
export async function listingsWithOpenItems(em: EntityManager, listingIds: string[]): Promise<Set<string>> {
  if (listingIds.length === 0) return new Set();
  const items = await em.find(NoticeItem, { listing: { $in: listingIds }, state: { $in: OPEN_ITEM_STATES } }, { fields: ['listing'] });
  return new Set(items.map((item) => item.listing.id));
}

export const findNoticeByIdempotencyKey = (em: EntityManager, brandId: string, idempotencyKey: string) =>
  em.findOne(Notice, { brand: brandId, idempotencyKey });

/** Notices are addressed only together with their brand, so a foreign id finds nothing. */
export const findBrandNotice = (em: EntityManager, brandId: string, noticeId: string) =>
  em.findOne(Notice, { id: noticeId, brand: brandId }, { populate: ['ipRight', 'submittedBy'] });

export const noticeItems = (em: EntityManager, noticeId: string) =>
  em.find(NoticeItem, { notice: noticeId }, { populate: ['listing', 'listing.seller'], orderBy: { createdAt: 'ASC', id: 'ASC' } });

export const findBrandNoticeItem = (em: EntityManager, brandId: string, itemId: string) =>
  em.findOne(NoticeItem, { id: itemId, brand: brandId }, { populate: ['notice'] });

export async function listBrandNotices(
  em: EntityManager,
  brandId: string,
  input: ListNoticesInput,
): Promise<Page<Notice> & { stateCounts: Map<string, Record<NoticeItemState, number>> }> {
  const where: FilterQuery<Notice> = { brand: brandId };
  if (input.filter.path) where.path = input.filter.path;
  if (input.filter.itemState) {
    const items = await em.find(NoticeItem, { brand: brandId, state: input.filter.itemState }, { fields: ['notice'] });
    where.id = { $in: [...new Set(items.map((item) => item.notice.id))] };
  }
  const page = await findPage(em, Notice, where, input, { populate: ['ipRight'] });
  const stateCounts = new Map<string, Record<NoticeItemState, number>>();
  if (page.items.length > 0) {
    const ids = page.items.map((notice) => notice.id);
    const rows: { notice_id: string; state: NoticeItemState; count: string | number }[] = await em
      .getConnection()
      .execute(`select notice_id, state, count(*) as count from notice_items where notice_id in (${ids.map(() => '?').join(', ')}) group by notice_id, state`, ids);
    for (const row of rows) {
      const counts = stateCounts.get(row.notice_id) ?? (Object.fromEntries(NOTICE_ITEM_STATES.map((state) => [state, 0])) as Record<NoticeItemState, number>);
      counts[row.state] = Number(row.count);
      stateCounts.set(row.notice_id, counts);
    }
  }
  return { ...page, stateCounts };
}

/** The reviewers' queue: pending items of standard notices that nobody has decided yet, oldest first by default. */
export async function listQueue(em: EntityManager, input: ListQueueInput, reviewerId: string, now = new Date()): Promise<Page<NoticeItem>> {
  const { brandId, marketplace, reason, path, minAgeHours, mine } = input.filter;
  const where: FilterQuery<NoticeItem> = { state: 'pending', decidedAt: null, notice: { path: path ?? 'standard' } };
  if (brandId) where.brand = brandId;
  if (marketplace) where.marketplace = { code: marketplace };
  if (reason) (where.notice as Record<string, unknown>).reason = reason;
  if (minAgeHours !== undefined) where.createdAt = { $lte: new Date(now.getTime() - minAgeHours * 3_600_000) };
  if (mine) Object.assign(where, { claimedBy: reviewerId, claimedAt: { $gte: liveClaimSince(now) } });
  return findPage(em, NoticeItem, where, input, { populate: ['notice', 'brand', 'listing', 'listing.seller', 'claimedBy'] });
}

export const findItemsForDecision = (em: EntityManager, itemIds: string[]) =>
  em.find(NoticeItem, { id: { $in: itemIds } }, { populate: ['notice', 'listing', 'listing.marketplace', 'brand', 'claimedBy'] });

/** GFT removals drawn into the audit sample and not audited yet. */
export const listAuditSample = (em: EntityManager, input: { page: number; perPage: number }) =>
  findPage(em, NoticeItem, { auditSampled: true, auditUpheld: null, state: 'removed' }, { ...input, sort: { field: 'createdAt', order: 'ASC' } }, {
    populate: ['notice', 'brand', 'listing', 'listing.seller'],
  });

export const brandIpRights = (em: EntityManager, brandId: string) =>
  em.find(IpRight, { brand: brandId }, { orderBy: { createdAt: 'DESC', id: 'ASC' } });

export const findBrandIpRight = (em: EntityManager, brandId: string, id: string) => em.findOne(IpRight, { id, brand: brandId });

export const brandProducts = (em: EntityManager, brandId: string) =>
  em.find(ProtectedProduct, { brand: brandId }, { orderBy: { name: 'ASC', id: 'ASC' } });
