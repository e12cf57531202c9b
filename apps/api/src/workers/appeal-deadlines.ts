import type { Logger } from 'pino';
import { silenceEvent } from '@jf/domain';
import { enqueueSellerStatus, findAppeal, lapsedAppeals, recordAudit, sellersOutgrowingRestriction, type Database } from '@jf/db';
import { appealSettings, moveAppeal, strikeSettings } from '../services/appeals';
import { runPeriodically } from './periodic';

const DEADLINE_ACTOR = { id: null, label: 'appeal and strike deadlines' };

/**
 * Applies the silence rule: an appeal the brand left unanswered past its window is retracted (the
 * listing is reinstated) or contested, as the settings say. Each appeal commits on its own.
 */
export async function settleLapsedAppeals(database: Database, now = new Date(), limit = 100): Promise<number> {
  const settings = await appealSettings(database.fork());
  let settled = 0;
  for (const candidate of await lapsedAppeals(database.fork(), now, limit)) {
    const event = silenceEvent(candidate, now, settings);
    if (!event) continue;
    await database.fork().transactional(async (em) => {
      const appeal = await findAppeal(em, candidate.id);
      // Answered or settled meanwhile: nothing to do.
      if (!appeal || silenceEvent(appeal, now, settings) !== event) return;
      await moveAppeal(em, appeal, {
        event,
        actor: DEADLINE_ACTOR,
        by: null,
        reason: `The brand did not answer within ${settings.brandWindowDays} days; silence counts as ${event === 'retract' ? 'a retraction' : 'a contest'}.`,
        now,
      });
      settled++;
    });
  }
  return settled;
}

/**
 * Lifts the restriction of sellers whose strikes expired below the threshold, and tells the
 * marketplace through the outbox. A ban stays until staff lift it.
 */
export async function liftExpiredRestrictions(database: Database, now = new Date()): Promise<number> {
  return database.fork().transactional(async (em) => {
    const lifted = await sellersOutgrowingRestriction(em, now, await strikeSettings(em));
    for (const { seller, activeStrikes } of lifted) {
      seller.status = 'active';
      seller.strikeCount = activeStrikes;
      enqueueSellerStatus(em, seller, activeStrikes, `expiry-${seller.id}-${now.toISOString()}`, now);
      recordAudit(em, { actor: DEADLINE_ACTOR, action: 'seller_active', entityType: 'seller', entityId: seller.id, before: { status: 'restricted' }, after: { status: 'active', activeStrikes, reason: 'strikes expired' } });
    }
    return lifted.length;
  });
}

export function startAppealDeadlines(options: { database: Database; logger: Logger; intervalMs?: number }) {
  const pass = async () => {
    await settleLapsedAppeals(options.database);
    await liftExpiredRestrictions(options.database);
  };
  return runPeriodically(pass, options.intervalMs ?? 60_000, options.logger, 'appeal deadline pass failed');
}
