import { describe, expect, it } from 'vitest';
import { features } from './examples.testing';
import {
  decide,
  DEFAULT_THRESHOLDS,
  explainScore,
  scoreListing,
  sigmoid,
  type DetectionModel,
} from './scoring';

const model = (weights: Record<string, number>): DetectionModel => ({
  version: 1,
  weights,
  thresholds: DEFAULT_THRESHOLDS,
});

describe('scoreListing', () => {
  it('is the sigmoid of the bias plus the weighted features', () => {
    const weights = { bias: -1, suspiciousTerms: 2, priceRatio: -1, imageSimilarity: 0.5 };
    const values = features({ suspiciousTerms: 1, priceRatio: 0.5, imageSimilarity: 0.8, sellerAge: 1 });
    // -1 + 2·1 - 1·0.5 + 0.5·0.8 = 0.9; sellerAge has no weight.
    expect(scoreListing(model(weights), values)).toBeCloseTo(1 / (1 + Math.exp(-0.9)), 12);
  });

  it('counts missing weights as 0 and ignores weights that are not features', () => {
    expect(scoreListing(model({}), features({ suspiciousTerms: 1 }))).toBe(0.5);
    expect(
      scoreListing(model({ bias: 0, retired: 100, features: 3 }), features({ suspiciousTerms: 1 })),
    ).toBe(0.5);
    expect(scoreListing(model({ suspiciousTerms: Number.NaN }), features({ suspiciousTerms: 1 }))).toBe(0.5);
  });

  it('stays in [0, 1] and finite for extreme log-odds', () => {
    expect(scoreListing(model({ bias: 1000 }), features())).toBe(1);
    expect(scoreListing(model({ bias: -1000 }), features())).toBe(0);
    expect(sigmoid(-745.2)).toBeGreaterThanOrEqual(0);
  });
});

describe('explainScore', () => {
  const weights = { bias: -3, suspiciousTerms: 2.9, priceRatio: -2.4, imageSimilarity: 2.2, sellerAge: -0.6 };
  const values = features({ suspiciousTerms: 1, priceRatio: 0.25, imageSimilarity: 0.9, sellerAge: 0.5 });

  it('lists each feature with its contribution, largest first', () => {
    const signals = explainScore(model(weights), values);
    expect(signals).toHaveLength(10);
    expect(signals.slice(0, 2)).toEqual([
      { feature: 'suspiciousTerms', value: 1, contribution: 2.9 },
      { feature: 'imageSimilarity', value: 0.9, contribution: 2.2 * 0.9 },
    ]);
    expect(signals.slice(-2).map((s) => s.feature)).toEqual(['sellerAge', 'priceRatio']);
    expect(signals.at(-1)?.contribution).toBeCloseTo(-0.6, 12);
    const contributions = signals.map((s) => s.contribution);
    expect(contributions).toEqual([...contributions].sort((a, b) => b - a));
  });

  it('keeps at most `limit` signals', () => {
    expect(explainScore(model(weights), values, 1).map((s) => s.feature)).toEqual(['suspiciousTerms']);
    expect(explainScore(model(weights), values, 0)).toEqual([]);
  });

  it('sums, with the bias, to the log-odds of the score', () => {
    const total = explainScore(model(weights), values).reduce((sum, s) => sum + s.contribution, weights.bias);
    expect(sigmoid(total)).toBeCloseTo(scoreListing(model(weights), values), 12);
  });
});

describe('decide', () => {
  const thresholds = { removeAt: 0.85, askAt: 0.5 };
  const answering = { allowlisted: false, brandAnswersRequests: true };

  it('removes at or above removeAt, asks from askAt up to it, otherwise nothing', () => {
    expect(decide(0.99, thresholds, answering)).toBe('remove');
    expect(decide(0.85, thresholds, answering)).toBe('remove');
    expect(decide(0.8499, thresholds, answering)).toBe('ask');
    expect(decide(0.5, thresholds, answering)).toBe('ask');
    expect(decide(0.4999, thresholds, answering)).toBe('none');
    expect(decide(Number.NaN, thresholds, answering)).toBe('none');
  });

  it('never removes nor asks about an allowlisted seller', () => {
    const allowlisted = { allowlisted: true, brandAnswersRequests: true };
    expect(decide(0.99, thresholds, allowlisted)).toBe('none');
    expect(decide(0.6, thresholds, allowlisted)).toBe('none');
  });

  it('asks nothing of a brand that does not answer requests, but still removes', () => {
    const silent = { allowlisted: false, brandAnswersRequests: false };
    expect(decide(0.6, thresholds, silent)).toBe('none');
    expect(decide(0.9, thresholds, silent)).toBe('remove');
  });
});
