import { z } from 'zod';
import { NOTICE_REASONS, type DecidedItemOutcome, type GftStatus, type NoticeItemState, type NoticeReason } from '../model';
import type { DecidedItem } from '../metrics/brand-accuracy';
import { DAY_MS, isWithinWindow } from '../metrics/rolling-window';
import { probabilitySchema } from '../schemas/common';
import type { GftEvent } from '../state-machines/gft-status';

/** Thresholds of the Good Faith Takedown programme; platform admins can change them. */
export const gftSettingsSchema = z
  .object({
    /** Length of the rolling record, (now − windowDays, now]. */
    windowDays: z.int().positive(),
    /** Decided items the record needs before a brand can qualify. */
    minDecided: z.int().positive(),
    minSuccessRate: probabilitySchema,
    maxCounterNoticeRate: probabilitySchema,
    /** An enrolled brand is suspended below this; at most minSuccessRate so a brand cannot flap. */
    suspendBelowSuccessRate: probabilitySchema,
    /** After a suspension the brand cannot requalify for this long. */
    cooldownDays: z.int().nonnegative(),
    checkPerReason: z.boolean(),
    /** Reason codes with fewer decided items than this are too thin to judge on their own. */
    minDecidedPerReason: z.int().positive(),
  })
  .refine((settings) => settings.suspendBelowSuccessRate <= settings.minSuccessRate, {
    message: 'The suspension threshold must not be above the eligibility threshold',
    path: ['suspendBelowSuccessRate'],
  });
export type GftSettings = z.infer<typeof gftSettingsSchema>;

export const DEFAULT_GFT_SETTINGS: GftSettings = {
  windowDays: 90,
  minDecided: 20,
  minSuccessRate: 0.9,
  maxCounterNoticeRate: 0.05,
  suspendBelowSuccessRate: 0.9,
  cooldownDays: 90,
  checkPerReason: true,
  minDecidedPerReason: 5,
};

/** A decided notice item of the brand; `reinstated_on_appeal` is a successful counter-notice. */
export interface GftDecidedItem extends DecidedItem {
  reason: NoticeReason;
}

export interface GftRecordStats {
  decided: number;
  valid: number;
  /** Items reinstated on appeal, i.e. successful counter-notices. */
  counterNoticed: number;
  /** valid / decided; null when nothing was decided. */
  successRate: number | null;
  /** counterNoticed / decided; null when nothing was decided. */
  counterNoticeRate: number | null;
}

export interface GftReasonStats extends GftRecordStats {
  /** Whether this reason code had enough items to be checked on its own. */
  checked: boolean;
}

export interface GftPolicyInput {
  items: readonly GftDecidedItem[];
  now: Date;
  status: GftStatus;
  /** Start of the current suspension; needed when status is `suspended`. */
  suspendedAt?: Date | null;
  settings?: GftSettings;
}

export interface GftEvaluation {
  /** Exclusive start of the record: items decided after this and up to `now` count. */
  windowStart: Date;
  overall: GftRecordStats;
  /** Only the reason codes that have decided items in the window. */
  perReason: Partial<Record<NoticeReason, GftReasonStats>>;
  /**
   * Whether the record passes the test of the current status: the suspension test for an
   * enrolled brand, the eligibility test for every other status.
   */
  qualifies: boolean;
  /** Human-readable explanations for the brand: why it does not qualify, why it is suspended, the cooldown. */
  reasons: string[];
  /** The GFT state machine event the record calls for; absent when the status should stay. */
  recommendedEvent?: GftEvent;
  /** Set for suspended brands with a known suspension date. */
  cooldownEndsAt?: Date;
}

// Rates such as 18 / 20 are compared with thresholds such as 0.9; this absorbs float rounding.
const TOLERANCE = 1e-9;

