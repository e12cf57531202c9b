import type { EntityManager } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import {
  canListing,
  canNoticeItem,
  transitionListing,
  transitionNoticeItem,
  unwrap,
  type ListingStatus,
  type MarketplaceCode,
  type NoticeItemState,
  type OutboxKind,
  type OutboxPayload,
  type OutboxState,
  OUTBOX_STATES,
} from '@jf/domain';
import { Marketplace, Notification, OutboxCommand, type Brand, type Listing, type Removal, type Seller } from '../entities';
import { auditRow, insertAuditRows, recordAudit, type AuditEntry } from './audit';
import { booleanOf, dateOf, insertRows, runStatement, selectRows } from './sql';
import { newId } from '../entities/common';

/** Who the dispatcher's audit events name. */
export const OUTBOX_ACTOR: AuditEntry['actor'] = { id: null, label: 'outbox-dispatcher' };

/** The kinds delivered to a marketplace over HTTP (notifications are not). */
export const MARKETPLACE_COMMAND_KINDS = ['remove_listing', 'reinstate_listing', 'seller_status'] as const satisfies readonly OutboxKind[];
export type MarketplaceCommandKind = (typeof MARKETPLACE_COMMAND_KINDS)[number];
type ListingCommandKind = Exclude<MarketplaceCommandKind, 'seller_status'>;

export interface ListingCommandTarget {
  removal: Removal;
  listing: Listing;
  marketplace: Marketplace;
  brand: Brand | null;
}

/** The row of a marketplace command for a removal: its idempotency key is derived from the removal. */
export function listingCommandData(
  kind: ListingCommandKind,
  target: { removalId: string; listingId: string; marketplace: MarketplaceCode; externalListingId: string; brandId: string | null },
  now: Date,
) {
  const prefix = kind === 'remove_listing' ? 'remove' : 'reinstate';
  const payload: OutboxPayload<ListingCommandKind> = {
    removalId: target.removalId,
    listingId: target.listingId,
    marketplaceCode: target.marketplace,
    externalListingId: target.externalListingId,
  };
  return { kind, marketplace: target.marketplace, brand: target.brandId, payload, idempotencyKey: `${prefix}:${target.removalId}`, nextAttemptAt: now };
}

function enqueueListingCommand(em: EntityManager, kind: ListingCommandKind, target: ListingCommandTarget, now: Date): OutboxCommand {
  return em.create(
    OutboxCommand,
    listingCommandData(
      kind,
      {
        removalId: target.removal.id,
        listingId: target.listing.id,
        marketplace: target.marketplace.code,
        externalListingId: target.listing.externalId,
        brandId: target.brand?.id ?? null,
      },
      now,
    ),
  );
}

/** Queues the marketplace removal in the caller's unit of work, so it commits with the removal itself. */
export const enqueueRemoval = (em: EntityManager, target: ListingCommandTarget, now = new Date()): OutboxCommand =>
  enqueueListingCommand(em, 'remove_listing', target, now);

/** Queues the marketplace reinstatement in the caller's unit of work. */
export const enqueueReinstatement = (em: EntityManager, target: ListingCommandTarget, now = new Date()): OutboxCommand =>
  enqueueListingCommand(em, 'reinstate_listing', target, now);

/**
 * Tells the marketplace a seller's new status (restricted or banned by strikes) in the caller's unit
 * of work; keyed by the strike that changed it, so a redelivery is applied once.
 */
export function enqueueSellerStatus(em: EntityManager, seller: Seller, activeStrikes: number, strikeId: string, now = new Date()): OutboxCommand {
  const payload: OutboxPayload<'seller_status'> = {
    sellerId: seller.id,
    marketplaceCode: seller.marketplace.code,
    externalSellerId: seller.externalId,
    status: seller.status,
    activeStrikes,
  };
  return em.create(OutboxCommand, { kind: 'seller_status', marketplace: seller.marketplace.code, brand: null, payload, idempotencyKey: `seller-status:${strikeId}`, nextAttemptAt: now });
}

