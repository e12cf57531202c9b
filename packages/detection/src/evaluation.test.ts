import { precisionRecall } from '@jf/domain';
import { describe, expect, it } from 'vitest';
import { chooseThresholds, evaluateModel, shouldPromote, type ModelEvaluation } from './evaluation';
import { features } from './examples.testing';
import { DEFAULT_THRESHOLDS, scoreListing, type DetectionModel } from './scoring';
import type { LabelledExample } from './training';

const counterfeit = (score: number) => ({ score, counterfeit: true });
const genuine = (score: number) => ({ score, counterfeit: false });

describe('chooseThresholds', () => {
  // From the top: 0.95 C, 0.9 C, 0.88 G, 0.85 C, 0.8 C, 0.7 C, 0.65 G, 0.6 C, 0.5 G, 0.4 G, 0.3 C, 0.2 G, 0.1 G.
  // Precision when removing at each score: 1, 1, 2/3, 3/4, 4/5, 5/6, 5/7, 6/8, 6/9, 6/10, 7/11, 7/12, 7/13.
  const scored = [
    ...[0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.3].map(counterfeit),
    ...[0.88, 0.65, 0.5, 0.4, 0.2, 0.1].map(genuine),
  ];

  it('removes at the lowest score whose precision reaches the target', () => {
    // 0.95 precision: only at 0.95 and 0.9. 98% of 7 counterfeits = all 7: the lowest, 0.3.
    expect(chooseThresholds(scored)).toEqual({ removeAt: 0.9, askAt: 0.3 });
    // 0.8 precision: reached at 0.8 and, lower still, at 0.7 (5/6), though not at 0.85 in between.
    // 80% of 7 counterfeits = 5.6, so 6 must score at least askAt: the sixth highest is 0.6.
    expect(chooseThresholds(scored, { targetPrecision: 0.8, askRecall: 0.8 })).toEqual({
      removeAt: 0.7,
      askAt: 0.6,
    });
  });

  it('never puts askAt above removeAt', () => {
    expect(chooseThresholds(scored, { targetPrecision: 0.8, askRecall: 0.5 })).toEqual({
      removeAt: 0.7,
      askAt: 0.7,
    });
  });

  it('removes nothing when no score reaches the target precision', () => {
    const noisy = [
      ...[0.9, 0.5, 0.4, 0.3, 0.2].map(counterfeit),
      ...[0.95, 0.8, 0.6, 0.45, 0.1].map(genuine),
    ];
    expect(chooseThresholds(noisy).removeAt).toBe(1);
    expect(chooseThresholds(noisy).askAt).toBe(0.2);
  });

  it('keeps the floors when the labels would allow removing at a low score', () => {
    const easy = [
      ...[0.45, 0.4, 0.35, 0.3, 0.25].map(counterfeit),
      ...[0.05, 0.04, 0.03, 0.02, 0.01].map(genuine),
    ];
    expect(chooseThresholds(easy)).toEqual({ removeAt: 0.5, askAt: 0.25 });
    const low = [...[0.9, 0.8, 0.7, 0.6, 0.05].map(counterfeit), ...[0.04, 0.03, 0.02, 0.01, 0].map(genuine)];
    expect(chooseThresholds(low).askAt).toBe(0.1);
  });

  it('falls back to the defaults with fewer than five labels of a class', () => {
    expect(chooseThresholds([])).toEqual(DEFAULT_THRESHOLDS);
    const fewGenuine = [...[0.9, 0.8, 0.7, 0.6, 0.5].map(counterfeit), ...[0.1, 0.2, 0.3, 0.4].map(genuine)];
    expect(chooseThresholds(fewGenuine)).toEqual(DEFAULT_THRESHOLDS);
  });
});

