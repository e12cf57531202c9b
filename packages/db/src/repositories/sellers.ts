import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { ListSellersInput, SharedSellerDetail } from '@jf/domain';
import { Appeal, Removal, Seller, Strike } from '../entities';
import { containsText, findPage, type Page } from './paging';

export async function listSellers(em: EntityManager, input: ListSellersInput): Promise<Page<Seller>> {
  const { q, marketplace, status, ids } = input.filter;
  const where: FilterQuery<Seller> = {};
  if (q) where.$or = [{ name: containsText(em, q) }, { externalId: containsText(em, q) }];
  if (marketplace) where.marketplace = marketplace;
  if (status) where.status = status;
  if (ids) where.id = { $in: ids };
  return findPage(em, Seller, where, input, { populate: ['marketplace'] });
}

export const findSeller = (em: EntityManager, id: string): Promise<Seller | null> =>
  em.findOne(Seller, id, { populate: ['marketplace'] });

/** Every strike the seller ever got, active or expired, newest first. */
export const sellerStrikes = (em: EntityManager, sellerId: string): Promise<Strike[]> =>
  em.find(
    Strike,
    { seller: sellerId },
    { orderBy: { createdAt: 'DESC', id: 'ASC' }, populate: ['brand', 'removal', 'removal.listing'] },
  );

/** The seller's latest removals (of any of its listings) and how many there are in all. */
export async function sellerRemovals(
  em: EntityManager,
  sellerId: string,
  limit: number,
): Promise<Page<Removal>> {
  const [items, total] = await em.findAndCount(
    Removal,
    { listing: { seller: sellerId } },
    { orderBy: { requestedAt: 'DESC', id: 'ASC' }, limit, populate: ['brand', 'listing'] },
  );
  return { items, total };
}

export const sellerAppeals = (em: EntityManager, sellerId: string, limit: number): Promise<Appeal[]> =>
  em.find(
    Appeal,
    { seller: sellerId },
    {
      orderBy: { createdAt: 'DESC', id: 'ASC' },
      limit,
      populate: ['brand', 'brandAnsweredBy', 'removal', 'removal.listing'],
    },
  );

export interface RelatedSeller {
  seller: Seller;
  /** Which of the seller's fingerprints this account has too. */
  shared: SharedSellerDetail[];
}

/**
 * Other accounts, on any marketplace, with the same contact or payment fingerprint as `seller`: often
 * one operator behind several shops. A seller without fingerprints has no known relations.
 */
export async function relatedSellers(
  em: EntityManager,
  seller: Seller,
  limit: number,
): Promise<RelatedSeller[]> {
  const { contactFingerprint: contact, paymentFingerprint: payment } = seller;
  const matches: FilterQuery<Seller>[] = [];
  if (contact) matches.push({ contactFingerprint: contact });
  if (payment) matches.push({ paymentFingerprint: payment });
  if (matches.length === 0) return [];
  const rows = await em.find(
    Seller,
    { id: { $ne: seller.id }, $or: matches },
    { orderBy: { strikeCount: 'DESC', name: 'ASC', id: 'ASC' }, limit, populate: ['marketplace'] },
  );
  return rows.map((row) => ({
    seller: row,
    shared: [
      ...(contact && row.contactFingerprint === contact ? ['contact' as const] : []),
      ...(payment && row.paymentFingerprint === payment ? ['payment' as const] : []),
    ],
  }));
}
