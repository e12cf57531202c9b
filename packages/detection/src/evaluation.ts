import { precisionRecall, type DetectionMetrics, type DetectionThresholds } from '@jf/domain';
import { DEFAULT_THRESHOLDS, scoreListing, type DetectionModel } from './scoring';
import type { LabelledExample } from './training';

/** Below this many labels of either class, thresholds are not chosen from the data. */
const MIN_EXAMPLES_PER_CLASS = 5;
/**
 * Labels come from listings that were already suspicious, so they under-represent the mass of innocent
 * listings; these floors keep a skewed label set from switching proactive removal on for half the market.
 */
export const MIN_REMOVE_AT = 0.5;
export const MIN_ASK_AT = 0.1;
/** A new model must have at least this many held-out labels to be judged on. */
export const MIN_HELD_OUT = 20;
/** A new model may lose at most this much precision against the current one (for a better F1)… */
export const PRECISION_TOLERANCE = 0.01;
/** …and never fall below this precision: a wrong proactive removal hurts a real seller. */
export const PRECISION_FLOOR = 0.9;
/**
 * A candidate that reaches this precision is never held back by a current model's higher one: a model
 * that removes almost nothing, all of it counterfeit (precision 1, recall 0.06), must not block every
 * successor that removes far more at the product's target precision.
 */
export const PROMOTION_PRECISION_TARGET = 0.95;

export interface ThresholdOptions {
  /** Precision the removal band must reach (default 0.95). */
  targetPrecision?: number;
  /** Share of counterfeits that must score at least askAt, removed or asked about (default 0.98). */
  askRecall?: number;
}

/**
 * Score bands from scored labels. removeAt is the lowest score at which removing everything scoring at
 * least that reaches targetPrecision (1, removing nothing, when no score does); askAt is the highest
 * score ≤ removeAt at which askRecall of the counterfeits still score at least askAt. With fewer than 5
 * labels of either class this falls back to DEFAULT_THRESHOLDS; removeAt is at least 0.5, askAt at
 * least 0.1.
 */
export function chooseThresholds(
  scored: readonly { score: number; counterfeit: boolean }[],
  options: ThresholdOptions = {},
): DetectionThresholds {
  const { targetPrecision = 0.95, askRecall = 0.98 } = options;
  const valid = scored.filter((s) => Number.isFinite(s.score));
  const positives = valid.filter((s) => s.counterfeit).length;
  if (positives < MIN_EXAMPLES_PER_CLASS || valid.length - positives < MIN_EXAMPLES_PER_CLASS) {
    return { ...DEFAULT_THRESHOLDS };
  }

  // Walk the distinct scores from the top, counting what "remove at this score" would remove.
  const byScore = [...valid].sort((a, b) => b.score - a.score);
  let removeAt = 1;
  let truePositives = 0;
  let flagged = 0;
  for (let i = 0; i < byScore.length;) {
    const threshold = byScore[i]!.score;
    for (; i < byScore.length && byScore[i]!.score === threshold; i++) {
      flagged++;
      if (byScore[i]!.counterfeit) truePositives++;
    }
    if (truePositives / flagged >= targetPrecision) removeAt = threshold;
  }
  removeAt = Math.max(removeAt, MIN_REMOVE_AT);

  const counterfeitScores = byScore.filter((s) => s.counterfeit).map((s) => s.score);
  const needed = Math.min(Math.max(Math.ceil(askRecall * positives - 1e-9), 1), positives);
  const askAt = Math.min(Math.max(counterfeitScores[needed - 1]!, MIN_ASK_AT), removeAt);
  return { removeAt, askAt };
}

export interface ModelEvaluation extends DetectionMetrics {
  /** Share of the examples in the ask band [askAt, removeAt): the brands' workload. */
  askRate: number;
  examples: number;
  /** Counterfeit labels among the examples. */
  positives: number;
}

/** Precision, recall and F1 of "remove at removeAt" on the examples (precisionRecall of @jf/domain). */
export function evaluateModel(model: DetectionModel, examples: readonly LabelledExample[]): ModelEvaluation {
  const { removeAt, askAt } = model.thresholds;
  let asked = 0;
  const predictions = examples.map((example) => {
    const score = scoreListing(model, example.features);
    if (score >= askAt && score < removeAt) asked++;
    return { predicted: score >= removeAt, actual: example.counterfeit };
  });
  const { precision, recall, f1 } = precisionRecall(predictions);
  return {
    precision,
    recall,
    f1,
    askRate: examples.length === 0 ? 0 : asked / examples.length,
    examples: examples.length,
    positives: predictions.filter((p) => p.actual).length,
  };
}

const format = (value: number | null): string => (value === null ? 'n/a' : value.toFixed(3));
/** Differences smaller than this are rounding, not a better model. */
const EPSILON = 1e-9;

/**
 * Whether a candidate replaces the current model, judged on the same held-out labels: it needs at
 * least 20 of them, a higher F1, and precision not below max(current precision - 0.01, 0.9). With no
 * current model it needs the 20 labels and a defined F1. The reason is in words either way.
 */
export function shouldPromote(
  candidate: ModelEvaluation,
  current: ModelEvaluation | null,
): { promote: boolean; reason: string } {
  const keep = (reason: string) => ({ promote: false, reason });
  if (candidate.examples < MIN_HELD_OUT) {
    return keep(
      `Only ${candidate.examples} held-out labels; at least ${MIN_HELD_OUT} are needed to judge a model.`,
    );
  }
  if (candidate.f1 === null) {
    return keep('F1 is undefined on the held-out labels: none is counterfeit and the model removed none.');
  }
  if (current === null) {
    return {
      promote: true,
      reason: `First model: F1 ${format(candidate.f1)}, precision ${format(candidate.precision)}, recall ${format(candidate.recall)} on ${candidate.examples} held-out labels.`,
    };
  }
  if (current.examples !== candidate.examples || current.positives !== candidate.positives) {
    return keep(
      `The models were evaluated on different labels (${candidate.examples} vs ${current.examples}); they cannot be compared.`,
    );
  }
  if (current.f1 !== null && candidate.f1 <= current.f1 + EPSILON) {
    return keep(`F1 ${format(candidate.f1)} is not higher than the current model's ${format(current.f1)}.`);
  }
  const precisionBound = Math.max(Math.min((current.precision ?? 0) - PRECISION_TOLERANCE, PROMOTION_PRECISION_TARGET), PRECISION_FLOOR);
  const precision = candidate.precision ?? 0;
  if (precision < precisionBound - EPSILON) {
    const why =
      precisionBound === PRECISION_FLOOR
        ? `the floor of ${format(PRECISION_FLOOR)}`
        : precisionBound === PROMOTION_PRECISION_TARGET
          ? `the target of ${format(PROMOTION_PRECISION_TARGET)}`
          : `${format(precisionBound)} (the current model's ${format(current.precision)} less ${PRECISION_TOLERANCE})`;
    return keep(
      `Precision ${format(candidate.precision)} is below ${why}, although F1 rose to ${format(candidate.f1)}.`,
    );
  }
  return {
    promote: true,
    reason: `F1 ${format(candidate.f1)} beats ${format(current.f1)} and precision ${format(candidate.precision)} holds (current ${format(current.precision)}) on the same ${candidate.examples} held-out labels.`,
  };
}
