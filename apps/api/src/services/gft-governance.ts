import type { EntityManager } from '@mikro-orm/core';
import { DAY_MS, DEFAULT_GFT_SETTINGS, evaluateGft, gftSettingsSchema, transitionGftStatus, unwrap, type GftEvaluation, type GftSettings } from '@jf/domain';
import { Brand, brandDecidedItems, notify, readSetting, recordAudit, type Database } from '@jf/db';

export const gftSettings = (em: EntityManager): Promise<GftSettings> => readSetting(em, 'gft', gftSettingsSchema, DEFAULT_GFT_SETTINGS);

/** The brand's live standing against the GFT thresholds, as the policy computes it now. */
export async function brandStanding(em: EntityManager, brand: Brand, now: Date, settings?: GftSettings): Promise<{ evaluation: GftEvaluation; settings: GftSettings }> {
  const resolved = settings ?? (await gftSettings(em));
  const items = await brandDecidedItems(em, brand.id, new Date(now.getTime() - resolved.windowDays * DAY_MS));
  return { evaluation: evaluateGft({ items, now, status: brand.gftStatus, suspendedAt: brand.gftSuspendedAt, settings: resolved }), settings: resolved };
}

const GOVERNANCE_ACTOR = { id: null, label: 'GFT governance' };
/** Events the record decides by itself; enrolment stays the account manager's call. */
const AUTOMATIC_EVENTS = new Set(['qualify', 'disqualify', 'suspend', 'requalify']);

export interface GovernancePass {
  brands: number;
  changed: { brandId: string; from: string; to: string }[];
}

/**
 * Re-judges every brand's rolling record: refreshes its accuracy and applies the status change the
 * policy calls for (a suspension takes the brand off the fast track at once), audited with the
 * numbers and reasons, and told to the brand. Each brand commits on its own.
 */
export async function runGftGovernance(database: Database, now = new Date()): Promise<GovernancePass> {
  const settings = await gftSettings(database.fork());
  const brandIds = (await database.fork().find(Brand, {}, { fields: ['id'], orderBy: { id: 'ASC' } })).map((brand) => brand.id);
  const pass: GovernancePass = { brands: brandIds.length, changed: [] };
  for (const brandId of brandIds) {
    await database.fork().transactional(async (em) => {
      const brand = await em.findOneOrFail(Brand, brandId);
      const { evaluation } = await brandStanding(em, brand, now, settings);
      brand.accuracy = evaluation.overall.successRate;
      const event = evaluation.recommendedEvent;
      if (!event || !AUTOMATIC_EVENTS.has(event)) return;
      const from = brand.gftStatus;
      brand.gftStatus = unwrap(transitionGftStatus(from, event));
      brand.gftStatusChangedAt = now;
      if (event === 'suspend') brand.gftSuspendedAt = now;
      const figures = { decided: evaluation.overall.decided, successRate: evaluation.overall.successRate, counterNoticeRate: evaluation.overall.counterNoticeRate };
      recordAudit(em, { actor: GOVERNANCE_ACTOR, action: `gft_${event}`, entityType: 'brand', entityId: brand.id, brandId: brand.id, before: { gftStatus: from }, after: { gftStatus: brand.gftStatus, ...figures, reasons: evaluation.reasons } });
      notify(em, {
        brandId: brand.id,
        kind: 'gft_status',
        title: `Good Faith Takedown: your status is now ${brand.gftStatus.replace('_', ' ')}`,
        body: evaluation.reasons.length > 0 ? evaluation.reasons.join('\n') : `Your record over the last ${settings.windowDays} days meets the programme’s thresholds.`,
        entityType: 'brand',
        entityId: brand.id,
      });
      pass.changed.push({ brandId: brand.id, from, to: brand.gftStatus });
    });
  }
  return pass;
}