/** A command a dispatcher holds the lease on: plain data, safe to use outside the claiming unit of work. */
export interface ClaimedCommand {
  id: string;
  kind: OutboxKind;
  idempotencyKey: string;
  payload: Record<string, unknown>;
  /** Delivery attempts including this one; with `claimedBy` it fences the completion write. */
  attempts: number;
  claimedBy: string;
  claimedUntil: Date;
  marketplace: MarketplaceCode | null;
  baseUrl: string | null;
  brandId: string | null;
}

export interface ClaimOptions {
  kinds?: readonly OutboxKind[];
  /** A command whose lease expired after its last allowed attempt goes dead instead of being claimed again. */
  maxAttempts?: number;
}

/**
 * Leases up to `limit` due commands to `workerId` for `leaseMs`: pending ones whose next attempt is
 * due, and in-flight ones whose lease ran out (their worker died or hung). On PostgreSQL the rows are
 * selected `for update skip locked`, so concurrent dispatchers never claim the same command; on
 * SQLite the single writer serialises claims. Counts the attempt and audits the claim. Plain rows and
 * set-wise updates: the dispatcher runs this for every burst of notices.
 */
export async function claimDueCommands(
  em: EntityManager,
  workerId: string,
  limit: number,
  leaseMs: number,
  now = new Date(),
  options: ClaimOptions = {},
): Promise<ClaimedCommand[]> {
  const kinds = options.kinds ?? MARKETPLACE_COMMAND_KINDS;
  const maxAttempts = options.maxAttempts ?? Number.POSITIVE_INFINITY;
  const claimedUntil = new Date(now.getTime() + leaseMs);
  const postgres = em.getPlatform() instanceof PostgreSqlPlatform;
  return em.transactional(async (tx) => {
    const due = await selectRows<Record<string, unknown>>(
      tx,
      `select o.id, o.kind, o.marketplace_code, o.brand_id, o.payload, o.idempotency_key, o.state, o.attempts, o.claimed_by, o.claimed_until
       from outbox_commands o
       where o.kind in (${kinds.map(() => '?').join(', ')})
         and ((o.state = 'pending' and o.next_attempt_at <= ?) or (o.state = 'in_flight' and o.claimed_until < ?))
       order by o.next_attempt_at, o.id
       limit ?${postgres ? ' for update skip locked' : ''}`,
      [...kinds, now, now, limit],
    );
    const audits: ReturnType<typeof auditRow>[] = [];
    const dead: string[] = [];
    const claimed: ClaimedCommand[] = [];
    for (const row of due) {
      const id = row.id as string;
      const attempts = Number(row.attempts);
      const expired = row.state === 'in_flight';
      const before = { state: row.state as OutboxState, attempts, claimedBy: (row.claimed_by as string | null) ?? null, claimedUntil: dateOf(row.claimed_until)?.toISOString() ?? null };
      const audit = { actor: OUTBOX_ACTOR, entityType: 'outbox_command', entityId: id, brandId: (row.brand_id as string | null) ?? null } as const;
      if (expired && attempts >= maxAttempts) {
        dead.push(id);
        const error = `lease of ${before.claimedBy} expired during the last attempt`;
        audits.push(auditRow({ ...audit, action: 'outbox_dead', before, after: { state: 'dead', attempts, claimedBy: null, claimedUntil: null, error } }, now));
        continue;
      }
      const after = { state: 'in_flight' as const, attempts: attempts + 1, claimedBy: workerId, claimedUntil: claimedUntil.toISOString() };
      audits.push(auditRow({ ...audit, action: expired ? 'outbox_reclaimed' : 'outbox_claimed', before, after }, now));
      claimed.push({
        id,
        kind: row.kind as OutboxKind,
        idempotencyKey: row.idempotency_key as string,
        payload: (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as Record<string, unknown>,
        attempts: attempts + 1,
        claimedBy: workerId,
        claimedUntil,
        marketplace: (row.marketplace_code as MarketplaceCode | null) ?? null,
        baseUrl: null,
        brandId: audit.brandId,
      });
    }
    const placeholders = (ids: readonly unknown[]) => ids.map(() => '?').join(', ');
    if (dead.length > 0) {
      await runStatement(
        tx,
        `update outbox_commands set state = 'dead', last_error = 'lease of ' || claimed_by || ' expired during the last attempt', claimed_by = null, claimed_until = null
         where id in (${placeholders(dead)})`,
        dead,
      );
    }
    if (claimed.length > 0) {
      await runStatement(
        tx,
        `update outbox_commands set state = 'in_flight', claimed_by = ?, claimed_until = ?, attempts = attempts + 1 where id in (${placeholders(claimed)})`,
        [workerId, claimedUntil, ...claimed.map((command) => command.id)],
      );
    }
    await insertAuditRows(tx, audits);
    // Marketplaces are read after the locking query: `for update` cannot cover an outer join.
    const codes = [...new Set(claimed.flatMap((command) => (command.marketplace ? [command.marketplace] : [])))];
    const baseUrls = new Map(
      (codes.length ? await selectRows<{ code: string; base_url: string | null }>(tx, `select code, base_url from marketplaces where code in (${placeholders(codes)})`, codes) : []).map(
        (row) => [row.code, row.base_url],
      ),
    );
    return claimed.map((command) => ({ ...command, baseUrl: command.marketplace ? (baseUrls.get(command.marketplace) ?? null) : null }));
  });
}

/** Matches the command only while this claim still holds it: a reclaimed command is not overwritten. */
const heldBy = (claim: ClaimedCommand) =>
  ({ id: claim.id, state: 'in_flight', claimedBy: claim.claimedBy, attempts: claim.attempts }) as const;

/** What the marketplace answered to a delivered command. */
export interface DeliveryReceipt {
  /** When the marketplace says it applied the command; falls back to the receipt time. */
  appliedAt?: Date | null;
}

/** A delivered command and what the marketplace answered. */
export interface Delivered {
  claim: ClaimedCommand;
  receipt?: DeliveryReceipt;
}

/**
 * Marks the command delivered and applies the acknowledgement (removal / reinstatement) in one
 * transaction. Returns false, changing nothing, when the claim had been lost to another dispatcher:
 * that one redelivers with the same idempotency key and applies the acknowledgement itself.
 */
export async function recordOutboxDelivery(em: EntityManager, claim: ClaimedCommand, receipt: DeliveryReceipt = {}, now = new Date()): Promise<boolean> {
  const [recorded] = await recordOutboxDeliveries(em, [{ claim, receipt }], now);
  return recorded!;
}

/**
 * `recordOutboxDelivery` for many commands in one transaction (a dispatcher's group commit). The
 * claims are fenced in one statement, the removals read in one query as plain rows, and each change
 * written with a prepared statement; audit rows and notifications go in one insert each. Answers, in
 * order, which commands were recorded.
 */
export async function recordOutboxDeliveries(em: EntityManager, deliveries: readonly Delivered[], now = new Date()): Promise<boolean[]> {
  if (deliveries.length === 0) return [];
  return em.transactional(async (tx) => {
    const won = await fenceDelivered(tx, deliveries, now);
    const audits: ReturnType<typeof auditRow>[] = [];
    const notifications: NotificationRow[] = [];
    for (const { claim } of deliveries) {
      if (!won.has(claim.id)) continue;
      audits.push(
        auditRow(
          {
            actor: OUTBOX_ACTOR,
            action: 'outbox_delivered',
            entityType: 'outbox_command',
            entityId: claim.id,
            brandId: claim.brandId,
            before: { state: 'in_flight', attempts: claim.attempts, claimedBy: claim.claimedBy },
            after: { state: 'delivered', attempts: claim.attempts, deliveredAt: now.toISOString() },
          },
          now,
        ),
      );
    }
    const acknowledged = deliveries.flatMap((delivery) => {
      const removalId = delivery.claim.payload.removalId;
      return won.has(delivery.claim.id) && typeof removalId === 'string' ? [{ ...delivery, removalId }] : [];
    });
    const removals = await acknowledgementRows(tx, acknowledged.map(({ removalId }) => removalId));
    for (const { claim, receipt, removalId } of acknowledged) {
      const removal = removals.get(removalId);
      if (!removal) continue;
      const appliedAt = receipt?.appliedAt ?? now;
      const changes = { audits, notifications, now };
      if (claim.kind === 'remove_listing') await applyRemovalAcknowledged(tx, removal, clamp(appliedAt, removal.requestedAt, now), changes);
      else if (claim.kind === 'reinstate_listing') await applyReinstatementAcknowledged(tx, removal, clamp(appliedAt, removal.removedAt ?? removal.requestedAt, now), changes);
    }
    await insertAuditRows(tx, audits);
    await insertRows(tx, Notification, notifications);
    return deliveries.map(({ claim }) => won.has(claim.id));
  });
}

/** Marks delivered the commands each claim still holds; answers their ids (a reclaimed one is left alone). */
async function fenceDelivered(em: EntityManager, deliveries: readonly Delivered[], now: Date): Promise<Set<string>> {
  const won = new Set<string>();
  const byWorker = new Map<string, ClaimedCommand[]>();
  for (const { claim } of deliveries) byWorker.set(claim.claimedBy, [...(byWorker.get(claim.claimedBy) ?? []), claim]);
  for (const [worker, claims] of byWorker) {
    const rows = await selectRows<{ id: string }>(
      em,
      `update outbox_commands set state = 'delivered', delivered_at = ?, claimed_by = null, claimed_until = null, last_error = null
       where state = 'in_flight' and claimed_by = ? and (id, attempts) in (${claims.map(() => '(?, ?)').join(', ')}) returning id`,
      [now, worker, ...claims.flatMap((claim) => [claim.id, claim.attempts])],
    );
    for (const row of rows) won.add(row.id);
  }
  return won;
}

/** A removal with its listing and notice item, as the acknowledgement needs them; updated as it applies. */
interface AcknowledgementRow {
  id: string;
  brandId: string | null;
  requestedAt: Date;
  removedAt: Date | null;
  reinstatedAt: Date | null;
  listing: { id: string; status: ListingStatus; externalId: string; title: string };
  item: { id: string; brandId: string; state: NoticeItemState; decidedAt: Date | null; auditUpheld: boolean | null } | null;
}

async function acknowledgementRows(em: EntityManager, removalIds: string[]): Promise<Map<string, AcknowledgementRow>> {
  if (removalIds.length === 0) return new Map();
  const rows = await selectRows<Record<string, unknown>>(
    em,
    `select r.id, r.brand_id, r.requested_at, r.removed_at, r.reinstated_at,
       l.id as listing_id, l.status as listing_status, l.external_id, l.title,
       n.id as item_id, n.brand_id as item_brand_id, n.state as item_state, n.decided_at as item_decided_at, n.audit_upheld as item_audit_upheld
     from removals r join listings l on l.id = r.listing_id left join notice_items n on n.id = r.notice_item_id
     where r.id in (${removalIds.map(() => '?').join(', ')})`,
    removalIds,
  );
  return new Map(
    rows.map((row) => [
      row.id as string,
      {
        id: row.id as string,
        brandId: (row.brand_id as string | null) ?? null,
        requestedAt: dateOf(row.requested_at)!,
        removedAt: dateOf(row.removed_at),
        reinstatedAt: dateOf(row.reinstated_at),
        listing: { id: row.listing_id as string, status: row.listing_status as ListingStatus, externalId: row.external_id as string, title: row.title as string },
        item: row.item_id
          ? { id: row.item_id as string, brandId: row.item_brand_id as string, state: row.item_state as NoticeItemState, decidedAt: dateOf(row.item_decided_at), auditUpheld: booleanOf(row.item_audit_upheld) }
          : null,
      },
    ]),
  );
}

type NotificationRow = {
  id: string;
  brand: string;
  kind: 'notice_item_state';
  title: string;
  body: string;
  entityType: 'notice_item';
  entityId: string;
  createdAt: Date;
};

/** What applying acknowledgements collects for the batch's inserts. */
interface AcknowledgementChanges {
  audits: ReturnType<typeof auditRow>[];
  notifications: NotificationRow[];
  now: Date;
}

/** Tells the brand's users in the portal that one of its notice items changed state. */
const itemNotification = (item: { id: string; brandId: string }, title: string, body: string, now: Date): NotificationRow => ({
  id: newId(),
  brand: item.brandId,
  kind: 'notice_item_state',
  title,
  body,
  entityType: 'notice_item',
  entityId: item.id,
  createdAt: now,
});

/** Sets the removal's `removedAt` / `reinstatedAt` once, audited. */
async function stampRemoval(em: EntityManager, removal: AcknowledgementRow, field: 'removedAt' | 'reinstatedAt', at: Date, changes: AcknowledgementChanges): Promise<void> {
  if (removal[field] !== null) return;
  removal[field] = at;
  const column = field === 'removedAt' ? 'removed_at' : 'reinstated_at';
  await runStatement(em, `update removals set ${column} = ? where id = ?`, [at, removal.id]);
  const action = field === 'removedAt' ? 'removal_acknowledged' : 'reinstatement_acknowledged';
  changes.audits.push(auditRow({ actor: OUTBOX_ACTOR, action, entityType: 'removal', entityId: removal.id, brandId: removal.brandId, after: { [field]: at.toISOString() } }, changes.now));
}

/** Moves the listing by the domain's state machine when the event applies, audited. */
async function moveListing(em: EntityManager, removal: AcknowledgementRow, event: 'remove' | 'reinstate', changes: AcknowledgementChanges): Promise<void> {
  const listing = removal.listing;
  if (!canListing(listing.status, event)) return;
  const before = listing.status;
  listing.status = unwrap(transitionListing(listing.status, event));
  await runStatement(em, 'update listings set status = ?, updated_at = ? where id = ?', [listing.status, changes.now, listing.id]);
  const action = event === 'remove' ? 'listing_removed' : 'listing_reinstated';
  changes.audits.push(auditRow({ actor: OUTBOX_ACTOR, action, entityType: 'listing', entityId: listing.id, brandId: removal.brandId, before: { status: before }, after: { status: listing.status, removalId: removal.id } }, changes.now));
}

/**
 * The marketplace acknowledged a removal: `removedAt` is set (turnaround ends here), the listing
 * becomes `removed` and a pending notice item `removed`. Each change is audited; applying it twice
 * changes nothing the second time.
 */
async function applyRemovalAcknowledged(em: EntityManager, removal: AcknowledgementRow, at: Date, changes: AcknowledgementChanges): Promise<void> {
  await stampRemoval(em, removal, 'removedAt', at, changes);
  await moveListing(em, removal, 'remove', changes);
  const { item, listing } = removal;
  if (item && item.state === 'pending' && canNoticeItem(item.state, 'remove')) {
    item.state = unwrap(transitionNoticeItem(item.state, 'remove'));
    item.decidedAt ??= at;
    await runStatement(em, 'update notice_items set state = ?, decided_at = ?, updated_at = ? where id = ?', [item.state, item.decidedAt, changes.now, item.id]);
    const after = { state: item.state, removalId: removal.id };
    changes.audits.push(auditRow({ actor: OUTBOX_ACTOR, action: 'notice_item_removed', entityType: 'notice_item', entityId: item.id, brandId: removal.brandId, before: { state: 'pending' }, after }, changes.now));
    changes.notifications.push(itemNotification(item, `Listing ${listing.externalId} was removed`, `The marketplace removed "${listing.title}" on ${at.toISOString()}.`, changes.now));
  }
}

/**
 * The marketplace acknowledged a reinstatement: `reinstatedAt` is set, the listing becomes
 * `reinstated`, and a removed notice item `reinstated` (as an overturned GFT audit when the audit
 * said so, otherwise as a successful appeal). Idempotent and audited like the removal.
 */
async function applyReinstatementAcknowledged(em: EntityManager, removal: AcknowledgementRow, at: Date, changes: AcknowledgementChanges): Promise<void> {
  await stampRemoval(em, removal, 'reinstatedAt', at, changes);
  await moveListing(em, removal, 'reinstate', changes);
  const { item, listing } = removal;
  if (item && item.state === 'removed') {
    const event = item.auditUpheld === false ? 'audit_overturned' : 'appeal_reinstated';
    item.state = unwrap(transitionNoticeItem(item.state, event));
    await runStatement(em, 'update notice_items set state = ?, updated_at = ? where id = ?', [item.state, changes.now, item.id]);
    const after = { state: item.state, event, removalId: removal.id };
    changes.audits.push(auditRow({ actor: OUTBOX_ACTOR, action: 'notice_item_reinstated', entityType: 'notice_item', entityId: item.id, brandId: removal.brandId, before: { state: 'removed' }, after }, changes.now));
    changes.notifications.push(itemNotification(item, `Listing ${listing.externalId} was reinstated`, `The marketplace put "${listing.title}" back on sale on ${at.toISOString()}.`, changes.now));
  }
}

const clamp = (at: Date, earliest: Date, latest: Date): Date =>
  new Date(Math.min(Math.max(at.getTime(), earliest.getTime()), latest.getTime()));

/**
 * Records a failed attempt: back to `pending` until `retryAt`, or `dead` when `retryAt` is null (out of
 * attempts, or a refusal that no retry will change). Returns what happened, or 'lost' when the claim
 * had already been lost.
 */
export async function recordOutboxFailure(
  em: EntityManager,
  claim: ClaimedCommand,
  failure: { error: string; retryAt: Date | null },
  now = new Date(),
): Promise<'retrying' | 'dead' | 'lost'> {
  const error = failure.error.slice(0, 2000);
  const state: OutboxState = failure.retryAt ? 'pending' : 'dead';
  return em.transactional(async (tx) => {
    const won = await tx.nativeUpdate(OutboxCommand, heldBy(claim), {
      state,
      lastError: error,
      claimedBy: null,
      claimedUntil: null,
      ...(failure.retryAt ? { nextAttemptAt: failure.retryAt } : {}),
    });
    if (won === 0) return 'lost';
    recordAudit(
      tx,
      {
        actor: OUTBOX_ACTOR,
        action: state === 'dead' ? 'outbox_dead' : 'outbox_retry_scheduled',
        entityType: 'outbox_command',
        entityId: claim.id,
        brandId: claim.brandId,
        before: { state: 'in_flight', attempts: claim.attempts, claimedBy: claim.claimedBy },
        after: { state, attempts: claim.attempts, error, nextAttemptAt: failure.retryAt?.toISOString() ?? null },
      },
      now,
    );
    return state === 'dead' ? 'dead' : 'retrying';
  });
}

/** How many commands are in each state (health checks, tests). */
export async function outboxStateCounts(em: EntityManager): Promise<Record<OutboxState, number>> {
  const counts = await Promise.all(OUTBOX_STATES.map((state) => em.count(OutboxCommand, { state })));
  return Object.fromEntries(OUTBOX_STATES.map((state, i) => [state, counts[i] ?? 0])) as Record<OutboxState, number>;
}

/**
 * Points every marketplace at `<baseUrl>/<code>` (the simulator in demos and end-to-end runs),
 * whatever an earlier seed wrote. Returns how many changed.
 */
export async function pointMarketplacesAt(em: EntityManager, baseUrl: string): Promise<number> {
  const root = baseUrl.replace(/\/+$/, '');
  const marketplaces = await em.find(Marketplace, {});
  let changed = 0;
  for (const marketplace of marketplaces) {
    const url = `${root}/${marketplace.code}`;
    if (marketplace.baseUrl === url) continue;
    marketplace.baseUrl = url;
    changed++;
  }
  await em.flush();
  return changed;
}
