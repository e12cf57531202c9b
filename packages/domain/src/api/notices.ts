import { z } from 'zod';
import { IP_RIGHT_KINDS, MARKETPLACE_CODES, NOTICE_ITEM_STATES, NOTICE_PATHS, NOTICE_REASONS, REJECTION_CODES } from '../model';
import { MAX_LISTINGS_PER_NOTICE } from '../notices/rules';
import { idSchema, listParamsSchema } from './common';

const text = (max: number) => z.string().trim().min(1, { error: 'is required' }).max(max, { error: `must be at most ${max} characters` });

export const lookupListingsInput = z.object({
  references: z.array(z.string().max(500)).min(1, { error: 'name at least one listing' }).max(MAX_LISTINGS_PER_NOTICE),
});
export type LookupListingsInput = z.infer<typeof lookupListingsInput>;

export const submitNoticeInput = z.object({
  ipRightId: idSchema,
  reason: z.enum(NOTICE_REASONS),
  evidence: text(5000),
  testBuyOrderRef: z.string().trim().max(100).nullish(),
  listingIds: z
    .array(idSchema)
    .min(1, { error: 'name at least one listing' })
    .max(MAX_LISTINGS_PER_NOTICE, { error: `at most ${MAX_LISTINGS_PER_NOTICE} listings per notice; use a bulk notice for more` }),
  /** Chosen by the client once per submission, so a retried request creates nothing twice. */
  idempotencyKey: z.string().trim().min(8, { error: 'must be at least 8 characters' }).max(128),
});
export type SubmitNoticeInput = z.infer<typeof submitNoticeInput>;

export const NOTICE_SORT_FIELDS = ['submittedAt', 'itemCount'] as const;
export const listNoticesInput = listParamsSchema(
  z.object({ path: z.enum(NOTICE_PATHS).optional(), itemState: z.enum(NOTICE_ITEM_STATES).optional() }),
  NOTICE_SORT_FIELDS,
);
export type ListNoticesInput = z.infer<typeof listNoticesInput>;

export const answerInfoInput = z.object({ itemId: idSchema, response: text(5000) });
export type AnswerInfoInput = z.infer<typeof answerInfoInput>;

export const registerIpRightInput = z
  .object({
    kind: z.enum(IP_RIGHT_KINDS),
    registrationNumber: text(100),
    jurisdiction: z.string().trim().toUpperCase().regex(/^[A-Z]{2,3}$/, { error: 'must be a 2- or 3-letter code such as CN, US or EU' }),
    classes: z.array(z.string().trim().min(1).max(20)).max(50).default([]),
    validFrom: z.coerce.date({ error: 'must be a date' }),
    validUntil: z.coerce.date({ error: 'must be a date' }),
    evidenceDocumentId: idSchema.nullish(),
  })
  .refine((right) => right.validUntil > right.validFrom, { path: ['validUntil'], error: 'must be after the start of validity' });
export type RegisterIpRightInput = z.infer<typeof registerIpRightInput>;

export const MAX_REFERENCE_IMAGES = 8;
/** What a product's reference image may be (evidence may also be a PDF). */
export const REFERENCE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
/** The path an uploaded document is read from; products keep their images by it. */
export const documentPath = (documentId: string): string => `/api/documents/${documentId}`;
export const createProductInput = z.object({
  name: text(200),
  keywords: z.array(z.string().trim().min(1).max(100)).min(1, { error: 'give at least one keyword' }).max(50),
  msrpCents: z.int().positive({ error: 'must be a positive amount' }),
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, { error: 'must be a 3-letter currency code' }),
  category: text(100),
  /** Photos of the genuine product, uploaded first as documents (PNG, JPEG or WebP). */
  referenceImageIds: z.array(idSchema).max(MAX_REFERENCE_IMAGES, { error: `give at most ${MAX_REFERENCE_IMAGES} images` }).default([]),
});
export type CreateProductInput = z.infer<typeof createProductInput>;

/** The reviewer queue: pending items nobody has decided yet. */
export const QUEUE_SORT_FIELDS = ['createdAt'] as const;
export const queueFilterSchema = z.object({
  brandId: idSchema.optional(),
  marketplace: z.enum(MARKETPLACE_CODES).optional(),
  reason: z.enum(NOTICE_REASONS).optional(),
  path: z.enum(NOTICE_PATHS).optional(),
  minAgeHours: z.number().min(0).max(24 * 365).optional(),
  mine: z.boolean().optional(),
});
export const listQueueInput = listParamsSchema(queueFilterSchema, QUEUE_SORT_FIELDS);
export type ListQueueInput = z.infer<typeof listQueueInput>;

export const claimItemsInput = z.object({ itemIds: z.array(idSchema).min(1).max(500) });
export type ClaimItemsInput = z.infer<typeof claimItemsInput>;

export const decideItemsInput = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('remove'), itemIds: z.array(idSchema).min(1).max(500) }),
  z.object({
    decision: z.literal('reject'),
    itemIds: z.array(idSchema).min(1).max(500),
    rejectionCode: z.enum(REJECTION_CODES),
    message: text(2000),
  }),
  z.object({ decision: z.literal('request_info'), itemIds: z.array(idSchema).min(1).max(500), message: text(2000) }),
]);
export type DecideItemsInput = z.infer<typeof decideItemsInput>;

export const auditDecisionInput = z.object({ itemId: idSchema, upheld: z.boolean(), note: text(2000) });
export type AuditDecisionInput = z.infer<typeof auditDecisionInput>;

export const decideIpRightInput = z.discriminatedUnion('decision', [
  z.object({ id: idSchema, decision: z.literal('verify') }),
  z.object({ id: idSchema, decision: z.literal('reject'), reason: text(2000) }),
]);
export type DecideIpRightInput = z.infer<typeof decideIpRightInput>;

/** The form fields that travel with a bulk CSV upload (as query parameters). */
export const bulkNoticeMetaInput = z.object({
  ipRightId: idSchema,
  reason: z.enum(NOTICE_REASONS),
  evidence: text(5000),
  testBuyOrderRef: z.string().trim().max(100).nullish(),
});
export type BulkNoticeMetaInput = z.infer<typeof bulkNoticeMetaInput>;

export const BULK_MAX_ROWS = 100_000;
export const BULK_MAX_BYTES = 20 * 1024 * 1024;
