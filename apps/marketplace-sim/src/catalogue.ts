import { DEFAULT_SEED, generateWorld, Listing, Marketplace, Seller, type SeedSize } from '@jf/db';
import { MARKETPLACE_CODES, type ListingStatus, type MarketplaceCode, type SellerStatus } from '@jf/domain';

export interface SimSeller {
  marketplace: MarketplaceCode;
  externalId: string;
  name: string;
  registeredAt: string;
  /** As the platform last set it; absent means active. */
  status?: SellerStatus;
}

export interface SimListing {
  marketplace: MarketplaceCode;
  externalId: string;
  sellerExternalId: string;
  title: string;
  priceCents: number;
  currency: string;
  category: string;
  images: string[];
  /** Perceptual hashes of the images, as the marketplace computes them (absent: it does not). */
  imageHashes?: string[];
  status: ListingStatus;
  listedAt: string;
  /** Milliseconds: the feed is ordered by (updatedAt, externalId). */
  updatedAt: number;
}

/** Everything a simulated marketplace sells: its sellers and their listings. */
export interface SimCatalogue {
  marketplaces: { code: MarketplaceCode; name: string }[];
  sellers: SimSeller[];
  listings: SimListing[];
}

/** Where a catalogue came from; a state file is only reapplied to the same origin. */
export type CatalogueOrigin = { size: SeedSize; seed: number } | 'custom';

const isMarketplaceCode = (value: unknown): value is MarketplaceCode =>
  (MARKETPLACE_CODES as readonly unknown[]).includes(value);

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));

/**
 * The marketplaces' sellers and listings as the platform's demo world has them: the same generator
 * with the same size and seed gives the same external ids, and the listings removed in the seeded
 * history are removed here too. Generation is independent of `now` except for timestamps.
 */
export function catalogueFromWorld(size: SeedSize, seed = DEFAULT_SEED, now = new Date()): SimCatalogue {
  const world = generateWorld({ size, seed, now, passwordHash: '' });
  const rows = (entity: unknown) => world.tables.find((table) => table.entity === entity)?.rows ?? [];
  const marketplaces = rows(Marketplace).flatMap((row) =>
    isMarketplaceCode(row.code) ? [{ code: row.code, name: String(row.name) }] : [],
  );
  const sellerExternalIds = new Map<unknown, string>();
  const sellers: SimSeller[] = rows(Seller).flatMap((row) => {
    if (!isMarketplaceCode(row.marketplace)) return [];
    sellerExternalIds.set(row.id, String(row.externalId));
    return [
      { marketplace: row.marketplace, externalId: String(row.externalId), name: String(row.name), registeredAt: iso(row.registeredAt) },
    ];
  });
  const listings: SimListing[] = rows(Listing).flatMap((row) => {
    if (!isMarketplaceCode(row.marketplace)) return [];
    return [
      {
        marketplace: row.marketplace,
        externalId: String(row.externalId),
        sellerExternalId: sellerExternalIds.get(row.seller) ?? '',
        title: String(row.title),
        priceCents: Number(row.priceCents),
        currency: String(row.currency),
        category: String(row.category),
        images: (row.images as string[]) ?? [],
        ...(Array.isArray(row.imageHashes) ? { imageHashes: row.imageHashes as string[] } : {}),
        status: row.status as ListingStatus,
        listedAt: iso(row.listedAt),
        updatedAt: (row.updatedAt as Date).getTime(),
      },
    ];
  });
  return { marketplaces, sellers, listings };
}

/** A catalogue built by hand (tests): the five marketplaces, a seller per listing's seller id. */
export function customCatalogue(
  listings: (Pick<SimListing, 'marketplace' | 'externalId'> & Partial<SimListing>)[],
  now = new Date(),
): SimCatalogue {
  const sellers = new Map<string, SimSeller>();
  const full = listings.map((listing, index): SimListing => {
    const sellerExternalId = listing.sellerExternalId ?? 'seller-1';
    const sellerKey = `${listing.marketplace}/${sellerExternalId}`;
    if (!sellers.has(sellerKey))
      sellers.set(sellerKey, {
        marketplace: listing.marketplace,
        externalId: sellerExternalId,
        name: `Seller ${sellerExternalId}`,
        registeredAt: now.toISOString(),
      });
    return {
      title: `Listing ${listing.externalId}`,
      priceCents: 1000,
      currency: 'CNY',
      category: 'other',
      images: [],
      status: 'active',
      listedAt: now.toISOString(),
      updatedAt: now.getTime() + index,
      ...listing,
      sellerExternalId,
    };
  });
  return {
    marketplaces: MARKETPLACE_CODES.map((code) => ({ code, name: code })),
    sellers: [...sellers.values()],
    listings: full,
  };
}
