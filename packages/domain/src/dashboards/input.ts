import { z } from 'zod';
import { MARKETPLACE_CODES, NOTICE_REASONS, TIME_BUCKET_UNITS } from '../model';
import { idSchema } from '../api/common';

const DAY_MS = 86_400_000;
const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a day as YYYY-MM-DD' })
  .refine(
    (day) => {
      const parsed = new Date(`${day}T00:00:00Z`);
      return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(day);
    },
    { error: 'must be a real day' },
  );

/** What every dashboard chart takes: a range of UTC days, the period, and the filters. */
export const dashboardInput = z
  .object({
    from: daySchema,
    to: daySchema,
    unit: z.enum(TIME_BUCKET_UNITS).default('week'),
    marketplace: z.enum(MARKETPLACE_CODES).optional(),
    /** Staff only; brands always see their own. */
    brandId: idSchema.optional(),
    /** A notice reason, or `none` for removals that had none (proactive, authentication). */
    reason: z.enum([...NOTICE_REASONS, 'none']).optional(),
  })
  .refine((input) => input.from <= input.to, {
    message: 'must not be after the end of the range',
    path: ['from'],
  })
  .refine((input) => Date.parse(input.to) - Date.parse(input.from) <= 3 * 366 * DAY_MS, {
    message: 'the range can span at most three years',
    path: ['to'],
  })
  .refine((input) => input.unit !== 'day' || Date.parse(input.to) - Date.parse(input.from) <= 400 * DAY_MS, {
    message: 'daily points are for ranges of at most 400 days',
    path: ['unit'],
  });
export type DashboardInput = z.infer<typeof dashboardInput>;
