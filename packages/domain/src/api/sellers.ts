import { z } from 'zod';
import { MARKETPLACE_CODES, SELLER_STATUSES } from '../model';
import { idSchema, listParamsSchema } from './common';

/** Sellers as reviewers look them up: by marketplace, status, or a piece of their name or marketplace id. */
export const SELLER_SORT_FIELDS = ['strikeCount', 'name'] as const;
export const sellerFilterSchema = z.object({
  q: z.string().trim().max(200).optional(),
  marketplace: z.enum(MARKETPLACE_CODES).optional(),
  status: z.enum(SELLER_STATUSES).optional(),
  ids: z.array(idSchema).max(500).optional(),
});
export type SellerFilter = z.infer<typeof sellerFilterSchema>;

export const listSellersInput = listParamsSchema(sellerFilterSchema, SELLER_SORT_FIELDS);
export type ListSellersInput = z.infer<typeof listSellersInput>;

/** What two seller accounts can have in common: the same contact or payment details (as fingerprints). */
export const SHARED_SELLER_DETAILS = ['contact', 'payment'] as const;
export type SharedSellerDetail = (typeof SHARED_SELLER_DETAILS)[number];
