import type { Logger } from 'pino';
import { silenceEvent } from '@jf/domain';
import { findAppeal, lapsedAppeals, type Database } from '@jf/db';
import { appealSettings, moveAppeal } from '../services/appeals';
import { runPeriodically } from './periodic';

const DEADLINE_ACTOR = { id: null, label: 'appeal deadline' };

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

export function startAppealDeadlines(options: { database: Database; logger: Logger; intervalMs?: number }) {
  return runPeriodically(() => settleLapsedAppeals(options.database), options.intervalMs ?? 60_000, options.logger, 'appeal deadline pass failed');
}
