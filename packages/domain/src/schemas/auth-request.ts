import { z } from 'zod';
import { AUTH_ANSWERS, AUTH_REQUEST_STATES } from '../model';
import { idSchema, marketplaceCodeSchema, probabilitySchema } from './common';

/** The detection signals that raised a request, by name, shown to the brand as-is. */
export const authSignalsSchema = z.record(z.string(), z.union([z.number(), z.string(), z.boolean()]));

/** Marketplace → brand question: is this listing genuine? */
export const authRequestSchema = z.object({
  id: idSchema,
  brandId: idSchema,
  marketplaceCode: marketplaceCodeSchema,
  listingId: idSchema,
  productId: idSchema.nullable(),
  signals: authSignalsSchema,
  score: probabilitySchema,
  state: z.enum(AUTH_REQUEST_STATES),
  answer: z.enum(AUTH_ANSWERS).nullable(),
  answerReason: z.string().nullable(),
  answeredById: idSchema.nullable(),
  answeredAt: z.date().nullable(),
  /** Unanswered requests expire at this time. */
  dueAt: z.date(),
  createdAt: z.date(),
});
export type AuthRequest = z.infer<typeof authRequestSchema>;
