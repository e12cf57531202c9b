import type { EntityManager } from '@mikro-orm/core';
import {
  appealSettingsSchema,
  brandResponseDueAt,
  counterNoticeProblem,
  DEFAULT_APPEAL_SETTINGS,
  DEFAULT_STRIKE_SETTINGS,
  DomainError,
  invalidInput,
  strikeSettingsSchema,
  transitionAppeal,
  unwrap,
  type AppealEvent,
  type AppealSettings,
  type CounterNoticeInput,
  type StrikeSettings,
} from '@jf/domain';
import {
  Appeal,
  appealByExternalId,
  appealOfRemoval,
  enqueueReinstatement,
  enqueueSellerStatus,
  issueStrike,
  latestRemovalOfListing,
  notify,
  readSetting,
  recordAudit,
  type AuditEntry,
  type Removal,
  type User,
} from '@jf/db';
import { queueLabels } from './detection';

export const appealSettings = (em: EntityManager): Promise<AppealSettings> => readSetting(em, 'appeals', appealSettingsSchema, DEFAULT_APPEAL_SETTINGS);
export const strikeSettings = (em: EntityManager): Promise<StrikeSettings> => readSetting(em, 'strikes', strikeSettingsSchema, DEFAULT_STRIKE_SETTINGS);

type Actor = AuditEntry['actor'];

/**
 * Files a seller's counter-notice sent by a marketplace. Resending the same counter-notice answers
 * the appeal it created (`created: false`); a second one for the same removal, a late one, or one
 * for a listing that is not removed is refused with the reason.
 */
export async function fileCounterNotice(em: EntityManager, marketplaceCode: string, input: CounterNoticeInput, actor: Actor, now: Date): Promise<{ appeal: Appeal; created: boolean }> {
  const resent = await appealByExternalId(em, marketplaceCode, input.externalId);
  if (resent) {
    if (resent.removal.listing.externalId !== input.listingExternalId) {
      throw invalidInput('The counter-notice was not filed', { externalId: [`was already used for listing ${resent.removal.listing.externalId}`] });
    }
    return { appeal: resent, created: false };
  }
  const removal = await latestRemovalOfListing(em, marketplaceCode, input.listingExternalId);
  if (!removal) throw invalidInput('The counter-notice was not filed', { listingExternalId: ['is not a listing the platform removed on this marketplace'] });
  const settings = await appealSettings(em);
  const existing = await appealOfRemoval(em, removal.id);
  const problem = counterNoticeProblem(removal, existing !== null, now, settings);
  if (problem) {
    throw existing ? new DomainError('conflict', `The counter-notice was not filed: removal ${removal.id} ${problem.removalId![0]}`, problem) : invalidInput('The counter-notice was not filed', problem);
  }
  const appeal = em.create(Appeal, {
    removal,
    brand: removal.brand,
    marketplace: removal.marketplace,
    seller: removal.listing.seller,
    externalId: input.externalId,
    statement: input.statement,
    evidence: input.evidence,
    brandDueAt: brandResponseDueAt(now, settings),
    createdAt: now,
  });
  if (removal.brand) {
    notify(em, {
      brandId: removal.brand.id,
      kind: 'notice_item_state',
      title: `A seller disputes the removal of listing ${removal.listing.externalId}`,
      body: `Answer by ${appeal.brandDueAt!.toISOString()}: retract or contest with your reasons. ${settings.silenceMeans === 'retraction' ? 'Without an answer the listing is reinstated.' : 'Without an answer a reviewer decides.'}`,
      entityType: 'appeal',
      entityId: appeal.id,
    });
  }
  recordAudit(em, { actor, action: 'counter_notice_filed', entityType: 'appeal', entityId: appeal.id, brandId: removal.brand?.id ?? null, after: { removalId: removal.id, externalId: input.externalId } });
  return { appeal, created: true };
}

/** Puts the listing back: the reinstatement goes to the marketplace through the outbox. */
function reinstate(em: EntityManager, removal: Removal, now: Date): void {
  enqueueReinstatement(em, { removal, listing: removal.listing, marketplace: removal.marketplace, brand: removal.brand }, now);
}

export interface AppealMove {
  event: AppealEvent;
  actor: Actor;
  /** The user behind the move; null for the deadline worker applying the brand's silence. */
  by: User | null;
  reason: string;
  now: Date;
}

/**
 * Moves an appeal by one event and does what the new state calls for: a reinstatement goes to the
 * marketplace, an upheld removal gives the seller a strike (and may change its status). Audited.
 */
export async function moveAppeal(em: EntityManager, appeal: Appeal, move: AppealMove): Promise<void> {
  const before = appeal.state;
  appeal.state = unwrap(transitionAppeal(appeal.state, move.event));
  const brandId = appeal.brand?.id ?? null;
  const after: Record<string, unknown> = { state: appeal.state, reason: move.reason };
  if (move.event === 'retract' || move.event === 'contest') {
    appeal.brandAnswer = move.event;
    appeal.brandResponse = move.reason;
    appeal.brandRespondedAt = move.now;
    appeal.brandAnsweredBy = move.by;
  } else {
    appeal.decidedBy = move.by;
    appeal.decidedAt = move.now;
    appeal.decisionReason = move.reason;
  }
  if (appeal.state === 'reinstated') {
    reinstate(em, appeal.removal, move.now);
    if (appeal.decidedAt === null) appeal.decidedAt = move.now;
  }
  if (appeal.state === 'upheld') {
    const outcome = await issueStrike(em, appeal.removal, appeal.seller, move.now, await strikeSettings(em));
    after.strike = { activeStrikes: outcome.activeStrikes, sellerStatus: outcome.after };
    if (outcome.before !== outcome.after) {
      enqueueSellerStatus(em, appeal.seller, outcome.activeStrikes, outcome.strike.id, move.now);
      recordAudit(em, { actor: move.actor, action: `seller_${outcome.after}`, entityType: 'seller', entityId: appeal.seller.id, brandId, before: { status: outcome.before }, after: { status: outcome.after, activeStrikes: outcome.activeStrikes } });
    }
  }
  if (brandId && (appeal.state === 'upheld' || appeal.state === 'reinstated')) {
    const listing = appeal.removal.listing.externalId;
    notify(em, {
      brandId,
      kind: 'notice_item_state',
      title: appeal.state === 'upheld' ? `The removal of listing ${listing} stands` : `Listing ${listing} is being reinstated after the seller’s appeal`,
      body: move.reason,
      entityType: 'appeal',
      entityId: appeal.id,
    });
  }
  if (appeal.state === 'upheld' || appeal.state === 'reinstated') {
    await queueLabels(em, [{ source: 'appeal', sourceId: appeal.id, listingId: appeal.removal.listing.id, brandId, state: appeal.state }], move.now);
  }
  recordAudit(em, { actor: move.actor, action: `appeal_${move.event}`, entityType: 'appeal', entityId: appeal.id, brandId, before: { state: before }, after });
}
