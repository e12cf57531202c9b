import type { GftStatus } from '../model';
import type { GftSettings } from '../policy/gft';

/** What is waiting on an account manager for one brand. */
export interface BrandWorkload {
  brandId: string;
  brandName: string;
  gftStatus: GftStatus;
  /** Rolling success rate (valid / decided); null before anything was decided. */
  accuracy: number | null;
  openNoticeItems: number;
  overdueAuthRequests: number;
  pendingAppeals: number;
  unreadThreads: number;
  /** Items rejected in the last `RECENT_REJECTION_DAYS` days. */
  recentRejections: number;
}

export const RECENT_REJECTION_DAYS = 7;
/** An enrolled brand this close above the suspension line is warned about before it falls through. */
export const GFT_AT_RISK_MARGIN = 0.03;

export const ATTENTION_REASONS = [
  'gft_at_risk',
  'unread_messages',
  'overdue_auth_requests',
  'pending_appeals',
  'recent_rejections',
  'open_notice_items',
] as const;
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

/** A brand whose fast track is in danger: enrolled and at or under the suspension line plus a margin. */
export function gftAtRisk(workload: Pick<BrandWorkload, 'gftStatus' | 'accuracy'>, settings: Pick<GftSettings, 'suspendBelowSuccessRate'>): boolean {
  if (workload.gftStatus !== 'enrolled' || workload.accuracy === null) return false;
  return workload.accuracy < settings.suspendBelowSuccessRate + GFT_AT_RISK_MARGIN;
}

/**
 * Weights in the order an account manager should act: a brand about to lose the fast track or
 * waiting for an answer outranks routine backlog. Counts are capped so one large backlog cannot
 * bury a brand with an urgent, small problem.
 */
const WEIGHTS: Record<AttentionReason, number> = {
  gft_at_risk: 1000,
  unread_messages: 100,
  overdue_auth_requests: 60,
  pending_appeals: 40,
  recent_rejections: 10,
  open_notice_items: 1,
};
const COUNT_CAP = 9;

export interface BrandAttention extends BrandWorkload {
  score: number;
  reasons: AttentionReason[];
  gftAtRisk: boolean;
}

export function brandAttention(workload: BrandWorkload, settings: Pick<GftSettings, 'suspendBelowSuccessRate'>): BrandAttention {
  const atRisk = gftAtRisk(workload, settings);
  const counts: Record<AttentionReason, number> = {
    gft_at_risk: atRisk ? 1 : 0,
    unread_messages: workload.unreadThreads,
    overdue_auth_requests: workload.overdueAuthRequests,
    pending_appeals: workload.pendingAppeals,
    recent_rejections: workload.recentRejections,
    open_notice_items: workload.openNoticeItems,
  };
  const reasons = ATTENTION_REASONS.filter((reason) => counts[reason] > 0);
  const score = reasons.reduce((sum, reason) => sum + WEIGHTS[reason] * Math.min(counts[reason], COUNT_CAP), 0);
  return { ...workload, score, reasons, gftAtRisk: atRisk };
}

/** Most urgent first; ties by name so the order is stable between visits. */
export function rankByAttention(workloads: readonly BrandWorkload[], settings: Pick<GftSettings, 'suspendBelowSuccessRate'>): BrandAttention[] {
  return workloads
    .map((workload) => brandAttention(workload, settings))
    .sort((a, b) => b.score - a.score || a.brandName.localeCompare(b.brandName));
}
