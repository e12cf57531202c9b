import { z } from 'zod';
import { idSchema, marketplaceCodeSchema } from './common';

/** Recorded on a seller for each upheld removal; strikes expire so old ones stop counting. */
export const strikeSchema = z.object({
  id: idSchema,
  sellerId: idSchema,
  marketplaceCode: marketplaceCodeSchema,
  brandId: idSchema.nullable(),
  removalId: idSchema,
  expiresAt: z.date(),
  createdAt: z.date(),
});
export type Strike = z.infer<typeof strikeSchema>;
