export interface Prediction {
  /** The model said counterfeit (score at or above the removal threshold). */
  predicted: boolean;
  /** The label said counterfeit. */
  actual: boolean;
}

export interface PrecisionRecall {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  /** TP / (TP + FP); null when the model predicted no positives. */
  precision: number | null;
  /** TP / (TP + FN); null when the labels hold no positives. */
  recall: number | null;
  /** 2TP / (2TP + FP + FN), the harmonic mean of the two; null when there are no positives at all. */
  f1: number | null;
}

export function precisionRecall(predictions: readonly Prediction[]): PrecisionRecall {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let trueNegatives = 0;
  for (const { predicted, actual } of predictions) {
    if (predicted && actual) truePositives++;
    else if (predicted) falsePositives++;
    else if (actual) falseNegatives++;
    else trueNegatives++;
  }
  const ratio = (numerator: number, denominator: number) =>
    denominator === 0 ? null : numerator / denominator;
  return {
    truePositives,
    falsePositives,
    falseNegatives,
    trueNegatives,
    precision: ratio(truePositives, truePositives + falsePositives),
    recall: ratio(truePositives, truePositives + falseNegatives),
    // Written over counts rather than as 2PR / (P + R) so it stays defined (as 0) when precision is not.
    f1: ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives),
  };
}
