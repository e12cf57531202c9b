import { precisionRecall } from '@jf/domain';
import { describe, expect, it } from 'vitest';
import { features, seededRandom } from './examples.testing';
import { FEATURE_NAMES } from './features';
import { scoreListing } from './scoring';
import { isHeldOut, trainLogisticRegression, type LabelledExample } from './training';

describe('isHeldOut', () => {
  const ids = Array.from({ length: 10_000 }, (_, i) => `label-${i}`);

  it('holds out about a fifth of the ids by default', () => {
    const share = ids.filter((id) => isHeldOut(id)).length / ids.length;
    expect(share).toBeGreaterThan(0.18);
    expect(share).toBeLessThan(0.22);
  });

  it('spreads UUID-like ids evenly too', () => {
    const random = seededRandom(7);
    const uuids = Array.from({ length: 10_000 }, () =>
      Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join(''),
    );
    const share = uuids.filter((id) => isHeldOut(id, 0.5)).length / uuids.length;
    expect(share).toBeGreaterThan(0.48);
    expect(share).toBeLessThan(0.52);
  });

  it('is stable, and a larger share keeps what a smaller one held out', () => {
    const first = ids.map((id) => isHeldOut(id));
    expect(ids.map((id) => isHeldOut(id))).toEqual(first);
    expect(isHeldOut('3f2a9c4e-1111-4b8e-9d3c-5a6b7c8d9e0f')).toBe(
      isHeldOut('3f2a9c4e-1111-4b8e-9d3c-5a6b7c8d9e0f'),
    );
    for (const id of ids.slice(0, 2000)) if (isHeldOut(id, 0.1)) expect(isHeldOut(id, 0.2)).toBe(true);
    expect(ids.some((id) => isHeldOut(id, 0))).toBe(false);
    expect(ids.every((id) => isHeldOut(id, 1))).toBe(true);
  });
});

/** Counterfeits: cheap and worded like counterfeits; genuine: near MSRP, no such words. Separable. */
function separable(): LabelledExample[] {
  const random = seededRandom(11);
  return Array.from({ length: 60 }, (_, i) => {
    const counterfeit = i % 3 !== 0;
    return {
      id: `ex-${i}`,
      counterfeit,
      features: features({
        suspiciousTerms: counterfeit ? 0.67 + random() * 0.33 : random() * 0.2,
        priceRatio: counterfeit ? 0.05 + random() * 0.3 : 0.8 + random() * 0.3,
        keywordMatch: 0.4 + random() * 0.6,
        sellerAge: random(),
      }),
    };
  });
}

describe('trainLogisticRegression', () => {
  it('learns a separable set perfectly, with weights of the expected signs', () => {
    const examples = separable();
    const weights = trainLogisticRegression(examples);
    const model = { version: 1, weights, thresholds: { removeAt: 0.5, askAt: 0.5 } };
    const quality = precisionRecall(
      examples.map((e) => ({ predicted: scoreListing(model, e.features) >= 0.5, actual: e.counterfeit })),
    );
    expect(quality.precision).toBe(1);
    expect(quality.recall).toBe(1);
    expect(weights.suspiciousTerms).toBeGreaterThan(0);
    expect(weights.priceRatio).toBeLessThan(0);
  });

  it('returns a finite weight for every feature and the bias', () => {
    const weights = trainLogisticRegression(separable());
    expect(Object.keys(weights).sort()).toEqual(['bias', ...FEATURE_NAMES].sort());
    for (const value of Object.values(weights)) expect(Number.isFinite(value)).toBe(true);
  });

  it('is deterministic', () => {
    expect(trainLogisticRegression(separable())).toEqual(trainLogisticRegression(separable()));
  });

  it('keeps weights small with a strong L2 penalty', () => {
    const loose = trainLogisticRegression(separable(), { l2: 0 });
    const tight = trainLogisticRegression(separable(), { l2: 1 });
    expect(Math.abs(tight.suspiciousTerms!)).toBeLessThan(Math.abs(loose.suspiciousTerms!) / 3);
  });

  it('raises the counterfeit scores of a rare class when balancing classes', () => {
    // 10 counterfeits among 100, with overlapping features: unbalanced training leans to "genuine".
    const random = seededRandom(5);
    const examples = Array.from({ length: 100 }, (_, i) => ({
      id: `imb-${i}`,
      counterfeit: i < 10,
      features: features({ suspiciousTerms: (i < 10 ? 0.3 : 0) + random() * 0.7 }),
    }));
    const plain = trainLogisticRegression(examples);
    const balanced = trainLogisticRegression(examples, { balanceClasses: true });
    const meanScore = (weights: Record<string, number>) =>
      examples.reduce(
        (sum, e) =>
          sum + scoreListing({ version: 1, weights, thresholds: { removeAt: 1, askAt: 1 } }, e.features),
        0,
      ) / examples.length;
    expect(meanScore(plain)).toBeLessThan(0.15);
    expect(meanScore(balanced)).toBeGreaterThan(0.35);
  });

  it('starts from initialWeights, and returns them with no examples or no iterations', () => {
    const initial = { bias: -2, suspiciousTerms: 3, unknown: 9 };
    const untouched = trainLogisticRegression(separable(), { iterations: 0, initialWeights: initial });
    expect(untouched).toMatchObject({ bias: -2, suspiciousTerms: 3, priceRatio: 0 });
    expect(untouched).not.toHaveProperty('unknown');
    expect(trainLogisticRegression([], { initialWeights: initial })).toMatchObject({
      bias: -2,
      suspiciousTerms: 3,
    });
    expect(Object.values(trainLogisticRegression([])).every((w) => w === 0)).toBe(true);
  });
});
