import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { activeStrikeCount, sellerStatusFor, strikeExpiresAt, type AppealState, type SellerStatus, type StrikeSettings } from '@jf/domain';
import { AgentAuthorisation, ApiKey, Appeal, Removal, Seller, Strike, type AgentOrganisation, type Brand, type Marketplace, type User } from '../entities';
import { findPage, type Page, type PageRequest } from './paging';

// ————————————————————————————————————————————————————————————— integration keys

export const API_KEY_PREFIX = 'jfk_';
export const hashApiKey = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** Creates a key and answers its secret, which is never stored and cannot be shown again. */
export function createMarketplaceKey(em: EntityManager, marketplace: Marketplace, name: string, scopes: string[], createdBy: User): { key: ApiKey; secret: string } {
  const secret = `${API_KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
  const key = em.create(ApiKey, { name, kind: 'marketplace', marketplace, prefix: secret.slice(0, 12), secretHash: hashApiKey(secret), scopes, createdBy });
  return { key, secret };
}

/** The key `npm start` gives the simulator for one marketplace, from a secret shared with the API. */
export const simulatorKey = (marketplaceCode: string, secret: string): string => `${API_KEY_PREFIX}sim_${marketplaceCode}_${secret}`;

/**
 * Makes sure a marketplace holds a key with this exact secret (a simulator started beside the platform is
 * given it); creates it when missing. Answers whether it was created.
 */
export async function ensureMarketplaceKey(em: EntityManager, marketplace: Marketplace, secret: string, name: string, scopes: string[]): Promise<boolean> {
  if (!secret.startsWith(API_KEY_PREFIX)) throw new Error(`a key's secret starts with ${API_KEY_PREFIX}`);
  if ((await em.count(ApiKey, { secretHash: hashApiKey(secret) })) > 0) return false;
  em.create(ApiKey, { name, kind: 'marketplace', marketplace, prefix: secret.slice(0, 12), secretHash: hashApiKey(secret), scopes, createdBy: null });
  await em.flush();
  return true;
}