/**
 * Computes a brand's GFT standing from its rolling record. Pure: the caller loads the items,
 * applies the recommended event through transitionGftStatus and audits it with `reasons`.
 *
 * The record is the half-open window (now − windowDays, now] (see isWithinWindow), so with the
 * defaults the items that led to a suspension have all left it when the cooldown ends. An
 * enrolled brand with a thin record is judged leniently (see suspensionProblems); a suspended
 * brand stays `suspended` after its cooldown until its record qualifies again.
 */
export function evaluateGft({
  items,
  now,
  status,
  suspendedAt,
  settings = DEFAULT_GFT_SETTINGS,
}: GftPolicyInput): GftEvaluation {
  const inWindow = items.filter((item) => isWithinWindow(item.decidedAt, now, settings.windowDays));
  const overall = recordStats(inWindow);
  const perReason: GftEvaluation['perReason'] = {};
  for (const reason of NOTICE_REASONS) {
    const reasonItems = inWindow.filter((item) => item.reason === reason);
    if (reasonItems.length === 0) continue;
    const checked = settings.checkPerReason && reasonItems.length >= settings.minDecidedPerReason;
    perReason[reason] = { ...recordStats(reasonItems), checked };
  }
  const base = { windowStart: new Date(now.getTime() - settings.windowDays * DAY_MS), overall, perReason };

  if (status === 'enrolled') {
    const problems = suspensionProblems(overall, perReason, settings);
    const qualifies = problems.length === 0;
    return { ...base, qualifies, reasons: problems, ...(qualifies ? {} : { recommendedEvent: 'suspend' }) };
  }

  const problems = eligibilityProblems(overall, perReason, settings);
  const qualifies = problems.length === 0;
  switch (status) {
    case 'not_eligible':
      return { ...base, qualifies, reasons: problems, ...(qualifies ? { recommendedEvent: 'qualify' } : {}) };
    case 'eligible':
      // Staying eligible needs no event: enrolment is the account manager's call.
      return {
        ...base,
        qualifies,
        reasons: problems,
        ...(qualifies ? {} : { recommendedEvent: 'disqualify' }),
      };
    case 'suspended': {
      if (!suspendedAt) {
        const unknown = 'The suspension date is unknown, so the end of the cooldown cannot be determined.';
        return { ...base, qualifies, reasons: [unknown, ...problems] };
      }
      const cooldownEndsAt = new Date(suspendedAt.getTime() + settings.cooldownDays * DAY_MS);
      if (now < cooldownEndsAt) {
        const cooldown = `Suspended on ${formatTime(suspendedAt)}; the ${settings.cooldownDays}-day cooldown ends on ${formatTime(cooldownEndsAt)}.`;
        return { ...base, qualifies, cooldownEndsAt, reasons: [cooldown, ...problems] };
      }
      return {
        ...base,
        qualifies,
        cooldownEndsAt,
        reasons: problems,
        ...(qualifies ? { recommendedEvent: 'requalify' } : {}),
      };
    }
  }
}

function recordStats(items: readonly GftDecidedItem[]): GftRecordStats {
  const decided = items.length;
  const valid = items.filter((item) => item.outcome === 'valid').length;
  const counterNoticed = items.filter((item) => item.outcome === 'reinstated_on_appeal').length;
  return {
    decided,
    valid,
    counterNoticed,
    successRate: decided === 0 ? null : valid / decided,
    counterNoticeRate: decided === 0 ? null : counterNoticed / decided,
  };
}

function eligibilityProblems(
  overall: GftRecordStats,
  perReason: GftEvaluation['perReason'],
  settings: GftSettings,
): string[] {
  const problems: string[] = [];
  if (overall.decided < settings.minDecided) {
    problems.push(
      `Only ${overall.decided} decided items in the last ${settings.windowDays} days; at least ${settings.minDecided} are needed.`,
    );
  }
  const thresholds = {
    minSuccessRate: settings.minSuccessRate,
    maxCounterNoticeRate: settings.maxCounterNoticeRate,
    purpose: 'qualify',
  };
  return [...problems, ...recordProblems(overall, perReason, thresholds)];
}

/**
 * Losing the fast track needs firmer evidence than earning it: every record, overall or per
 * reason code, that is thinner than minDecided is judged as if the missing items were valid.
 */
