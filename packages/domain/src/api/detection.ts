import { z } from 'zod';
import { AUTH_ANSWERS, AUTH_REQUEST_STATES } from '../model';
import { idSchema, listParamsSchema } from './common';

export const brandAuthRequestsInput = z.object({
  state: z.enum(AUTH_REQUEST_STATES).optional(),
  page: z.int().min(1).default(1),
  perPage: z.int().min(1).max(100).default(25),
});
export type BrandAuthRequestsInput = z.infer<typeof brandAuthRequestsInput>;

/**
 * The brand's verdict on one or many requests. `counterfeit` removes each listing at once; `genuine`
 * clears it and, with `allowlistSeller`, adds its seller to the brand's authorised sellers.
 */
export const answerAuthRequestsInput = z.object({
  ids: z.array(idSchema).min(1, { error: 'choose at least one request' }).max(200, { error: 'answer at most 200 requests at once' }),
  answer: z.enum(AUTH_ANSWERS),
  reason: z.string().trim().min(3, { error: 'must be at least 3 characters' }).max(2000, { error: 'must be at most 2000 characters' }),
  allowlistSeller: z.boolean().default(false),
}).refine((input) => !input.allowlistSeller || input.answer === 'genuine', {
  message: 'only a genuine answer can add the seller to the allowlist',
  path: ['allowlistSeller'],
});
export type AnswerAuthRequestsInput = z.infer<typeof answerAuthRequestsInput>;

export const AUTH_REQUEST_SORT_FIELDS = ['createdAt', 'dueAt', 'score'] as const;
export const listStaffAuthRequestsInput = listParamsSchema(
  z.object({
    brandId: idSchema.optional(),
    state: z.enum(AUTH_REQUEST_STATES).optional(),
    answer: z.enum(AUTH_ANSWERS).optional(),
    /** Only requests created at least this many hours ago. */
    olderThanHours: z.int().min(0).max(24 * 365).optional(),
  }),
  AUTH_REQUEST_SORT_FIELDS,
);
export type ListStaffAuthRequestsInput = z.infer<typeof listStaffAuthRequestsInput>;

export const authRequestStatsInput = z.object({ brandId: idSchema.optional(), days: z.int().min(1).max(365).default(30) });

export const modelVersionInput = z.object({ version: z.int().positive({ error: 'must be a model version number' }) });
export const startScanInput = z.object({ dryRun: z.boolean().default(false) });
export const detectionSettingsInput = z.object({
  dryRun: z.boolean(),
  authDueHours: z.int().min(1, { error: 'must be at least 1 hour' }).max(24 * 30, { error: 'must be at most 30 days' }),
  retrainEveryHours: z.int().min(0).max(24 * 30, { error: 'must be at most 30 days' }),
});
export const scanIdInput = z.object({ id: idSchema });
