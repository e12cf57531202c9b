import { describe, expect, it } from 'vitest';
import { precisionRecall, type Prediction } from './detection-quality';

const repeat = (count: number, prediction: Prediction) => Array.from({ length: count }, () => prediction);

describe('precisionRecall', () => {
  it('computes precision, recall and f1 from the confusion counts', () => {
    const predictions = [
      ...repeat(8, { predicted: true, actual: true }),
      ...repeat(2, { predicted: true, actual: false }),
      ...repeat(4, { predicted: false, actual: true }),
      ...repeat(86, { predicted: false, actual: false }),
    ];
    const result = precisionRecall(predictions);
    expect(result).toMatchObject({
      truePositives: 8,
      falsePositives: 2,
      falseNegatives: 4,
      trueNegatives: 86,
    });
    expect(result.precision).toBeCloseTo(8 / 10, 12);
    expect(result.recall).toBeCloseTo(8 / 12, 12);
    // 2·0.8·(2/3) / (0.8 + 2/3) = 16 / 22
    expect(result.f1).toBeCloseTo(16 / 22, 12);
  });

  it('has no precision when nothing was predicted positive, and f1 is then 0', () => {
    const result = precisionRecall(repeat(3, { predicted: false, actual: true }));
    expect(result).toMatchObject({ precision: null, recall: 0, f1: 0 });
  });

  it('is all null without any positives', () => {
    const result = precisionRecall(repeat(5, { predicted: false, actual: false }));
    expect(result).toMatchObject({ precision: null, recall: null, f1: null, trueNegatives: 5 });
    expect(precisionRecall([])).toMatchObject({ precision: null, recall: null, f1: null });
  });

  it('is perfect when every prediction matches', () => {
    const result = precisionRecall([
      { predicted: true, actual: true },
      { predicted: false, actual: false },
    ]);
    expect(result).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });
});