function suspensionProblems(
  overall: GftRecordStats,
  perReason: GftEvaluation['perReason'],
  settings: GftSettings,
): string[] {
  return recordProblems(overall, perReason, {
    minSuccessRate: settings.suspendBelowSuccessRate,
    maxCounterNoticeRate: settings.maxCounterNoticeRate,
    purpose: 'stay enrolled',
    judgeAsAtLeast: settings.minDecided,
  });
}

/** Rate checks of the overall record, then of each checked reason code. */
function recordProblems(
  overall: GftRecordStats,
  perReason: GftEvaluation['perReason'],
  thresholds: RateThresholds,
): string[] {
  const problems = rateProblems(overall, '', thresholds);
  for (const reason of NOTICE_REASONS) {
    const stats = perReason[reason];
    // A reason code that makes up the whole record would only repeat the overall findings.
    if (!stats?.checked || stats.decided === overall.decided) continue;
    problems.push(...rateProblems(stats, ` for ${reason.replaceAll('_', ' ')} notices`, thresholds));
  }
  return problems;
}

interface RateThresholds {
  minSuccessRate: number;
  maxCounterNoticeRate: number;
  /** What passing the check allows, for the message: "qualify", "stay enrolled". */
  purpose: string;
  /** Judge a thinner record as if it had this many items, the missing ones valid. */
  judgeAsAtLeast?: number;
}

function rateProblems(stats: GftRecordStats, scope: string, thresholds: RateThresholds): string[] {
  if (stats.decided === 0) return [];
  const padding = Math.max(0, (thresholds.judgeAsAtLeast ?? 0) - stats.decided);
  const judgedDecided = stats.decided + padding;
  const successRate = (stats.valid + padding) / judgedDecided;
  const counterNoticeRate = stats.counterNoticed / judgedDecided;
  const problems: string[] = [];

  if (successRate < thresholds.minSuccessRate - TOLERANCE) {
    const actual = `Takedown success rate${scope} is ${formatRate(stats.valid / stats.decided)} (${stats.valid} of ${stats.decided} decided items valid)`;
    const judged =
      padding > 0 ? `; even with ${padding} more valid items it would be ${formatRate(successRate)}` : '';
    problems.push(
      `${actual}${judged}, below the ${formatRate(thresholds.minSuccessRate)} needed to ${thresholds.purpose}.`,
    );
  }
  if (counterNoticeRate > thresholds.maxCounterNoticeRate + TOLERANCE) {
    const actual = `Successful counter-notice rate${scope} is ${formatRate(stats.counterNoticed / stats.decided)} (${stats.counterNoticed} of ${stats.decided} decided items reinstated on appeal)`;
    const judged =
      padding > 0 ? `; even over ${judgedDecided} items it would be ${formatRate(counterNoticeRate)}` : '';
    problems.push(
      `${actual}${judged}, above the ${formatRate(thresholds.maxCounterNoticeRate)} allowed to ${thresholds.purpose}.`,
    );
  }
  return problems;
}

/** 0.9 → "90%", 0.8333… → "83.3%". */
const formatRate = (rate: number) => `${Number((rate * 100).toFixed(1))}%`;

/** "2025-04-01 12:00 UTC": the cooldown ends at an instant, not on a calendar day. */
const formatTime = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * The verdict a notice item counts as in the brand's record, from its state; null while undecided.
 * A removal overturned in a GFT audit counts as such whether or not the listing is back yet.
 */
export function decidedItemOutcome(item: { state: NoticeItemState; auditUpheld: boolean | null }): DecidedItemOutcome | null {
  switch (item.state) {
    case 'removed':
      return item.auditUpheld === false ? 'overturned_in_audit' : 'valid';
    case 'rejected':
      return 'rejected';
    case 'reinstated':
      return item.auditUpheld === false ? 'overturned_in_audit' : 'reinstated_on_appeal';
    case 'pending':
    case 'needs_info':
      return null;
  }
}
