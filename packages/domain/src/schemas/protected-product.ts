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
  referenceImages: z.array(z.url()),
  createdAt: z.date(),
});
export type ProtectedProduct = z.infer<typeof protectedProductSchema>;
