import { auditScope, listAuditEventsInput } from '@jf/domain';
import { auditVisibility, brandNamesById, listAuditEvents, type AuditEvent } from '@jf/db';
import { requirePermission } from '../trpc/init';

/** An audit row as the apps receive it: ISO time, the brand's name beside its id, before/after as stored. */
export function presentAuditEvent(event: AuditEvent, brandNames: ReadonlyMap<string, string>) {
  return {
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    actorId: event.actorId,
    actorLabel: event.actorLabel,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    brandId: event.brandId,
    brandName: event.brandId ? (brandNames.get(event.brandId) ?? null) : null,
    before: event.before,
    after: event.after,
    requestId: event.requestId,
  };
}
export type AuditEventDto = ReturnType<typeof presentAuditEvent>;

/** The audit trail, read-only: nothing here (or anywhere) changes a row once written. */
export const adminAuditRouter = {
  /** react-admin's list; an account manager sees their brands' events and their own actions (`auditScope`). */
  list: requirePermission('audit.read')
    .input(listAuditEventsInput)
    .query(async ({ ctx, input }) => {
      const visible = await auditVisibility(ctx.em, auditScope(ctx.user.role, ctx.user.id));
      if (!visible) return { data: [], total: 0 };
      const page = await listAuditEvents(ctx.em, visible, input);
      const brandNames = await brandNamesById(ctx.em, page.items.map((event) => event.brandId));
      return { data: page.items.map((event) => presentAuditEvent(event, brandNames)), total: page.total };
    }),
};
