import { LockMode, type EntityData, type EntityManager, type RequiredEntityData } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { statusFromFeed, type FeedListing, type FeedSeller, type MarketplaceCode } from '@jf/domain';
import { Listing, Marketplace, Removal, Seller, Setting } from '../entities';
import { newId } from '../entities/common';
import { recordAudit, type AuditEntry } from './audit';

/** Who ingestion's audit events name. */
export const INGESTION_ACTOR: AuditEntry['actor'] = { id: null, label: 'listing-ingestion' };

const cursorKey = (code: MarketplaceCode) => `ingest.cursor.${code}`;

interface StoredCursor {
  cursor: string | null;
}

/** Where ingestion of this marketplace's feed continues; null before the first page. */
export async function ingestionCursor(em: EntityManager, marketplaceCode: MarketplaceCode): Promise<string | null> {
  const row = await em.findOne(Setting, { key: cursorKey(marketplaceCode) });
  return (row?.value as StoredCursor | undefined)?.cursor ?? null;
}

/**
 * Stores the cursor in the caller's unit of work, so it commits with the page it follows.
 * With `expected` it is a compare-and-set: it returns false (and changes nothing) when the stored
 * cursor is no longer the one the page was fetched from, i.e. another ingestor (a second API process
 * on the same PostgreSQL database) got there first and this page must not be applied again. The row is
 * read `for update` on PostgreSQL so two ingestors cannot both pass the check.
 */
export async function saveIngestionCursor(
  em: EntityManager,
  marketplaceCode: MarketplaceCode,
  cursor: string | null,
  options: { expected?: string | null } = {},
): Promise<boolean> {
  const postgres = em.getPlatform() instanceof PostgreSqlPlatform;
  const row = await em.findOne(
    Setting,
    { key: cursorKey(marketplaceCode) },
    { lockMode: postgres && em.isInTransaction() ? LockMode.PESSIMISTIC_WRITE : undefined },
  );
  const stored = (row?.value as StoredCursor | undefined)?.cursor ?? null;
  if (options.expected !== undefined && stored !== options.expected) return false;
  const value: StoredCursor = { cursor };
  if (row) row.value = value;
  else em.create(Setting, { key: cursorKey(marketplaceCode), value, updatedBy: null });
  return true;
}

/** Sellers the feed names that the platform does not have yet (to be fetched before the transaction). */
export async function unknownSellerIds(em: EntityManager, marketplaceCode: MarketplaceCode, externalIds: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(externalIds)];
  if (wanted.length === 0) return [];
  const known = await em.find(Seller, { marketplace: marketplaceCode, externalId: { $in: wanted } }, { fields: ['externalId'] });
  const have = new Set(known.map((seller) => seller.externalId));
  return wanted.filter((id) => !have.has(id));
}

/** Answers a seller's details; null when the marketplace does not know it. Throwing aborts the page. */
export type SellerLookup = (externalId: string) => Promise<FeedSeller | null>;

export interface FeedUpsertResult {
  inserted: number;
  updated: number;
  statusChanges: number;
  sellersCreated: number;
}

const sameImages = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((image, i) => image === b[i]);

/**
 * Applies one page of a marketplace's listing feed in the caller's transaction: new sellers and
 * listings are inserted in batches, listings whose details or status differ are updated (one
 * statement each; on a feed the platform already mirrors that is nobody), and a page applied twice
 * changes nothing. A status change of an existing listing is audited as `listing-ingestion`; the
 * platform's own removal is respected (see `statusFromFeed`). Audit rows are queued in the unit of
 * work, so the caller's commit (or flush) writes them with the rest.
 */
