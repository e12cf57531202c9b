/**
 * The versioned REST contract (`/api/v1`) for brands, their tools and marketplaces: inputs and outputs
 * as zod schemas, from which the OpenAPI document is generated. Timestamps are ISO 8601 strings; lists
 * page with an opaque cursor; every create takes an idempotency key.
 */
import { z } from 'zod';
import { MAX_LISTINGS_PER_NOTICE } from '../notices/rules';
import {
  APPEAL_STATES,
  AUTH_ANSWERS,
  AUTH_REQUEST_STATES,
  BRAND_APPEAL_ANSWERS,
  IP_RIGHT_KINDS,
  IP_RIGHT_STATUSES,
  MARKETPLACE_CODES,
  NOTICE_ITEM_STATES,
  NOTICE_PATHS,
  NOTICE_REASONS,
  REJECTION_CODES,
  REMOVAL_SOURCES,
} from '../model';
import { idSchema } from './common';

/** What a brand key may do; a key holds one or more. */
export const BRAND_KEY_SCOPES = ['read', 'file_notices', 'answer_auth_requests'] as const;
export type BrandKeyScope = (typeof BRAND_KEY_SCOPES)[number];

const timestamp = z.iso.datetime({ offset: true });
const nullableTimestamp = timestamp.nullable();

export const cursorPageInput = z.object({
  /** From the previous page's `nextCursor`; omit for the first page. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const cursorPageOutput = <Item extends z.ZodType>(item: Item) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });

export const restIpRight = z.object({
  id: idSchema,
  kind: z.enum(IP_RIGHT_KINDS),
  registrationNumber: z.string(),
  jurisdiction: z.string(),
  classes: z.array(z.string()),
  validFrom: timestamp,
  validUntil: timestamp,
  status: z.enum(IP_RIGHT_STATUSES),
  rejectionReason: z.string().nullable(),
});

const listingReference = z.object({
  marketplace: z.enum(MARKETPLACE_CODES),
  /** The marketplace's own listing id. */
  listingId: z.string().trim().min(1, { error: 'is required' }).max(64),
});

export const restSubmitNoticeInput = z.object({
  ipRightId: idSchema,
  reason: z.enum(NOTICE_REASONS),
  evidence: z.string().trim().min(1, { error: 'is required' }).max(5000),
  testBuyOrderRef: z.string().trim().max(100).nullish(),
  listings: z
    .array(listingReference)
    .min(1, { error: 'name at least one listing' })
    .max(MAX_LISTINGS_PER_NOTICE, { error: `at most ${MAX_LISTINGS_PER_NOTICE} listings per notice` }),
  /** Chosen once per submission: sending it again answers the notice already filed and creates nothing. */
  idempotencyKey: z.string().trim().min(8, { error: 'must be at least 8 characters' }).max(128),
});

export const restNoticeItem = z.object({
  id: idSchema,
  marketplace: z.enum(MARKETPLACE_CODES),
  listingId: z.string(),
  title: z.string(),
  state: z.enum(NOTICE_ITEM_STATES),
  rejectionCode: z.enum(REJECTION_CODES).nullable(),
  rejectionMessage: z.string().nullable(),
  infoRequest: z.string().nullable(),
  removedAt: nullableTimestamp,
  reinstatedAt: nullableTimestamp,
  turnaroundMs: z.number().nullable(),
});

export const restNotice = z.object({
  id: idSchema,
  ipRightId: idSchema,
  reason: z.enum(NOTICE_REASONS),
  path: z.enum(NOTICE_PATHS),
  idempotencyKey: z.string(),
  itemCount: z.number().int(),
  submittedAt: timestamp,
});
export const restNoticeWithItems = restNotice.extend({ items: z.array(restNoticeItem) });
export const restSubmitNoticeOutput = z.object({ notice: restNotice, replayed: z.boolean() });

export const restAuthRequest = z.object({
  id: idSchema,
  marketplace: z.enum(MARKETPLACE_CODES),
  listingId: z.string(),
  title: z.string(),
  sellerId: z.string(),
  state: z.enum(AUTH_REQUEST_STATES),
  score: z.number(),
  signals: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  answer: z.enum(AUTH_ANSWERS).nullable(),
  answerReason: z.string().nullable(),
  answeredAt: nullableTimestamp,
  dueAt: timestamp,
  createdAt: timestamp,
});
export const restAuthRequestsInput = cursorPageInput.extend({ state: z.enum(AUTH_REQUEST_STATES).optional() });
export const restAnswerAuthRequestsInput = z.object({
  ids: z.array(idSchema).min(1, { error: 'choose at least one request' }).max(200, { error: 'answer at most 200 requests at once' }),
  answer: z.enum(AUTH_ANSWERS),
  reason: z.string().trim().min(3, { error: 'must be at least 3 characters' }).max(2000),
  allowlistSeller: z.boolean().default(false),
});

