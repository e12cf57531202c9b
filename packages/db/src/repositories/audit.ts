import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import type { AuditEntity, AuditFilter, AuditScope, ListAuditEventsInput } from '@jf/domain';
import { AuditEvent, Brand } from '../entities';
import { newId } from '../entities/common';
import { containsText, findPage, type Page } from './paging';
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

type AuditWhere = FilterQuery<AuditEvent>;

/**
 * The audit rows a scope may read, as a condition (see `auditScope`); null when it may read none. An
 * account manager's brands are read once per request: the trail holds plain ids, not relations.
 */
export async function auditVisibility(em: EntityManager, scope: AuditScope): Promise<AuditWhere | null> {
  if (scope.kind === 'none') return null;
  if (scope.kind === 'all') return {};
  const managed = await em.find(Brand, { accountManager: scope.managerId }, { fields: ['id'] });
  if (managed.length === 0) return { actorId: scope.managerId };
  return { $or: [{ actorId: scope.managerId }, { brandId: { $in: managed.map((brand) => brand.id) } }] };
}

/**
 * The filters of the list and of the export, inside what the caller may see. Build it anew for every
 * query: MikroORM resolves a raw fragment used as a key once, so a condition cannot be run twice.
 */
export function auditCondition(em: EntityManager, visible: AuditWhere, filter: AuditFilter): AuditWhere {
  const conditions: AuditWhere[] = [visible];
  if (filter.actorId) conditions.push({ actorId: filter.actorId });
  if (filter.actor) conditions.push({ actorLabel: containsText(em, filter.actor) });
  if (filter.entityType) conditions.push({ entityType: filter.entityType });
  if (filter.entityId) conditions.push({ entityId: filter.entityId });
  if (filter.brandId) conditions.push({ brandId: filter.brandId });
  // A prefix compared as a prefix: LIKE would read the `_` in every action name as a wildcard.
  if (filter.action) conditions.push({ [raw(`substr("action", 1, ${filter.action.length})`)]: filter.action } as AuditWhere);
  if (filter.from) conditions.push({ occurredAt: { $gte: filter.from } });
  if (filter.to) conditions.push({ occurredAt: { $lte: filter.to } });
  return { $and: conditions };
}

export async function listAuditEvents(em: EntityManager, visible: AuditWhere, input: ListAuditEventsInput): Promise<Page<AuditEvent>> {
  return findPage(em, AuditEvent, auditCondition(em, visible, input.filter), input);
}

export const countAuditEvents = (em: EntityManager, where: AuditWhere): Promise<number> => em.count(AuditEvent, where);

/**
 * Walks the matching events in time order, `batchSize` at a time, keyed on (occurredAt, id) so each batch
 * is an index range rather than an ever larger offset, and each batch is read in its own unit of work so
 * memory stays flat. Events of the same instant come by id, as in `findPage`, so a list and an export of
 * the same filters agree row for row. Stops after `maxRows`; `more` tells whether events were left out.
 */
export async function forEachAuditBatch(
  em: EntityManager,
  where: () => AuditWhere,
  options: { order: 'ASC' | 'DESC'; maxRows: number; batchSize?: number },
  onBatch: (events: AuditEvent[]) => Promise<boolean | void>,
): Promise<{ rows: number; more: boolean }> {
  const { order, maxRows, batchSize = 1_000 } = options;
  const beyond = order === 'DESC' ? '$lt' : '$gt';
  const after = (event: AuditEvent | undefined): AuditWhere =>
    event ? { $and: [where(), { $or: [{ occurredAt: { [beyond]: event.occurredAt } }, { occurredAt: event.occurredAt, id: { $gt: event.id } }] }] } : where();
  let last: AuditEvent | undefined;
  let rows = 0;
  while (rows < maxRows) {
    const limit = Math.min(batchSize, maxRows - rows);
    const batch = await em.fork().find(AuditEvent, after(last), { orderBy: { occurredAt: order, id: 'ASC' }, limit });
    if (batch.length === 0) return { rows, more: false };
    rows += batch.length;
    last = batch[batch.length - 1];
    // The consumer answers false when it stops listening (a closed download).
    if ((await onBatch(batch)) === false || batch.length < limit) return { rows, more: false };
  }
  const next = await em.fork().findOne(AuditEvent, after(last), { fields: ['id'] });
  return { rows, more: next !== null };
}

/** Names of the brands an audit page mentions; a deleted brand is simply absent. */
export async function brandNamesById(em: EntityManager, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const brands = await em.find(Brand, { id: { $in: wanted } }, { fields: ['id', 'name'] });
  return new Map(brands.map((brand) => [brand.id, brand.name]));
}
