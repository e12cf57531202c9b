import { z } from 'zod';
import { BRAND_STATUSES, GFT_STATUSES, JOINT_FORCE_PHASES } from '../model';
import { idSchema, probabilitySchema } from './common';

export const brandSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(200),
  slug: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single hyphens'),
  status: z.enum(BRAND_STATUSES),
  gftStatus: z.enum(GFT_STATUSES),
  gftStatusChangedAt: z.date().nullable(),
  /** Start of the current suspension; the GFT cooldown is counted from here. */
  gftSuspendedAt: z.date().nullable(),
  jointForcePhase: z.enum(JOINT_FORCE_PHASES),
  accountManagerId: idSchema.nullable(),
  /** Rolling 90-day accuracy (valid / decided); null until the brand has decided items. */
  accuracy: probabilitySchema.nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Brand = z.infer<typeof brandSchema>;
