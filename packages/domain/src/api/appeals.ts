import { z } from 'zod';
import { APPEAL_STATES, BRAND_APPEAL_ANSWERS } from '../model';
import { idSchema, listParamsSchema } from './common';

const reasonSchema = z.string().trim().min(3, { error: 'must give a reason of at least 3 characters' }).max(5000, { error: 'must be at most 5000 characters' });

/** What a marketplace sends for a seller who disputes a removal. */
export const counterNoticeInput = z.object({
  /** The marketplace's own id for the counter-notice; sending it again returns the first answer. */
  externalId: z.string().trim().min(1, { error: 'is required' }).max(100),
  listingExternalId: z.string().trim().min(1, { error: 'is required' }).max(64),
  statement: z.string().trim().min(10, { error: 'must explain the dispute in at least 10 characters' }).max(10_000),
  /** Links to the seller's documents (invoices, authorisation letters). */
  evidence: z.array(z.url({ error: 'must be a URL' }).max(2000)).max(20).default([]),
});
export type CounterNoticeInput = z.infer<typeof counterNoticeInput>;

export const respondToAppealInput = z.object({
  appealId: idSchema,
  answer: z.enum(BRAND_APPEAL_ANSWERS),
  reason: reasonSchema,
  evidenceIds: z.array(idSchema).max(10).default([]),
});
export type RespondToAppealInput = z.infer<typeof respondToAppealInput>;

export const APPEAL_DECISIONS = ['uphold', 'reinstate'] as const;
export const decideAppealInput = z.object({ appealId: idSchema, decision: z.enum(APPEAL_DECISIONS), reason: reasonSchema });
export type DecideAppealInput = z.infer<typeof decideAppealInput>;

export const brandAppealsInput = z.object({
  state: z.enum(APPEAL_STATES).optional(),
  page: z.int().min(1).default(1),
  perPage: z.int().min(1).max(100).default(25),
});

export const APPEAL_SORT_FIELDS = ['createdAt', 'brandDueAt'] as const;
export const listStaffAppealsInput = listParamsSchema(z.object({ state: z.enum(APPEAL_STATES).optional(), brandId: idSchema.optional() }), APPEAL_SORT_FIELDS);
export type ListStaffAppealsInput = z.infer<typeof listStaffAppealsInput>;

export const MARKETPLACE_KEY_SCOPES = ['counter_notices', 'listings'] as const;
export const createMarketplaceKeyInput = z.object({
  marketplaceCode: z.string().trim().min(1).max(50),
  name: z.string().trim().min(3, { error: 'must name the key (who uses it, where)' }).max(200),
  scopes: z.array(z.enum(MARKETPLACE_KEY_SCOPES)).min(1, { error: 'give the key at least one scope' }).default(['counter_notices']),
});
export const revokeKeyInput = z.object({ id: idSchema });
