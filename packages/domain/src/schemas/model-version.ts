import { z } from 'zod';
import { MODEL_VERSION_STATUSES } from '../model';
import { idSchema, probabilitySchema } from './common';

/**
 * Score bands: at or above `removeAt` a listing is removed proactively, from `askAt` up to
 * `removeAt` the brand is asked to authenticate it, below `askAt` nothing happens.
 */
export const detectionThresholdsSchema = z
  .object({ removeAt: probabilitySchema, askAt: probabilitySchema })
  .refine((t) => t.askAt <= t.removeAt, {
    message: 'The ask threshold must not be above the removal threshold',
    path: ['askAt'],
  });
export type DetectionThresholds = z.infer<typeof detectionThresholdsSchema>;

/** Quality on held-out labels; a value is null when its denominator was zero. */
export const detectionMetricsSchema = z.object({
  precision: probabilitySchema.nullable(),
  recall: probabilitySchema.nullable(),
  f1: probabilitySchema.nullable(),
});
export type DetectionMetrics = z.infer<typeof detectionMetricsSchema>;

/** Labels the version was trained and evaluated on; `heldOut` of them were kept for the metrics. */
export const labelCountsSchema = z.object({
  counterfeit: z.int().nonnegative(),
  genuine: z.int().nonnegative(),
  heldOut: z.int().nonnegative(),
});
export type LabelCounts = z.infer<typeof labelCountsSchema>;

export const modelVersionSchema = z.object({
  id: idSchema,
  version: z.int().positive(),
  status: z.enum(MODEL_VERSION_STATUSES),
  /** Feature name → weight; scoring is pure over these. */
  weights: z.record(z.string(), z.number()),
  thresholds: detectionThresholdsSchema,
  metrics: detectionMetricsSchema,
  labelCounts: labelCountsSchema,
  trainedAt: z.date(),
  /** When the version became the active one; null for candidates that never did. */
  promotedAt: z.date().nullable(),
});
export type ModelVersion = z.infer<typeof modelVersionSchema>;
