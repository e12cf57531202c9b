import { z } from 'zod';
import { marketplaceCodeSchema } from './common';

/** Keyed by its code rather than a uuid: the codes are the shared vocabulary of every other table. */
export const marketplaceSchema = z.object({
  code: marketplaceCodeSchema,
  name: z.string().min(1).max(100),
  baseUrl: z.url(),
  createdAt: z.date(),
});
export type Marketplace = z.infer<typeof marketplaceSchema>;