export const restRemoval = z.object({
  id: idSchema,
  source: z.enum(REMOVAL_SOURCES),
  marketplace: z.enum(MARKETPLACE_CODES),
  listingId: z.string(),
  requestedAt: timestamp,
  removedAt: nullableTimestamp,
  reinstatedAt: nullableTimestamp,
});
export const restRemovalsInput = cursorPageInput.extend({ source: z.enum(REMOVAL_SOURCES).optional() });

export const restAppeal = z.object({
  id: idSchema,
  removalId: idSchema,
  marketplace: z.enum(MARKETPLACE_CODES),
  listingId: z.string(),
  state: z.enum(APPEAL_STATES),
  statement: z.string(),
  brandDueAt: nullableTimestamp,
  brandAnswer: z.enum(BRAND_APPEAL_ANSWERS).nullable(),
  createdAt: timestamp,
});
export const restAppealsInput = cursorPageInput.extend({ state: z.enum(APPEAL_STATES).optional() });
export const restRespondToAppealInput = z.object({
  id: idSchema,
  answer: z.enum(BRAND_APPEAL_ANSWERS),
  reason: z.string().trim().min(3, { error: 'must be at least 3 characters' }).max(5000),
});

/** A marketplace's batch of listing changes (new, changed, removed on its side), applied idempotently. */
export const restListingBatchInput = z.object({
  sellers: z
    .array(z.object({ externalId: z.string().trim().min(1).max(64), name: z.string().trim().min(1).max(200), registeredAt: timestamp }))
    .max(1000)
    .default([]),
  listings: z
    .array(
      z.object({
        externalId: z.string().trim().min(1).max(64),
        sellerExternalId: z.string().trim().min(1).max(64),
        title: z.string().max(500),
        priceCents: z.int().nonnegative(),
        currency: z.string().regex(/^[A-Z]{3}$/, { error: 'must be a three-letter currency code' }),
        category: z.string().max(100),
        images: z.array(z.string().max(2000)).max(20).default([]),
        imageHashes: z.array(z.string().regex(/^[0-9a-f]{16}$/, { error: 'must be a 64-bit perceptual hash in hex' })).max(20).optional(),
        status: z.enum(['active', 'removed', 'reinstated']),
        listedAt: timestamp,
        updatedAt: timestamp,
      }),
    )
    .min(1, { error: 'send at least one listing' })
    .max(1000, { error: 'send at most 1000 listings per batch' }),
});
export const restListingBatchOutput = z.object({ inserted: z.int(), updated: z.int(), statusChanges: z.int(), sellersCreated: z.int() });

export const restCounterNoticeOutput = z.object({
  id: idSchema,
  externalId: z.string().nullable(),
  state: z.enum(APPEAL_STATES),
  removalId: idSchema,
  brandDueAt: nullableTimestamp,
  createdAt: timestamp,
  /** False when the same counter-notice (same externalId) was filed before. */
  created: z.boolean(),
});

/** Creating a brand's key (portal): its name and scopes; the secret is shown once. */
export const createBrandKeyInput = z.object({
  name: z.string().trim().min(3, { error: 'must name the key (who uses it, where)' }).max(200),
  scopes: z.array(z.enum(BRAND_KEY_SCOPES)).min(1, { error: 'give the key at least one scope' }),
});

/** Every refusal of `/api/v1`: the error code, a sentence, and the fields at fault with their reasons. */
export const restErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  data: z
    .object({
      code: z.string(),
      httpStatus: z.number(),
      domainCode: z.string().nullable(),
      fieldIssues: z.record(z.string(), z.array(z.string())).nullable(),
    })
    .partial()
    .optional(),
  /** The schema's own findings for a malformed request (path and message, and what zod adds). */
  issues: z.array(z.looseObject({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional(),
});

/** A bulk notice over the API: the portal's bulk rules (row-by-row, a job with progress and an error report), rows as JSON. */
export const REST_BULK_MAX_LISTINGS = 10_000;
export const restBulkNoticeInput = z.object({
  ipRightId: idSchema,
  reason: z.enum(NOTICE_REASONS),
  evidence: z.string().trim().min(1, { error: 'is required' }).max(5000),
  testBuyOrderRef: z.string().trim().max(100).nullish(),
  listings: z
    .array(z.object({ marketplace: z.string().trim().min(1).max(20), listingId: z.string().trim().min(1).max(64) }))
    .min(1, { error: 'name at least one listing' })
    .max(REST_BULK_MAX_LISTINGS, { error: `at most ${REST_BULK_MAX_LISTINGS} listings per call; split larger files` }),
  idempotencyKey: z.string().trim().min(8, { error: 'must be at least 8 characters' }).max(128),
});

export const restBulkJob = z.object({
  id: idSchema,
  state: z.enum(['queued', 'running', 'completed', 'failed']),
  rowsTotal: z.number().int().nullable(),
  rowsProcessed: z.number().int(),
  rowsAccepted: z.number().int(),
  rowsRejected: z.number().int(),
  noticeId: idSchema.nullable(),
  failureReason: z.string().nullable(),
  /** The first rejected rows (row numbers count the listings from 1), with the column and why. */
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
});
