import { z } from 'zod';
import { SELLER_STATUSES } from '../model';
import { idSchema, marketplaceCodeSchema } from './common';

export const sellerSchema = z.object({
  id: idSchema,
  marketplaceCode: marketplaceCodeSchema,
  /** The marketplace's own id for the seller. */
  externalId: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  status: z.enum(SELLER_STATUSES),
  strikeCount: z.int().nonnegative(),
  /** Hashes of contact and payment details, used to find related accounts. */
  contactFingerprint: z.string().max(64).nullable(),
  paymentFingerprint: z.string().max(64).nullable(),
  registeredAt: z.date(),
  createdAt: z.date(),
});
export type Seller = z.infer<typeof sellerSchema>;
