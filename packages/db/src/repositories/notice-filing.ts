import type { EntityManager } from '@mikro-orm/core';
import type { ListingStatus, MarketplaceCode, NoticePath } from '@jf/domain';
import { NoticeItem, OutboxCommand, Removal } from '../entities';
import { newId } from '../entities/common';
import { noteOutboxInsert } from '../outbox-signal';
import { listingCommandData } from './outbox';

/** What filing a notice needs to know of a listing. */
export interface NoticeCandidate {
  id: string;
  marketplace: MarketplaceCode;
  externalId: string;
  status: ListingStatus;
  /** Already in a pending or needs-info notice item. */
  hasOpenItem: boolean;
}

interface CandidateRow {
  id: string;
  marketplace_code: MarketplaceCode;
  external_id: string;
  status: ListingStatus;
  has_open_item: number | boolean;
}

const CANDIDATE_COLUMNS = `select l.id, l.marketplace_code, l.external_id, l.status,
  exists(select 1 from notice_items n where n.listing_id = l.id and n.state in ('pending', 'needs_info')) as has_open_item
  from listings l where`;

/**
 * Candidates read as plain rows in one query: a bulk notice screens thousands of listings, and
 * building entities for them cost several times the query itself.
 */
async function candidates(em: EntityManager, where: string, params: unknown[]): Promise<NoticeCandidate[]> {
  // In the caller's transaction when there is one (SQLite has a single connection to wait for).
  const rows: CandidateRow[] = await em.getConnection().execute(`${CANDIDATE_COLUMNS} ${where}`, params, 'all', em.getTransactionContext());
  return rows.map((row) => ({
    id: row.id,
    marketplace: row.marketplace_code,
    externalId: row.external_id,
    status: row.status,
    hasOpenItem: Boolean(row.has_open_item),
  }));
}

export const noticeCandidatesByIds = (em: EntityManager, ids: readonly string[]): Promise<NoticeCandidate[]> =>
  ids.length === 0 ? Promise.resolve([]) : candidates(em, `l.id in (${ids.map(() => '?').join(', ')})`, [...ids]);

export const noticeCandidatesByReference = (em: EntityManager, refs: readonly { marketplace: MarketplaceCode; externalId: string }[]): Promise<NoticeCandidate[]> =>
  refs.length === 0
    ? Promise.resolve([])
    : candidates(
        em,
        `(l.marketplace_code, l.external_id) in (${refs.map(() => '(?, ?)').join(', ')})`,
        refs.flatMap((ref) => [ref.marketplace, ref.externalId]),
      );

export interface FileNoticeItemsInput {
  noticeId: string;
  brandId: string;
  path: NoticePath;
  listings: readonly NoticeCandidate[];
  now: Date;
  /** Whether a good-faith item goes to the reviewers' audit sample (a domain rule, decided by the caller). */
  auditSampled: (itemId: string) => boolean;
}

/**
 * Inserts one item per listing into a notice already stored, in the caller's transaction. On the
 * good-faith path each listing is removed at once: its removal and the marketplace command go in the
 * same transaction. One insert per table, whatever the number of listings.
 */
export async function fileNoticeItems(em: EntityManager, input: FileNoticeItemsInput): Promise<void> {
  const { noticeId, brandId, path, listings, now } = input;
  if (listings.length === 0) return;
  const items = listings.map((listing) => {
    const id = newId();
    return {
      id,
      notice: noticeId,
      brand: brandId,
      marketplace: listing.marketplace,
      listing: listing.id,
      state: 'pending' as const,
      auditSampled: path === 'good_faith' && input.auditSampled(id),
      createdAt: now,
      updatedAt: now,
    };
  });
  await em.insertMany(NoticeItem, items);
  if (path !== 'good_faith') return;
  const removals = listings.map((listing, index) => ({
    id: newId(),
    brand: brandId,
    marketplace: listing.marketplace,
    listing: listing.id,
    source: 'notice_gft' as const,
    noticeItem: items[index]!.id,
    requestedAt: now,
    createdAt: now,
  }));
  await em.insertMany(Removal, removals);
  const commands = listings.map((listing, index) => ({
    id: newId(),
    ...listingCommandData(
      'remove_listing',
      { removalId: removals[index]!.id, listingId: listing.id, marketplace: listing.marketplace, externalListingId: listing.externalId, brandId },
      now,
    ),
    state: 'pending' as const,
    attempts: 0,
    createdAt: now,
  }));
  await em.insertMany(OutboxCommand, commands);
  noteOutboxInsert(em);
}
