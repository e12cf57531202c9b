import { LockMode, type EntityManager } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import {
  canListing,
  canNoticeItem,
  transitionListing,
  transitionNoticeItem,
  unwrap,
  type MarketplaceCode,
  type OutboxKind,
  type OutboxPayload,
  type OutboxState,
  OUTBOX_STATES,
} from '@jf/domain';
import { Marketplace, Notification, OutboxCommand, Removal, type Brand, type Listing, type NoticeItem } from '../entities';
import { recordAudit, type AuditEntry } from './audit';

/** Who the dispatcher's audit events name. */
export const OUTBOX_ACTOR: AuditEntry['actor'] = { id: null, label: 'outbox-dispatcher' };

/** The kinds delivered to a marketplace over HTTP (notifications are not). */
export const MARKETPLACE_COMMAND_KINDS = ['remove_listing', 'reinstate_listing'] as const satisfies readonly OutboxKind[];
export type MarketplaceCommandKind = (typeof MARKETPLACE_COMMAND_KINDS)[number];

export interface ListingCommandTarget {
  removal: Removal;
  listing: Listing;
  marketplace: Marketplace;
  brand: Brand | null;
}

/** The row of a marketplace command for a removal: its idempotency key is derived from the removal. */
export function listingCommandData(
  kind: MarketplaceCommandKind,
  target: { removalId: string; listingId: string; marketplace: MarketplaceCode; externalListingId: string; brandId: string | null },
  now: Date,
) {
  const prefix = kind === 'remove_listing' ? 'remove' : 'reinstate';
  const payload: OutboxPayload<MarketplaceCommandKind> = {
    removalId: target.removalId,
    listingId: target.listingId,
    marketplaceCode: target.marketplace,
    externalListingId: target.externalListingId,
  };
  return { kind, marketplace: target.marketplace, brand: target.brandId, payload, idempotencyKey: `${prefix}:${target.removalId}`, nextAttemptAt: now };
}

