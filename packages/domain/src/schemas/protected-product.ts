import { z } from 'zod';
import { currencySchema, idSchema, priceCentsSchema } from './common';

/** A brand's genuine product: what detection compares listings against. */
export const protectedProductSchema = z.object({
  id: idSchema,
  brandId: idSchema,
  name: z.string().min(1).max(200),
  keywords: z.array(z.string().min(1)),
  msrpCents: priceCentsSchema,
  currency: currencySchema,
  category: z.string().min(1).max(100),
  /** Where the reference images are: an uploaded document (`/api/documents/<id>`) or a path in the marketplace's catalogue. */
  referenceImages: z.array(z.string().min(1)),
  createdAt: z.date(),
});
export type ProtectedProduct = z.infer<typeof protectedProductSchema>;
