import { z } from 'zod';
import { APPEAL_STATES } from '../model';
import { idSchema, marketplaceCodeSchema } from './common';

/** A seller's counter-notice against one removal. */
export const appealSchema = z.object({
  id: idSchema,
  removalId: idSchema,
  brandId: idSchema.nullable(),
  marketplaceCode: marketplaceCodeSchema,
  sellerId: idSchema,
  statement: z.string().min(1),
  /** Links or storage keys of the seller's supporting documents. */
  evidence: z.array(z.string().min(1)),
  state: z.enum(APPEAL_STATES),
  /** For appeals against notices the brand is heard before the reviewer decides. */
  brandResponse: z.string().nullable(),
  brandRespondedAt: z.date().nullable(),
  decidedById: idSchema.nullable(),
  decidedAt: z.date().nullable(),
  decisionReason: z.string().nullable(),
  createdAt: z.date(),
});
export type Appeal = z.infer<typeof appealSchema>;