function enqueueListingCommand(em: EntityManager, kind: MarketplaceCommandKind, target: ListingCommandTarget, now: Date): OutboxCommand {
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

const snapshot = (command: OutboxCommand) => ({
  state: command.state,
  attempts: command.attempts,
  claimedBy: command.claimedBy,
  claimedUntil: command.claimedUntil?.toISOString() ?? null,
});

/**
 * Leases up to `limit` due commands to `workerId` for `leaseMs`: pending ones whose next attempt is
 * due, and in-flight ones whose lease ran out (their worker died or hung). On PostgreSQL the rows are
 * selected `for update skip locked`, so concurrent dispatchers never claim the same command; on
 * SQLite the single writer serialises claims. Counts the attempt and audits the claim.
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
    const due = await tx.find(
      OutboxCommand,
      {
        kind: { $in: [...kinds] },
        $or: [
          { state: 'pending', nextAttemptAt: { $lte: now } },
          { state: 'in_flight', claimedUntil: { $lt: now } },
        ],
      },
      {
        orderBy: { nextAttemptAt: 'asc', id: 'asc' },
        limit,
        lockMode: postgres ? LockMode.PESSIMISTIC_PARTIAL_WRITE : undefined,
      },
    );
    const claimed: OutboxCommand[] = [];
    for (const command of due) {
      const before = snapshot(command);
      const expired = command.state === 'in_flight';
      const audit = { actor: OUTBOX_ACTOR, entityType: 'outbox_command', entityId: command.id, brandId: command.brand?.id ?? null } as const;
      if (expired && command.attempts >= maxAttempts) {
        command.state = 'dead';
        command.lastError = `lease of ${command.claimedBy} expired during the last attempt`;
        command.claimedBy = null;
        command.claimedUntil = null;
        recordAudit(tx, { ...audit, action: 'outbox_dead', before, after: { ...snapshot(command), error: command.lastError } }, now);
        continue;
      }
      command.state = 'in_flight';
      command.claimedBy = workerId;
      command.claimedUntil = claimedUntil;
      command.attempts += 1;
      recordAudit(tx, { ...audit, action: expired ? 'outbox_reclaimed' : 'outbox_claimed', before, after: snapshot(command) }, now);
      claimed.push(command);
    }
    // Marketplaces are read after the locking query: `for update` cannot cover an outer join.
    const codes = [...new Set(claimed.flatMap((command) => (command.marketplace ? [command.marketplace.code] : [])))];
    const marketplaces = new Map(
      (codes.length ? await tx.find(Marketplace, { code: { $in: codes } }) : []).map((marketplace) => [marketplace.code, marketplace]),
    );
    return claimed.map((command) => ({
      id: command.id,
      kind: command.kind,
      idempotencyKey: command.idempotencyKey,
      payload: command.payload,
      attempts: command.attempts,
      claimedBy: workerId,
      claimedUntil,
      marketplace: command.marketplace?.code ?? null,
      baseUrl: command.marketplace ? (marketplaces.get(command.marketplace.code)?.baseUrl ?? null) : null,
      brandId: command.brand?.id ?? null,
    }));
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
 * `recordOutboxDelivery` for many commands in one transaction (a dispatcher's group commit): the
 * removals are read in one query and the changed rows written in one statement per table. Each
 * command is fenced by its own claim; the answer says, in order, which were recorded.
 */
export async function recordOutboxDeliveries(em: EntityManager, deliveries: readonly Delivered[], now = new Date()): Promise<boolean[]> {
  return em.transactional(async (tx) => {
    const recorded: boolean[] = [];
    for (const { claim } of deliveries) {
      const won = await tx.nativeUpdate(OutboxCommand, heldBy(claim), { state: 'delivered', deliveredAt: now, claimedBy: null, claimedUntil: null, lastError: null });
      recorded.push(won > 0);
      if (won === 0) continue;
      recordAudit(
        tx,
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
      );
    }
    const acknowledged = deliveries.flatMap((delivery, index) => {
      const removalId = delivery.claim.payload.removalId;
      return recorded[index] && typeof removalId === 'string' ? [{ ...delivery, removalId }] : [];
    });
    if (acknowledged.length === 0) return recorded;
    const removals = await tx.find(Removal, { id: { $in: acknowledged.map(({ removalId }) => removalId) } }, { populate: ['listing', 'noticeItem'] });
    const removalsById = new Map(removals.map((removal) => [removal.id, removal]));
    for (const { claim, receipt, removalId } of acknowledged) {
      const removal = removalsById.get(removalId);
      if (!removal) continue;
      const appliedAt = receipt?.appliedAt ?? now;
      if (claim.kind === 'remove_listing') {
        await applyRemovalAcknowledged(tx, removal, clamp(appliedAt, removal.requestedAt, now));
      } else if (claim.kind === 'reinstate_listing') {
        await applyReinstatementAcknowledged(tx, removal, clamp(appliedAt, removal.removedAt ?? removal.requestedAt, now));
      }
    }
    return recorded;
  });
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

/**
 * The marketplace acknowledged a removal: `removedAt` is set (turnaround ends here), the listing
 * becomes `removed` and a pending notice item `removed`. Each change is audited; applying it twice
 * changes nothing the second time. Runs in the caller's unit of work.
 */
export async function applyRemovalAcknowledged(
  em: EntityManager,
  removal: Removal,
  at: Date,
  actor: AuditEntry['actor'] = OUTBOX_ACTOR,
): Promise<void> {
  await em.populate(removal, ['listing', 'noticeItem']);
  const brandId = removal.brand?.id ?? null;
  if (removal.removedAt === null) {
    removal.removedAt = at;
    recordAudit(em, { actor, action: 'removal_acknowledged', entityType: 'removal', entityId: removal.id, brandId, after: { removedAt: at.toISOString() } });
  }
  const listing = removal.listing;
  if (canListing(listing.status, 'remove')) {
    const before = listing.status;
    listing.status = unwrap(transitionListing(listing.status, 'remove'));
    recordAudit(em, { actor, action: 'listing_removed', entityType: 'listing', entityId: listing.id, brandId, before: { status: before }, after: { status: listing.status, removalId: removal.id } });
  }
  const item = removal.noticeItem;
  if (item && item.state === 'pending' && canNoticeItem(item.state, 'remove')) {
    item.state = unwrap(transitionNoticeItem(item.state, 'remove'));
    item.decidedAt ??= at;
    recordAudit(em, { actor, action: 'notice_item_removed', entityType: 'notice_item', entityId: item.id, brandId, before: { state: 'pending' }, after: { state: item.state, removalId: removal.id } });
    notifyItemChange(em, item, `Listing ${listing.externalId} was removed`, `The marketplace removed "${listing.title}" on ${at.toISOString()}.`);
  }
}

/**
 * The marketplace acknowledged a reinstatement: `reinstatedAt` is set, the listing becomes
 * `reinstated`, and a removed notice item `reinstated` (as an overturned GFT audit when the audit
 * said so, otherwise as a successful appeal). Idempotent and audited like the removal.
 */
export async function applyReinstatementAcknowledged(
  em: EntityManager,
  removal: Removal,
  at: Date,
  actor: AuditEntry['actor'] = OUTBOX_ACTOR,
): Promise<void> {
  await em.populate(removal, ['listing', 'noticeItem']);
  const brandId = removal.brand?.id ?? null;
  if (removal.reinstatedAt === null) {
    removal.reinstatedAt = at;
    recordAudit(em, { actor, action: 'reinstatement_acknowledged', entityType: 'removal', entityId: removal.id, brandId, after: { reinstatedAt: at.toISOString() } });
  }
  const listing = removal.listing;
  if (canListing(listing.status, 'reinstate')) {
    listing.status = unwrap(transitionListing(listing.status, 'reinstate'));
    recordAudit(em, { actor, action: 'listing_reinstated', entityType: 'listing', entityId: listing.id, brandId, before: { status: 'removed' }, after: { status: listing.status, removalId: removal.id } });
  }
  const item = removal.noticeItem;
  if (item && item.state === 'removed') {
    const event = item.auditUpheld === false ? 'audit_overturned' : 'appeal_reinstated';
    item.state = unwrap(transitionNoticeItem(item.state, event));
    notifyItemChange(em, item, `Listing ${listing.externalId} was reinstated`, `The marketplace put "${listing.title}" back on sale on ${at.toISOString()}.`);
    recordAudit(em, { actor, action: 'notice_item_reinstated', entityType: 'notice_item', entityId: item.id, brandId, before: { state: 'removed' }, after: { state: item.state, event, removalId: removal.id } });
  }
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

/** Tells the brand's users in the portal that one of its notice items changed state. */
function notifyItemChange(em: EntityManager, item: NoticeItem, title: string, body: string): void {
  em.create(Notification, { brand: item.brand, kind: 'notice_item_state', title, body, entityType: 'notice_item', entityId: item.id });
}
