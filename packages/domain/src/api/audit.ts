import { z } from 'zod';
import { AUDIT_ENTITIES } from '../model';
import { idSchema, listParamsSchema, sortOrderSchema } from './common';

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One end of a time range: an instant (ISO 8601 with its offset) or a whole day (`2026-11-28`, in UTC),
 * which starts the range at its first millisecond or ends it at its last, so `to` includes that day.
 * Clients that mean the user's local day send the instants themselves (the admin does).
 */
const timeBoundary = (edge: 'start' | 'end') =>
  z
    .union([z.date(), z.iso.date(), z.iso.datetime({ offset: true })], { error: 'must be a date (YYYY-MM-DD) or an ISO 8601 time' })
    .transform((value) => {
      if (value instanceof Date) return value;
      if (!DAY_PATTERN.test(value)) return new Date(value);
      const start = Date.parse(`${value}T00:00:00.000Z`);
      return new Date(edge === 'start' ? start : start + DAY_MS - 1);
    });

/** The audit trail's filters, shared by the admin list and the CSV export. Every filter narrows. */
export const auditFilterSchema = z
  .object({
    actorId: idSchema.optional(),
    /** Part of the actor's label (e-mail and role, or a worker's name), case-insensitive. */
    actor: z.string().trim().min(1).max(200).optional(),
    entityType: z.enum(AUDIT_ENTITIES).optional(),
    entityId: z.string().trim().min(1).max(64).optional(),
    brandId: idSchema.optional(),
    /** The start of the action's name: `gft_` finds every GFT change, a whole name finds that action. */
    action: z.string().trim().toLowerCase().min(1).max(100).optional(),
    from: timeBoundary('start').optional(),
    to: timeBoundary('end').optional(),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, { error: 'must not be before from', path: ['to'] });
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const AUDIT_SORT_FIELDS = ['occurredAt'] as const;
export const listAuditEventsInput = listParamsSchema(auditFilterSchema, AUDIT_SORT_FIELDS);
export type ListAuditEventsInput = z.infer<typeof listAuditEventsInput>;

/** An export stops here; the file says so when there were more events (narrow the filters). */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

/** `GET /api/audit-events.csv`: the list's filters as query parameters, plus the time order (newest first by default). */
export const exportAuditEventsInput = auditFilterSchema.safeExtend({ order: sortOrderSchema.default('DESC') });
export type ExportAuditEventsInput = z.infer<typeof exportAuditEventsInput>;
