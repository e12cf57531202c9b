import { z } from 'zod';
import { OUTBOX_KINDS, OUTBOX_STATES, SELLER_STATUSES, type OutboxKind } from '../model';
import { idSchema, jsonObjectSchema, marketplaceCodeSchema } from './common';

/** A durable command to the marketplace or a notification, delivered at least once. */
export const outboxCommandSchema = z.object({
  id: idSchema,
  kind: z.enum(OUTBOX_KINDS),
  marketplaceCode: marketplaceCodeSchema.nullable(),
  brandId: idSchema.nullable(),
  /** Shape depends on `kind`; check it with `outboxPayloadSchemas[kind]`. */
  payload: jsonObjectSchema,
  /** Sent to the receiver so a redelivered command is applied once. */
  idempotencyKey: z.string().min(1).max(128),
  state: z.enum(OUTBOX_STATES),
  attempts: z.int().nonnegative(),
  nextAttemptAt: z.date(),
  lastError: z.string().nullable(),
  deliveredAt: z.date().nullable(),
  createdAt: z.date(),
});
export type OutboxCommand = z.infer<typeof outboxCommandSchema>;

const listingCommandPayloadSchema = z.object({
  removalId: idSchema,
  listingId: idSchema,
  marketplaceCode: marketplaceCodeSchema,
  /** The marketplace's own id, so the receiver needs no lookup. */
  externalListingId: z.string().min(1),
});

/** Payload schema per outbox kind: the enqueuer and the dispatcher agree through these. */
export const outboxPayloadSchemas = {
  remove_listing: listingCommandPayloadSchema,
  reinstate_listing: listingCommandPayloadSchema,
  seller_status: z.object({
    sellerId: idSchema,
    marketplaceCode: marketplaceCodeSchema,
    externalSellerId: z.string().min(1).max(64),
    status: z.enum(SELLER_STATUSES),
    activeStrikes: z.int().nonnegative(),
  }),
  notify: z.object({
    recipientUserId: idSchema.nullable(),
    brandId: idSchema.nullable(),
    template: z.string().min(1),
    data: jsonObjectSchema,
  }),
} satisfies Record<OutboxKind, z.ZodType>;
export type OutboxPayload<K extends OutboxKind> = z.infer<(typeof outboxPayloadSchemas)[K]>;
