import { z } from 'zod';
import { AUDIT_ENTITIES } from '../model';
import { idSchema, jsonObjectSchema } from './common';

/**
 * Append-only record of a state change. Ids are plain values, not relations, because an
 * audit event must outlive whatever it describes.
 */
export const auditEventSchema = z.object({
  id: idSchema,
  /** Null for system actors (workers, the marketplace integration). */
  actorId: idSchema.nullable(),
  /** Who acted, as shown in the log: a user's name and role, or a worker's name. */
  actorLabel: z.string().min(1).max(300),
  /** `<entity>.<event>`, e.g. `notice_item.remove`. */
  action: z.string().min(1).max(100),
  entityType: z.enum(AUDIT_ENTITIES),
  entityId: z.string().min(1).max(64),
  brandId: idSchema.nullable(),
  before: jsonObjectSchema.nullable(),
  after: jsonObjectSchema.nullable(),
  requestId: z.string().max(64).nullable(),
  occurredAt: z.date(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
