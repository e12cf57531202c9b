import type { GftStatus, IpRightStatus, ListingStatus, MarketplaceCode, NoticePath, NoticeReason } from '../model';
import { MARKETPLACE_CODES } from '../model';

/** Notices of GFT-enrolled brands skip review: each listing is removed at once. */
export const noticePathFor = (gftStatus: GftStatus): NoticePath => (gftStatus === 'enrolled' ? 'good_faith' : 'standard');

/** Largest single (portal or API) notice; bulk CSV notices go through the bulk path instead. */
export const MAX_LISTINGS_PER_NOTICE = 500;
/** Default share of GFT removals drawn into the reviewers' audit sample (a setting). */
export const DEFAULT_GFT_AUDIT_RATE = 0.05;

/** A reviewer's claim on a queue item lapses after this long, so an abandoned item returns to the queue. */
export const REVIEW_CLAIM_TIMEOUT_MS = 15 * 60_000;

/** Whether a claim taken at `claimedAt` still holds at `now`. */
export const claimIsLive = (claimedAt: Date | null, now: Date): boolean => !!claimedAt && now.getTime() - claimedAt.getTime() < REVIEW_CLAIM_TIMEOUT_MS;

/** The earliest claim time that still holds at `now` (for queries). */
export const liveClaimSince = (now: Date): Date => new Date(now.getTime() - REVIEW_CLAIM_TIMEOUT_MS + 1);

export interface CitedRight {
  brandId: string;
  status: IpRightStatus;
  validFrom: Date;
  validUntil: Date;
}

/** Why a right cannot back a notice, or null when it can. Foreign rights read as unknown, not as someone else's. */
export function rightProblem(right: CitedRight | null, brandId: string, now: Date): string | null {
  if (!right || right.brandId !== brandId) return 'is not one of your registered IP rights';
  if (right.status === 'pending') return 'is not verified yet; a notice can cite it once it is verified';
  if (right.status === 'rejected') return 'was rejected at verification and cannot be cited';
  if (right.status === 'expired' || right.validUntil <= now) return 'has expired; cite a right that is valid today';
  if (right.validFrom > now) return 'is not valid yet';
  return null;
}

export interface ListingCandidate {
  status: ListingStatus;
  /** The listing already sits in a pending or needs-info item of some notice. */
  hasOpenItem: boolean;
}

/** Why a listing cannot go into a new notice, or null when it can. */
export function listingProblem(listing: ListingCandidate | null): string | null {
  if (!listing) return 'is not a listing we know; check the marketplace and listing id';
  if (listing.status === 'removed') return 'is already removed';
  if (listing.hasOpenItem) return 'is already in an open notice';
  return null;
}

/** A test-buy complaint must name the order it bought; other reasons must not carry one. */
export function testBuyProblem(reason: NoticeReason, orderRef: string | null | undefined): string | null {
  if (reason === 'test_buy' && !orderRef?.trim()) return 'is required for a test-buy notice';
  return null;
}

/**
 * Deterministic audit sampling: the same item is always in or out of the sample, whoever asks and
 * however often, so a retried submission cannot change which removals get audited.
 */
export function isAuditSampled(itemId: string, rate: number): boolean {
  if (rate <= 0) return false;
  if (rate >= 1) return true;
  return fnv1a32(itemId) / 0x1_0000_0000 < rate;
}

/** 32-bit FNV-1a: a well-spread, dependency-free hash that runs the same in Node and the browser. */
function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export interface ListingReference {
  marketplace: MarketplaceCode;
  externalId: string;
}

/**
 * Reads what a brand pastes to name a listing: `marketplace:listingId` (e.g. `taobao:TB-0001`) or a
 * listing URL whose path contains `/<marketplace>/listings/<listingId>`. Returns null when neither fits.
 */
export function parseListingReference(text: string): ListingReference | null {
  const trimmed = text.trim();
  const pair = /^([a-z0-9]+)\s*:\s*([\w.-]{1,64})$/i.exec(trimmed);
  const fromUrl = /\/([a-z0-9]+)\/listings\/([\w.-]{1,64})\/?(?:[?#].*)?$/i.exec(trimmed);
  const match = pair ?? fromUrl;
  if (!match) return null;
  const marketplace = match[1]!.toLowerCase();
  if (!(MARKETPLACE_CODES as readonly string[]).includes(marketplace)) return null;
  return { marketplace: marketplace as MarketplaceCode, externalId: match[2]! };
}
