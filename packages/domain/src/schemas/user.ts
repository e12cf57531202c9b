import { z } from 'zod';
import { ROLES, USER_STATUSES } from '../model';
import { idSchema } from './common';

/** A staff or brand user. Credentials and invitation tokens belong to the database, not here. */
export const userSchema = z.object({
  id: idSchema,
  email: z.email().max(254),
  name: z.string().min(1).max(200),
  role: z.enum(ROLES),
  status: z.enum(USER_STATUSES),
  /** Set for brand users only: the one tenant they may see. */
  brandId: idSchema.nullable(),
  locale: z.string().min(2).max(16),
  lastSignInAt: z.date().nullable(),
  createdAt: z.date(),
});
export type User = z.infer<typeof userSchema>;
