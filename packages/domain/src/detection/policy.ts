import type { AppealState, AuthAnswer, JointForcePhase, ListingStatus, RejectionCode } from '../model';
import { DAY_MS } from '../metrics/rolling-window';

const HOUR_MS = 60 * 60 * 1000;

/** Settings of proactive detection, stored under `detection` and editable by a platform admin. */
export interface DetectionSettings {
  /** Record what the scanner would do without removing anything or asking anyone. */
  dryRun: boolean;
  /** Hours a brand has to answer an authentication request. */
  authDueHours: number;
  /** Hours between scheduled retrainings; 0 turns the schedule off. */
  retrainEveryHours: number;
}
export const DEFAULT_DETECTION_SETTINGS: DetectionSettings = { dryRun: false, authDueHours: 72, retrainEveryHours: 24 };

export const authRequestDueAt = (createdAt: Date, settings: Pick<DetectionSettings, 'authDueHours'>): Date =>
  new Date(createdAt.getTime() + settings.authDueHours * HOUR_MS);

/** Only active brands in the authentication or joint-force phase have agreed to answer authentication requests. */
export const brandAnswersAuthRequests = (brand: { status: string; jointForcePhase: JointForcePhase }): boolean =>
  brand.status === 'active' && (brand.jointForcePhase === 'authentication' || brand.jointForcePhase === 'joint_force');

/** What the platform already knows about a listing that limits what detection may do with it. */
export interface ListingEnforcementState {
  status: ListingStatus;
  /** Detection found the brand product the listing resembles; without one there is no right to enforce. */
  resemblesProduct: boolean;
  /** A removal requested and not yet acknowledged or undone, or a notice item still open. */
  inProgress: boolean;
  /** An authentication request still waiting for the brand. */
  openRequest: boolean;
  /** The brand (or an appeal) already said this listing is genuine. */
  judgedGenuine: boolean;
  /** A request about it was created recently; the brand is not asked twice in a row. */
  askedRecently: boolean;
}

/**
 * Narrows the model's decision by what is already known: only live listings are acted on; what is in
 * progress is left alone; a listing judged genuine by a person is never removed or asked about again
 * by the machine; a reinstated listing (a person restored it) is at most asked about, never removed;
 * a listing that resembles no protected product is nobody's to enforce, however it scores.
 */
export function detectionActionFor(
  decision: 'remove' | 'ask' | 'none',
  state: ListingEnforcementState,
): 'remove' | 'ask' | 'none' {
  if (decision === 'none' || !state.resemblesProduct || state.status === 'removed' || state.inProgress || state.judgedGenuine || state.openRequest) return 'none';
  const ask = state.askedRecently ? 'none' : 'ask';
  if (decision === 'remove') return state.status === 'reinstated' ? ask : 'remove';
  return ask;
}

/** Requests about the same listing are not repeated within this many days. */
export const ASK_AGAIN_AFTER_DAYS = 30;
export const askedRecentlySince = (now: Date): Date => new Date(now.getTime() - ASK_AGAIN_AFTER_DAYS * DAY_MS);

/** Labels: what each kind of human judgement says about the listing (null: it says nothing). */
export const labelFromAuthAnswer = (answer: AuthAnswer): boolean | null =>
  answer === 'counterfeit' ? true : answer === 'genuine' ? false : null;

/**
 * A reviewer's removal confirms the brand; a rejection says the listing is genuine only when that is its
 * reason (insufficient evidence or a wrong right says nothing about the goods).
 */
export const labelFromReviewDecision = (decision: 'remove' | 'reject', rejectionCode: RejectionCode | null): boolean | null => {
  if (decision === 'remove') return true;
  return rejectionCode === 'listing_not_infringing' || rejectionCode === 'authorised_seller' ? false : null;
};

/** A GFT audit that upholds the removal confirms it; one that overturns it says the listing was genuine. */
export const labelFromGftAudit = (upheld: boolean): boolean => upheld;

/** An appeal ending in reinstatement says genuine, one upheld says counterfeit; open ones say nothing yet. */
export const labelFromAppealOutcome = (state: AppealState): boolean | null =>
  state === 'upheld' ? true : state === 'reinstated' ? false : null;
