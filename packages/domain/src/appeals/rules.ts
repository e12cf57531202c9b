import { z } from 'zod';
import type { FieldIssues } from '../errors';
import type { AppealState, SellerStatus } from '../model';
import { DAY_MS } from '../metrics/rolling-window';
import type { AppealEvent } from '../state-machines/appeal';

/** How long each side has to speak; platform admins change these in the settings. */
export const appealSettingsSchema = z.object({
  /** A counter-notice must arrive within this many days of the removal. */
  sellerWindowDays: z.number().positive().max(365),
  /** The brand answers a counter-notice within this many days of its arrival. */
  brandWindowDays: z.number().positive().max(365),
  /** What a brand's silence counts as: a retraction (as Mercado Libre rules) or a contest. */
  silenceMeans: z.enum(['retraction', 'contest']),
});
export type AppealSettings = z.infer<typeof appealSettingsSchema>;
export const DEFAULT_APPEAL_SETTINGS: AppealSettings = { sellerWindowDays: 4, brandWindowDays: 4, silenceMeans: 'retraction' };

export const strikeSettingsSchema = z
  .object({
    restrictAt: z.int().positive(),
    banAt: z.int().positive(),
    expiryDays: z.int().positive().max(3650),
  })
  .refine((settings) => settings.banAt > settings.restrictAt, { message: 'A ban must need more strikes than a restriction', path: ['banAt'] });
export type StrikeSettings = z.infer<typeof strikeSettingsSchema>;
export const DEFAULT_STRIKE_SETTINGS: StrikeSettings = { restrictAt: 3, banAt: 5, expiryDays: 180 };

export interface RemovalForAppeal {
  /** When the marketplace took the listing down; null while the removal is not applied. */
  removedAt: Date | null;
  reinstatedAt: Date | null;
}

/**
 * Why a counter-notice cannot be accepted, by field; null when it can. One appeal per removal;
 * it must arrive after the removal was applied, before the listing is back, within the seller window.
 */
export function counterNoticeProblem(removal: RemovalForAppeal, hasAppeal: boolean, receivedAt: Date, settings: AppealSettings = DEFAULT_APPEAL_SETTINGS): FieldIssues | null {
  if (hasAppeal) return { removalId: ['already has a counter-notice; a removal can be appealed once'] };
  if (!removal.removedAt) return { removalId: ['is not applied on the marketplace yet, so there is nothing to appeal'] };
  if (removal.reinstatedAt) return { removalId: ['was already reinstated'] };
  const closesAt = sellerWindowClosesAt(removal.removedAt, settings);
  if (receivedAt > closesAt) {
    return { removalId: [`was applied on ${removal.removedAt.toISOString()}; counter-notices were accepted until ${closesAt.toISOString()}`] };
  }
  return null;
}

export const sellerWindowClosesAt = (removedAt: Date, settings: AppealSettings = DEFAULT_APPEAL_SETTINGS) =>
  new Date(removedAt.getTime() + settings.sellerWindowDays * DAY_MS);

export const brandResponseDueAt = (appealCreatedAt: Date, settings: AppealSettings = DEFAULT_APPEAL_SETTINGS) =>
  new Date(appealCreatedAt.getTime() + settings.brandWindowDays * DAY_MS);

/** The event a brand's silence stands for, once its window has passed; null while it may still answer. */
export function silenceEvent(appeal: { state: AppealState; createdAt: Date }, now: Date, settings: AppealSettings = DEFAULT_APPEAL_SETTINGS): Extract<AppealEvent, 'retract' | 'contest'> | null {
  if (appeal.state !== 'open' || now <= brandResponseDueAt(appeal.createdAt, settings)) return null;
  return settings.silenceMeans === 'retraction' ? 'retract' : 'contest';
}

export const strikeExpiresAt = (issuedAt: Date, settings: StrikeSettings = DEFAULT_STRIKE_SETTINGS) =>
  new Date(issuedAt.getTime() + settings.expiryDays * DAY_MS);

/** Strikes that still count: issued at or before `now` and not yet expired. */
export const activeStrikeCount = (strikes: readonly { createdAt: Date; expiresAt: Date }[], now: Date) =>
  strikes.filter((strike) => strike.createdAt <= now && strike.expiresAt > now).length;

export function sellerStatusFor(activeStrikes: number, settings: StrikeSettings = DEFAULT_STRIKE_SETTINGS): SellerStatus {
  if (activeStrikes >= settings.banAt) return 'banned';
  if (activeStrikes >= settings.restrictAt) return 'restricted';
  return 'active';
}
