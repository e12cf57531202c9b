import type { EntityManager } from '@mikro-orm/core';
import type { AuditEntity } from '@jf/domain';
import { AuditEvent } from '../entities';
import { newId } from '../entities/common';
import { insertRows } from './sql';

export interface AuditEntry {
  actor: { id: string | null; label: string };
  action: string;
  entityType: AuditEntity;
  entityId: string;
  brandId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  requestId?: string | null;
}

/** Queues an audit row in the caller's unit of work, so it commits with the change it describes. */
export function recordAudit(em: EntityManager, entry: AuditEntry, at = new Date()): AuditEvent {
  return em.create(AuditEvent, auditRow(entry, at));
}

/** Audit rows written natively, many in one statement, in the caller's transaction. */
export async function insertAuditRows(em: EntityManager, rows: ReturnType<typeof auditRow>[]): Promise<void> {
  await insertRows(em, AuditEvent, rows);
}

/** The row of an audit entry. */
export function auditRow(entry: AuditEntry, at: Date) {
  return {
    id: newId(),
    actorId: entry.actor.id,
    actorLabel: entry.actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    brandId: entry.brandId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId ?? null,
    occurredAt: at,
  };
}
