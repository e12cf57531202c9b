import { describe, expect, it } from 'vitest';
import { evaluateModel } from './evaluation';
import { syntheticExamples } from './examples.testing';
import { retrain } from './retrain';
import type { DetectionModel } from './scoring';
import { isHeldOut } from './training';

const examples = syntheticExamples(600, 1);
const heldOut = examples.filter((e) => isHeldOut(e.id));

/** The demo world's first model: price and wording only. */
const oldModel: DetectionModel = {
  version: 1,
  weights: { bias: -2.5, priceRatio: -2.0, suspiciousTerms: 2.4, keywordMatch: 1.5, imageSimilarity: 1.6 },
  thresholds: { removeAt: 0.85, askAt: 0.5 },
};
/** A model that has it backwards. */
const backwards: DetectionModel = {
  version: 1,
  weights: { bias: 0, priceRatio: 2, suspiciousTerms: -2 },
  thresholds: { removeAt: 0.6, askAt: 0.4 },
};

describe('retrain', () => {
  const result = retrain(examples, null);

  it('trains a candidate that separates the synthetic labels well and promotes it as the first model', () => {
    expect(result.candidate.precision).toBeGreaterThan(0.9);
    expect(result.candidate.recall).toBeGreaterThan(0.8);
    expect(result.weights.priceRatio).toBeLessThan(0);
    expect(result.weights.suspiciousTerms).toBeGreaterThan(0);
    expect(result.decision).toMatchObject({ promote: true, reason: expect.stringMatching(/First model/) });
    expect(result.current).toBeNull();
    expect(result.thresholds.askAt).toBeLessThanOrEqual(result.thresholds.removeAt);
  });

  it('is deterministic: the same labels give the same result', () => {
    expect(retrain(syntheticExamples(600, 1), null)).toEqual(result);
  });

  it('counts labels by class and evaluates on the held-out ones only', () => {
    const counterfeit = examples.filter((e) => e.counterfeit).length;
    expect(result.labelCounts).toEqual({
      counterfeit,
      genuine: examples.length - counterfeit,
      heldOut: heldOut.length,
    });
    expect(heldOut.length).toBeGreaterThan(90);
    expect(heldOut.length).toBeLessThan(150);
    expect(result.candidate.examples).toBe(heldOut.length);
    expect(result.candidate).toEqual(
      evaluateModel({ version: 1, weights: result.weights, thresholds: result.thresholds }, heldOut),
    );
  });

  it('does not train on held-out labels', () => {
    // Flipping every held-out label changes the evaluation, but not the weights.
    const flipped = examples.map((e) => (isHeldOut(e.id) ? { ...e, counterfeit: !e.counterfeit } : e));
    const other = retrain(flipped, null);
    expect(other.weights).toEqual(result.weights);
    expect(other.thresholds).toEqual(result.thresholds);
    expect(other.candidate).not.toEqual(result.candidate);
  });

  it('evaluates the current model on the same held-out labels and promotes only a better candidate', () => {
    const againstBackwards = retrain(examples, backwards);
    expect(againstBackwards.current).toEqual(evaluateModel(backwards, heldOut));
    expect(againstBackwards.decision.promote).toBe(true);

    const incumbent: DetectionModel = { version: 2, weights: result.weights, thresholds: result.thresholds };
    const againstItself = retrain(examples, incumbent);
    expect(againstItself.weights).toEqual(result.weights);
    expect(againstItself.decision).toMatchObject({
      promote: false,
      reason: expect.stringMatching(/not higher/),
    });
  });

  it('replaces a current model that is precise only because it removes almost nothing, when the candidate reaches the target precision', () => {
    // The demo world's first model removes little, all of it counterfeit: precision 1, recall low.
    const againstOld = retrain(examples, oldModel);
    expect(againstOld.current?.precision).toBe(1);
    expect(againstOld.candidate.f1).toBeGreaterThan((againstOld.current?.f1 ?? 1) + 0.5);
    expect(againstOld.candidate.precision).toBeLessThan(0.99);
    expect(againstOld.candidate.precision).toBeGreaterThanOrEqual(0.95);
    expect(againstOld.decision).toMatchObject({ promote: true, reason: expect.stringMatching(/beats/) });
  });

  it('can warm-start from the current model and still be deterministic', () => {
    const warm = retrain(examples, oldModel, { warmStart: true, iterations: 200 });
    expect(retrain(examples, oldModel, { warmStart: true, iterations: 200 })).toEqual(warm);
    expect(warm.weights).not.toEqual(retrain(examples, oldModel, { iterations: 200 }).weights);
  });

  it('does not promote anything trained on too few labels', () => {
    const tiny = retrain(syntheticExamples(40, 2), null);
    expect(tiny.decision.promote).toBe(false);
    expect(tiny.decision.reason).toMatch(/held-out labels/);
  });
});
