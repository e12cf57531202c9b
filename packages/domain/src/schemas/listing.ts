import { z } from 'zod';
import { LISTING_STATUSES } from '../model';
import {
  currencySchema,
  idSchema,
  marketplaceCodeSchema,
  priceCentsSchema,
  probabilitySchema,
} from './common';

export const listingSchema = z.object({
  id: idSchema,
  marketplaceCode: marketplaceCodeSchema,
  sellerId: idSchema,
  /** The marketplace's own id for the listing. */
  externalId: z.string().min(1).max(64),
  title: z.string().min(1).max(500),
  priceCents: priceCentsSchema,
  currency: currencySchema,
  category: z.string().min(1).max(100),
  images: z.array(z.url()),
  status: z.enum(LISTING_STATUSES),
  /** The brand and product this listing resembles most, when detection found one. */
  matchedBrandId: idSchema.nullable(),
  matchedProductId: idSchema.nullable(),
  /** Latest detection score; null until the scanner has seen the listing. */
  riskScore: probabilitySchema.nullable(),
  scoredAt: z.date().nullable(),
  listedAt: z.date(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Listing = z.infer<typeof listingSchema>;