/** A brand's key for its own tools or its agent (same secret rules as a marketplace key). */
export function createBrandKey(em: EntityManager, brand: Brand, name: string, scopes: string[], createdBy: User): { key: ApiKey; secret: string } {
  const secret = `${API_KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
  const key = em.create(ApiKey, { name, kind: 'brand', brand, prefix: secret.slice(0, 12), secretHash: hashApiKey(secret), scopes, createdBy });
  return { key, secret };
}

/** An agent organisation's key: it acts for the brands that authorised the organisation. */
export function createAgentKey(em: EntityManager, agent: AgentOrganisation, name: string, scopes: string[], createdBy: User): { key: ApiKey; secret: string } {
  const secret = `${API_KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
  const key = em.create(ApiKey, { name, kind: 'agent', agent, prefix: secret.slice(0, 12), secretHash: hashApiKey(secret), scopes, createdBy });
  return { key, secret };
}

/** The brands whose live letters of authorisation an agent organisation holds. */
export async function authorisedBrandIds(em: EntityManager, agentId: string): Promise<string[]> {
  return (await em.find(AgentAuthorisation, { agent: agentId, revokedAt: null }, { fields: ['brand'] })).map((authorisation) => authorisation.brand.id);
}

/** The live key behind a presented secret; revoked and unknown keys are both null. */
export async function findLiveApiKey(em: EntityManager, secret: string): Promise<ApiKey | null> {
  if (!secret.startsWith(API_KEY_PREFIX)) return null;
  return em.findOne(ApiKey, { secretHash: hashApiKey(secret), revokedAt: null }, { populate: ['marketplace', 'brand', 'agent'] });
}

// ————————————————————————————————————————————————————————————— appeals

/** The removal a counter-notice answers: the listing's latest removal on that marketplace. */
export const latestRemovalOfListing = (em: EntityManager, marketplaceCode: string, listingExternalId: string): Promise<Removal | null> =>
  em.findOne(
    Removal,
    { marketplace: marketplaceCode as never, listing: { externalId: listingExternalId } },
    { orderBy: { requestedAt: 'DESC', id: 'DESC' }, populate: ['listing', 'listing.seller', 'brand', 'marketplace', 'noticeItem'] },
  );

export const appealOfRemoval = (em: EntityManager, removalId: string): Promise<Appeal | null> => em.findOne(Appeal, { removal: removalId });

export const appealByExternalId = (em: EntityManager, marketplaceCode: string, externalId: string): Promise<Appeal | null> =>
  em.findOne(Appeal, { marketplace: marketplaceCode as never, externalId }, { populate: ['removal', 'removal.listing'] });

const APPEAL_POPULATE = ['removal', 'removal.listing', 'removal.noticeItem', 'seller', 'brand', 'brandAnsweredBy', 'decidedBy'] as const;

export const findAppeal = (em: EntityManager, id: string): Promise<Appeal | null> => em.findOne(Appeal, id, { populate: APPEAL_POPULATE });

export interface AppealQuery extends PageRequest<'createdAt' | 'brandDueAt'> {
  brandId?: string;
  state?: AppealState;
}

export function listAppeals(em: EntityManager, query: AppealQuery): Promise<Page<Appeal>> {
  const where: FilterQuery<Appeal> = {};
  if (query.brandId) where.brand = query.brandId;
  if (query.state) where.state = query.state;
  return findPage(em, Appeal, where, query, { populate: APPEAL_POPULATE });
}

/** Open appeals whose brand window has passed, oldest first: their silence is due to be applied. */
export const lapsedAppeals = (em: EntityManager, now: Date, limit: number): Promise<Appeal[]> =>
  em.find(Appeal, { state: 'open', brandDueAt: { $lt: now } }, { orderBy: { brandDueAt: 'ASC', id: 'ASC' }, limit, populate: APPEAL_POPULATE });

// ————————————————————————————————————————————————————————————— strikes

export interface StrikeOutcome {
  strike: Strike;
  activeStrikes: number;
  before: SellerStatus;
  after: SellerStatus;
}

/** An upheld removal: the seller gets a strike and its status follows the thresholds. */
export async function issueStrike(em: EntityManager, removal: Removal, seller: Seller, now: Date, settings: StrikeSettings): Promise<StrikeOutcome> {
  const strike = em.create(Strike, { seller, marketplace: removal.marketplace, brand: removal.brand, removal, expiresAt: strikeExpiresAt(now, settings), createdAt: now });
  const existing = await em.find(Strike, { seller, expiresAt: { $gt: now } });
  const activeStrikes = activeStrikeCount([...existing.filter((row) => row.id !== strike.id), strike], now);
  const before = seller.status;
  const after = sellerStatusFor(activeStrikes, settings);
  seller.strikeCount = activeStrikes;
  // A banned seller stays banned: strikes expiring later never lift a ban by themselves.
  if (before !== 'banned') seller.status = after;
  return { strike, activeStrikes, before, after: seller.status };
}

/**
 * Restricted sellers whose strikes have expired below the restriction threshold, with their active
 * strike count: their restriction lifts. Bans never lift by themselves.
 */
export async function sellersOutgrowingRestriction(em: EntityManager, now: Date, settings: StrikeSettings, limit = 200): Promise<{ seller: Seller; activeStrikes: number }[]> {
  const restricted = await em.find(Seller, { status: 'restricted' }, { limit, orderBy: { id: 'ASC' }, populate: ['marketplace'] });
  const lifted: { seller: Seller; activeStrikes: number }[] = [];
  for (const seller of restricted) {
    const activeStrikes = await em.count(Strike, { seller, createdAt: { $lte: now }, expiresAt: { $gt: now } });
    if (sellerStatusFor(activeStrikes, settings) === 'active') lifted.push({ seller, activeStrikes });
  }
  return lifted;
}
