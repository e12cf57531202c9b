import { z } from 'zod';
import { NOTICE_ITEM_STATES, NOTICE_PATHS, NOTICE_REASONS, REJECTION_CODES } from '../model';
import { idSchema, marketplaceCodeSchema } from './common';

/** A takedown request; each listing it names is a notice item with its own state. */
export const noticeSchema = z.object({
  id: idSchema,
  brandId: idSchema,
  /** Null once the submitting user has been deleted; the audit trail keeps who it was. */
  submittedById: idSchema.nullable(),
  ipRightId: idSchema,
  reason: z.enum(NOTICE_REASONS),
  evidence: z.string().min(1),
  /** Order number of the test buy, for `test_buy` notices. */
  testBuyOrderRef: z.string().min(1).max(100).nullable(),
  path: z.enum(NOTICE_PATHS),
  /** Client-chosen key: the same submission sent twice creates one notice. */
  idempotencyKey: z.string().min(1).max(128),
  itemCount: z.int().nonnegative(),
  submittedAt: z.date(),
  createdAt: z.date(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const noticeItemSchema = z.object({
  id: idSchema,
  noticeId: idSchema,
  /** Copied from the notice so queues and dashboards filter by tenant without a join. */
  brandId: idSchema,
  marketplaceCode: marketplaceCodeSchema,
  listingId: idSchema,
  state: z.enum(NOTICE_ITEM_STATES),
  rejectionCode: z.enum(REJECTION_CODES).nullable(),
  rejectionMessage: z.string().nullable(),
  /** What the reviewer asked for (`needs_info`) and what the brand answered on resubmit. */
  infoRequest: z.string().nullable(),
  infoResponse: z.string().nullable(),
  claimedById: idSchema.nullable(),
  claimedAt: z.date().nullable(),
  decidedById: idSchema.nullable(),
  decidedAt: z.date().nullable(),
  /** Drawn into the reviewers' GFT audit sample. */
  auditSampled: z.boolean(),
  /** Null until audited; false when the audit overturned the removal. */
  auditUpheld: z.boolean().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type NoticeItem = z.infer<typeof noticeItemSchema>;
