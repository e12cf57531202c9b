import type { EntityManager } from '@mikro-orm/core';
import type { GftStatus, IpRightStatus, ListingStatus, MarketplaceCode, NoticePath, NoticeReason } from '@jf/domain';
import { Notice, NoticeItem, OutboxCommand, Removal } from '../entities';
import { newId } from '../entities/common';
import { noteOutboxInsert } from '../outbox-signal';
import { listingCommandData } from './outbox';
import { dateOf, insertRows, selectRows } from './sql';

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
async function candidates(em: EntityManager, where: string, params: string[]): Promise<NoticeCandidate[]> {
  const rows = await selectRows<CandidateRow>(em, `${CANDIDATE_COLUMNS} ${where}`, params);
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
  await insertRows(em, NoticeItem, items);
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
  await insertRows(em, Removal, removals);
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
  await insertRows(em, OutboxCommand, commands);
  noteOutboxInsert(em);
}

/** What filing a notice checks first: the brand's path, the cited right (null when not the brand's), a replay. */
export interface NoticeFilingContext {
  gftStatus: GftStatus;
  right: { id: string; brandId: string; status: IpRightStatus; validFrom: Date; validUntil: Date } | null;
  /** The notice already filed under this idempotency key. */
  replayNoticeId: string | null;
}

/** One query for what three entity lookups read before (a GFT notice is on the hot path). */
export async function noticeFilingContext(em: EntityManager, brandId: string, ipRightId: string, idempotencyKey: string): Promise<NoticeFilingContext | null> {
  const [row] = await selectRows<Record<string, unknown>>(
    em,
    `select b.gft_status, r.id as right_id, r.status as right_status, r.valid_from, r.valid_until,
       (select n.id from notices n where n.brand_id = b.id and n.idempotency_key = ?) as replay_notice_id
     from brands b left join ip_rights r on r.id = ? and r.brand_id = b.id
     where b.id = ?`,
    [idempotencyKey, ipRightId, brandId],
  );
  if (!row) return null;
  return {
    gftStatus: row.gft_status as GftStatus,
    right: row.right_id
      ? { id: row.right_id as string, brandId, status: row.right_status as IpRightStatus, validFrom: dateOf(row.valid_from)!, validUntil: dateOf(row.valid_until)! }
      : null,
    replayNoticeId: (row.replay_notice_id as string | null) ?? null,
  };
}

export interface NewNotice {
  brandId: string;
  submittedById: string | null;
  ipRightId: string;
  reason: NoticeReason;
  evidence: string;
  testBuyOrderRef: string | null;
  path: NoticePath;
  idempotencyKey: string;
  itemCount: number;
  submittedAt: Date;
}

/** Inserts a notice natively (no unit of work) and answers its id. */
export async function insertNotice(em: EntityManager, notice: NewNotice): Promise<string> {
  const id = newId();
  const { brandId, submittedById, ipRightId, ...fields } = notice;
  await insertRows(em, Notice, [{ id, brand: brandId, submittedBy: submittedById, ipRight: ipRightId, ...fields, createdAt: notice.submittedAt }]);
  return id;
}
