import type { DetectionThresholds, LabelCounts } from '@jf/domain';
import {
  chooseThresholds,
  evaluateModel,
  shouldPromote,
  type ModelEvaluation,
  type ThresholdOptions,
} from './evaluation';
import { linearScore, sigmoid, type DetectionModel } from './scoring';
import {
  DEFAULT_HELD_OUT_SHARE,
  isHeldOut,
  trainLogisticRegression,
  type LabelledExample,
  type TrainingOptions,
} from './training';

export interface RetrainOptions extends Omit<TrainingOptions, 'initialWeights'>, ThresholdOptions {
  /** Share of labels held out (default 0.2). */
  heldOutShare?: number;
  /** Start training from the current model's weights (default false: from zeros). */
  warmStart?: boolean;
}

export interface RetrainResult {
  weights: Record<string, number>;
  thresholds: DetectionThresholds;
  /** The candidate on the held-out labels. */
  candidate: ModelEvaluation;
  /** The current model on the same held-out labels; null without a current model. */
  current: ModelEvaluation | null;
  decision: { promote: boolean; reason: string };
  /** All labels by class, and how many of them were held out. */
  labelCounts: LabelCounts;
}

/**
 * One retraining round of the feedback loop: train on the labels that are not held out, choose the
 * score bands on those same labels, then evaluate the candidate and the current model on the held-out
 * ones and decide whether to promote. Deterministic: the same labels give the same result.
 */
export function retrain(
  examples: readonly LabelledExample[],
  current: DetectionModel | null,
  options: RetrainOptions = {},
): RetrainResult {
  const { heldOutShare = DEFAULT_HELD_OUT_SHARE, warmStart = false, targetPrecision, askRecall } = options;
  const training: LabelledExample[] = [];
  const heldOut: LabelledExample[] = [];
  for (const example of examples) (isHeldOut(example.id, heldOutShare) ? heldOut : training).push(example);

  const weights = trainLogisticRegression(training, {
    iterations: options.iterations,
    learningRate: options.learningRate,
    l2: options.l2,
    balanceClasses: options.balanceClasses,
    initialWeights: warmStart && current ? current.weights : undefined,
  });
  const scored = training.map((example) => ({
    score: sigmoid(linearScore(weights, example.features)),
    counterfeit: example.counterfeit,
  }));
  const thresholds = chooseThresholds(scored, { targetPrecision, askRecall });

  const candidate = evaluateModel({ version: (current?.version ?? 0) + 1, weights, thresholds }, heldOut);
  const currentEvaluation = current ? evaluateModel(current, heldOut) : null;
  const counterfeit = examples.filter((example) => example.counterfeit).length;
  return {
    weights,
    thresholds,
    candidate,
    current: currentEvaluation,
    decision: shouldPromote(candidate, currentEvaluation),
    labelCounts: { counterfeit, genuine: examples.length - counterfeit, heldOut: heldOut.length },
  };
}
