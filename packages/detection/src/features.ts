import { hashDistance, parseHash } from './perceptual-hash';
import type { ProductMatch } from './product-matcher';
import { normaliseText } from './text';
import { COUNTERFEIT_TERMS, OFFICIAL_TERMS, TermCounter } from './vocabulary';

/** The model's inputs, in a fixed order: a weight is stored under each name (plus `bias`). */
export const FEATURE_NAMES = [
  'suspiciousTerms',
  'officialTerms',
  'keywordMatch',
  'priceRatio',
  'sellerAge',
  'sellerStrikes',
  'pastRemovals',
  'relatedAccounts',
  'categoryMatch',
  'imageSimilarity',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
/** Every value finite; all in [0, 1] except priceRatio, in [0, 2]. */
export type Features = Record<FeatureName, number>;

export interface ListingForDetection {
  title: string;
  priceCents: number;
  currency: string;
  category: string;
  /** Perceptual hashes of the listing's images (see perceptualHash). */
  imageHashes: readonly string[];
}

export interface SellerForDetection {
  registeredAt: Date;
  strikeCount: number;
  /** The seller's listings removed before, whatever the source. */
  pastRemovals: number;
  /** Other seller accounts sharing contact or payment details with this one. */
  relatedAccounts: number;
}

export interface ProductForDetection {
  id: string;
  brandId: string;
  name: string;
  keywords: readonly string[];
  msrpCents: number;
  currency: string;
  category: string;
  imageHashes: readonly string[];
}

/**
 * Units of each currency per US dollar, fixed so that scores do not move with exchange rates (CNY matches
 * the demo world's rate). A currency not listed is taken as US dollars.
 */
export const CURRENCY_PER_USD: Readonly<Record<string, number>> = {
  USD: 1,
  CNY: 7.2,
  EUR: 0.92,
  GBP: 0.79,
  HKD: 7.8,
  JPY: 150,
};

/** Price ratios above this say nothing more (a listing at 5x MSRP is as "not cheap" as one at 2x). */
const MAX_PRICE_RATIO = 2;
const DAY_MS = 86_400_000;
/** A seller ten years old counts as fully established. */
const SELLER_AGE_FULL_DAYS = 3650;
const MAX_STRIKES = 5;
const PAST_REMOVALS_FULL = 100;
const MAX_RELATED_ACCOUNTS = 5;
const MAX_SUSPICIOUS_TERMS = 3;
const MAX_OFFICIAL_TERMS = 2;

const counterfeitTerms = new TermCounter(COUNTERFEIT_TERMS);
const officialTerms = new TermCounter(OFFICIAL_TERMS);

/** An amount in US dollars; a currency not in CURRENCY_PER_USD counts as dollars. */
export function toUsd(cents: number, currency: string): number {
  const rate = CURRENCY_PER_USD[currency.trim().toUpperCase()] ?? 1;
  return cents / 100 / rate;
}

const clamp01 = (value: number): number => (value > 1 ? 1 : value > 0 ? value : 0);
/** NaN and negative counts read as 0, so that a bad row cannot make a score non-finite. */
const count = (value: number): number => (Number.isFinite(value) && value > 0 ? value : 0);

/**
 * The features of one listing, against the product it resembles (null: none), at `now`:
 * - suspiciousTerms: distinct counterfeit terms in the title, min(hits, 3) / 3;
 * - officialTerms: distinct genuine-seller terms, min(hits, 2) / 2;
 * - keywordMatch: share of the matched product's keywords in the title (0 without a product);
 * - priceRatio: price / MSRP, both in US dollars, capped at 2 (1 without a product: no evidence);
 * - sellerAge: log1p(days registered) / log1p(3650), so the first months count most;
 * - sellerStrikes: min(strikes, 5) / 5; pastRemovals: log1p(n) / log1p(100), capped at 1;
 * - relatedAccounts: min(n, 5) / 5;
 * - categoryMatch: 1 when the listing is in the product's category (0 without a product);
 * - imageSimilarity: best hashSimilarity of any listing image with any product image, 0 when either has none.
 */
export function extractFeatures(
  listing: ListingForDetection,
  seller: SellerForDetection,
  match: ProductMatch | null,
  now: Date,
): Features {
  const title = normaliseText(listing.title);
  const product = match?.product ?? null;

  let priceRatio = 1;
  if (product) {
    const msrp = toUsd(product.msrpCents, product.currency);
    const price = toUsd(listing.priceCents, listing.currency);
    priceRatio =
      msrp > 0 && Number.isFinite(price) ? Math.min(Math.max(price / msrp, 0), MAX_PRICE_RATIO) : 1;
  }

  const ageDays = count((now.getTime() - seller.registeredAt.getTime()) / DAY_MS);
  return {
    suspiciousTerms: Math.min(counterfeitTerms.count(title), MAX_SUSPICIOUS_TERMS) / MAX_SUSPICIOUS_TERMS,
    officialTerms: Math.min(officialTerms.count(title), MAX_OFFICIAL_TERMS) / MAX_OFFICIAL_TERMS,
    keywordMatch: product ? clamp01(count(match?.keywordMatch ?? 0)) : 0,
    priceRatio,
    sellerAge: clamp01(Math.log1p(ageDays) / Math.log1p(SELLER_AGE_FULL_DAYS)),
    sellerStrikes: Math.min(count(seller.strikeCount), MAX_STRIKES) / MAX_STRIKES,
    pastRemovals: clamp01(Math.log1p(count(seller.pastRemovals)) / Math.log1p(PAST_REMOVALS_FULL)),
    relatedAccounts: Math.min(count(seller.relatedAccounts), MAX_RELATED_ACCOUNTS) / MAX_RELATED_ACCOUNTS,
    categoryMatch: product && sameCategory(listing.category, product.category) ? 1 : 0,
    imageSimilarity: product ? bestImageSimilarity(listing.imageHashes, product.imageHashes) : 0,
  };
}

function sameCategory(a: string, b: string): boolean {
  return a === b || a.trim().toLowerCase() === b.trim().toLowerCase();
}

function bestImageSimilarity(listing: readonly string[], product: readonly string[]): number {
  if (listing.length === 0 || product.length === 0) return 0;
  // Parse each hash once rather than once per pair; malformed hashes are skipped.
  const theirs = product.map(parseHash).filter((hash) => hash !== null);
  let closest = 64;
  for (const hash of listing) {
    const ours = parseHash(hash);
    if (ours) for (const other of theirs) closest = Math.min(closest, hashDistance(ours, other));
  }
  return theirs.length === 0 ? 0 : 1 - closest / 64;
}