export async function upsertFeedListings(
  em: EntityManager,
  marketplaceCode: MarketplaceCode,
  items: readonly FeedListing[],
  sellerLookup: SellerLookup,
  now = new Date(),
): Promise<FeedUpsertResult> {
  const result: FeedUpsertResult = { inserted: 0, updated: 0, statusChanges: 0, sellersCreated: 0 };
  if (items.length === 0) return result;
  // A page could name a listing twice only if it changed within the page; the last report wins.
  const latest = new Map<string, FeedListing>();
  for (const item of items) latest.set(item.externalId, item);
  const feed = [...latest.values()];

  const sellerIds = [...new Set(feed.map((item) => item.sellerExternalId))];
  const sellers = new Map(
    (await em.find(Seller, { marketplace: marketplaceCode, externalId: { $in: sellerIds } }, { fields: ['id', 'externalId'] })).map(
      (seller) => [seller.externalId, seller.id],
    ),
  );
  const newSellers: RequiredEntityData<Seller>[] = [];
  for (const externalId of sellerIds) {
    if (sellers.has(externalId)) continue;
    const found = await sellerLookup(externalId);
    // A seller the marketplace cannot describe still owns the listing: keep it under its id.
    const id = newId();
    newSellers.push({
      id,
      marketplace: marketplaceCode,
      externalId,
      name: found?.name ?? externalId,
      status: 'active',
      strikeCount: 0,
      contactFingerprint: null,
      paymentFingerprint: null,
      registeredAt: found?.registeredAt ?? now,
      createdAt: now,
    });
    sellers.set(externalId, id);
  }
  if (newSellers.length) await em.insertMany(Seller, newSellers);
  result.sellersCreated = newSellers.length;

  const existing = new Map(
    (await em.find(Listing, { marketplace: marketplaceCode, externalId: { $in: feed.map((item) => item.externalId) } })).map((listing) => [
      listing.externalId,
      listing,
    ]),
  );

  // Removals that may still stand, for listings the platform has removed and the feed reports live.
  const reportedLive = feed.flatMap((item) => {
    const listing = existing.get(item.externalId);
    return listing && listing.status === 'removed' && item.status !== 'removed' ? [listing.id] : [];
  });
  const standingRemovals = new Map<string, Date>();
  if (reportedLive.length) {
    const removals = await em.find(
      Removal,
      { listing: { $in: reportedLive }, removedAt: { $ne: null }, reinstatedAt: null },
      { fields: ['listing', 'removedAt'] },
    );
    for (const removal of removals) {
      const at = removal.removedAt!;
      const previous = standingRemovals.get(removal.listing.id);
      if (!previous || previous < at) standingRemovals.set(removal.listing.id, at);
    }
  }

  const inserts: RequiredEntityData<Listing>[] = [];
  for (const item of feed) {
    const seller = sellers.get(item.sellerExternalId)!;
    const listing = existing.get(item.externalId);
    if (!listing) {
      inserts.push({
        id: newId(),
        marketplace: marketplaceCode,
        seller,
        externalId: item.externalId,
        title: item.title,
        priceCents: item.priceCents,
        currency: item.currency,
        category: item.category,
        images: item.images,
        imageHashes: item.imageHashes ?? null,
        status: item.status,
        matchedBrand: null,
        matchedProduct: null,
        riskScore: null,
        scoredAt: null,
        listedAt: item.listedAt,
        createdAt: now,
        updatedAt: item.updatedAt,
      });
      continue;
    }
    const removedAt = standingRemovals.get(listing.id);
    // The removal stands unless the marketplace changed the listing after it took effect.
    const status = statusFromFeed(listing.status, item.status, removedAt !== undefined && item.updatedAt <= removedAt);
    const change: EntityData<Listing> = {};
    if (listing.title !== item.title) change.title = item.title;
    if (listing.priceCents !== item.priceCents) change.priceCents = item.priceCents;
    if (listing.currency !== item.currency) change.currency = item.currency;
    if (listing.category !== item.category) change.category = item.category;
    if (!sameImages(listing.images, item.images)) change.images = item.images;
    if (item.imageHashes && !sameImages(listing.imageHashes ?? [], item.imageHashes)) change.imageHashes = item.imageHashes;
    if (listing.seller.id !== seller) change.seller = seller;
    // What detection reads changed: the listing is scored again (a status change alone is not new content).
    if (Object.keys(change).length > 0) change.scoredAt = null;
    if (status) change.status = status;
    if (Object.keys(change).length === 0) continue;
    // The marketplace's time of the change, unless the platform touched the row later itself.
    change.updatedAt = item.updatedAt > listing.updatedAt ? item.updatedAt : listing.updatedAt;
    // A native update: the unit of work would stamp updatedAt with the ingestion time instead.
    await em.nativeUpdate(Listing, { id: listing.id }, change);
    result.updated++;
    if (status) {
      result.statusChanges++;
      recordAudit(
        em,
        {
          actor: INGESTION_ACTOR,
          action: status === 'removed' ? 'listing_removed_by_marketplace' : 'listing_reinstated_by_marketplace',
          entityType: 'listing',
          entityId: listing.id,
          brandId: listing.matchedBrand?.id ?? null,
          before: { status: listing.status },
          after: { status, marketplaceUpdatedAt: item.updatedAt.toISOString() },
        },
        now,
      );
    }
  }
  if (inserts.length) await em.insertMany(Listing, inserts);
  result.inserted = inserts.length;
  return result;
}

/** The marketplaces ingestion polls, with where their feeds live. */
export async function ingestionTargets(em: EntityManager): Promise<{ code: MarketplaceCode; baseUrl: string }[]> {
  const marketplaces = await em.find(Marketplace, {}, { orderBy: { code: 'asc' } });
  return marketplaces.map(({ code, baseUrl }) => ({ code, baseUrl }));
}