describe('evaluateModel', () => {
  // Scores are sigmoid(4·suspiciousTerms - 2): 0 → 0.119, 0.5 → 0.5, 0.75 → 0.731, 1 → 0.881.
  const model: DetectionModel = {
    version: 3,
    weights: { bias: -2, suspiciousTerms: 4 },
    thresholds: { removeAt: 0.85, askAt: 0.5 },
  };
  const example = (id: string, suspiciousTerms: number, isCounterfeit: boolean): LabelledExample => ({
    id,
    counterfeit: isCounterfeit,
    features: features({ suspiciousTerms }),
  });
  const examples = [
    example('a', 1, true),
    example('b', 1, true),
    example('c', 1, false),
    example('d', 0.75, true),
    example('e', 0.5, false),
    example('f', 0, true),
    example('g', 0, false),
    example('h', 0, false),
  ];

  it('measures "remove at removeAt" with precisionRecall of @jf/domain', () => {
    const expected = precisionRecall(
      examples.map((e) => ({ predicted: scoreListing(model, e.features) >= 0.85, actual: e.counterfeit })),
    );
    const evaluation = evaluateModel(model, examples);
    expect(evaluation).toMatchObject({
      precision: expected.precision,
      recall: expected.recall,
      f1: expected.f1,
    });
    // Removed: a, b, c (2 right, 1 wrong); missed: d, f.
    expect(evaluation.precision).toBeCloseTo(2 / 3, 12);
    expect(evaluation.recall).toBeCloseTo(2 / 4, 12);
    expect(evaluation.f1).toBeCloseTo(4 / 7, 12);
    // d and e fall in [0.5, 0.85): asked about.
    expect(evaluation).toMatchObject({ askRate: 2 / 8, examples: 8, positives: 4 });
  });

  it('has no precision when nothing is removed, and nothing to ask about without examples', () => {
    const strict = { ...model, thresholds: { removeAt: 0.99, askAt: 0.9 } };
    expect(evaluateModel(strict, examples)).toMatchObject({ precision: null, recall: 0, f1: 0, askRate: 0 });
    expect(evaluateModel(model, [])).toEqual({
      precision: null,
      recall: null,
      f1: null,
      askRate: 0,
      examples: 0,
      positives: 0,
    });
  });
});

describe('shouldPromote', () => {
  const evaluation = (values: Partial<ModelEvaluation>): ModelEvaluation => ({
    precision: 0.95,
    recall: 0.8,
    f1: 0.87,
    askRate: 0.1,
    examples: 200,
    positives: 90,
    ...values,
  });
  const current = evaluation({});

  it('promotes a candidate with a higher F1 and no loss of precision', () => {
    const decision = shouldPromote(evaluation({ precision: 0.96, recall: 0.85, f1: 0.9 }), current);
    expect(decision.promote).toBe(true);
    expect(decision.reason).toMatch(/F1 0\.900 beats 0\.870/);
  });

  it('allows a precision loss of up to 0.01 for a higher F1', () => {
    expect(shouldPromote(evaluation({ precision: 0.941, f1: 0.88 }), current).promote).toBe(true);
    const decision = shouldPromote(evaluation({ precision: 0.939, f1: 0.88 }), current);
    expect(decision.promote).toBe(false);
    expect(decision.reason).toMatch(/Precision 0\.939 is below 0\.940/);
  });

  it('does not promote a worse or equal F1', () => {
    const worse = shouldPromote(evaluation({ precision: 0.99, f1: 0.85 }), current);
    expect(worse.promote).toBe(false);
    expect(worse.reason).toMatch(/F1 0\.850 is not higher than the current model's 0\.870/);
    expect(shouldPromote(current, current).promote).toBe(false);
  });

  it('is not held back by a current model that is precise only because it removes almost nothing', () => {
    const timid = evaluation({ precision: 1, recall: 0.06, f1: 0.11 });
    expect(shouldPromote(evaluation({ precision: 0.956, recall: 0.95, f1: 0.953 }), timid).promote).toBe(true);
    const belowTarget = shouldPromote(evaluation({ precision: 0.94, recall: 0.97, f1: 0.955 }), timid);
    expect(belowTarget.promote).toBe(false);
    expect(belowTarget.reason).toMatch(/target of 0\.950/);
  });

  it('never promotes below the precision floor, however much F1 rises', () => {
    const weakCurrent = evaluation({ precision: 0.85, recall: 0.5, f1: 0.63 });
    const decision = shouldPromote(evaluation({ precision: 0.89, recall: 0.9, f1: 0.89 }), weakCurrent);
    expect(decision.promote).toBe(false);
    expect(decision.reason).toMatch(/floor of 0\.900/);
  });

  it('promotes a first model with enough held-out labels and a defined F1', () => {
    expect(shouldPromote(evaluation({}), null)).toMatchObject({
      promote: true,
      reason: expect.stringMatching(/First model/),
    });
    const few = shouldPromote(evaluation({ examples: 19 }), null);
    expect(few.promote).toBe(false);
    expect(few.reason).toMatch(/Only 19 held-out labels/);
    expect(
      shouldPromote(evaluation({ f1: null, precision: null, recall: null, positives: 0 }), null).promote,
    ).toBe(false);
  });

  it('refuses to compare models evaluated on different labels', () => {
    expect(shouldPromote(evaluation({ f1: 0.95, examples: 300 }), current).promote).toBe(false);
  });
});
