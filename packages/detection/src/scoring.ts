import type { DetectionThresholds } from '@jf/domain';
import { FEATURE_NAMES, type FeatureName, type Features } from './features';

/** A version of the model: weights by feature name plus `bias`, and its score bands. */
export interface DetectionModel {
  version: number;
  weights: Readonly<Record<string, number>>;
  thresholds: DetectionThresholds;
}

/** The bands used before any model has chosen its own (the demo world's too). */
export const DEFAULT_THRESHOLDS: DetectionThresholds = { removeAt: 0.85, askAt: 0.5 };

/** A weight that is missing (or not a finite number) counts as 0. */
const weightOf = (weights: Readonly<Record<string, number>>, name: string): number => {
  const weight = weights[name];
  return weight !== undefined && Number.isFinite(weight) ? weight : 0;
};

export function sigmoid(z: number): number {
  // Split by sign so that exp never overflows.
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** The log-odds: weights.bias + Σ weights[f]·features[f]. */
export function linearScore(weights: Readonly<Record<string, number>>, features: Features): number {
  let z = weightOf(weights, 'bias');
  for (const name of FEATURE_NAMES) z += weightOf(weights, name) * features[name];
  return z;
}

/**
 * The probability that the listing is counterfeit: sigmoid(weights.bias + Σ weights[f]·features[f]).
 * Weights missing for a feature count as 0; weight names that are not features are ignored.
 */
export function scoreListing(model: DetectionModel, features: Features): number {
  return sigmoid(linearScore(model.weights, features));
}

export interface ScoreSignal {
  feature: FeatureName;
  value: number;
  /** weight · value: how far the feature moved the log-odds (positive: towards counterfeit). */
  contribution: number;
}

/**
 * The signals to show a brand: each feature's contribution to the log-odds, largest first (most
 * suspicious first; ties in feature order), at most `limit` of them.
 */
export function explainScore(
  model: DetectionModel,
  features: Features,
  limit: number = FEATURE_NAMES.length,
): ScoreSignal[] {
  const signals = FEATURE_NAMES.map((feature) => ({
    feature,
    value: features[feature],
    contribution: weightOf(model.weights, feature) * features[feature],
  }));
  // Array.prototype.sort is stable, so equal contributions keep FEATURE_NAMES order.
  signals.sort((a, b) => b.contribution - a.contribution);
  return signals.slice(0, Math.max(0, limit));
}

export type DetectionDecision = 'remove' | 'ask' | 'none';

/**
 * What to do with a score: remove at or above removeAt, ask the brand from askAt up to removeAt,
 * otherwise nothing. Allowlisted sellers are never removed nor asked about; in the uncertain band a brand
 * that does not answer authentication requests gets nothing (a request nobody answers only expires).
 */
export function decide(
  score: number,
  thresholds: DetectionThresholds,
  options: { allowlisted: boolean; brandAnswersRequests: boolean },
): DetectionDecision {
  if (options.allowlisted || Number.isNaN(score)) return 'none';
  if (score >= thresholds.removeAt) return 'remove';
  if (score >= thresholds.askAt && options.brandAnswersRequests) return 'ask';
  return 'none';
}
