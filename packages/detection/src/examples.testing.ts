import { FEATURE_NAMES, type Features } from './features';
import type { LabelledExample } from './training';

/** Features with every value 0 except those given. */
export function features(values: Partial<Features> = {}): Features {
  const all = Object.fromEntries(FEATURE_NAMES.map((name) => [name, 0])) as Features;
  return { ...all, ...values };
}

/** Seeded PRNG (mulberry32), so test data is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Labels shaped like the demo world's: counterfeits are cheap, often worded like counterfeits and sold
 * by young sellers; genuine listings near MSRP from established sellers. `noise` blurs the two, and a
 * share of `wrongLabels` is labelled the wrong way, as brands sometimes answer.
 */
export function syntheticExamples(
  count: number,
  seed: number,
  noise = 0.4,
  wrongLabels = 0.03,
): LabelledExample[] {
  const random = seededRandom(seed);
  const jitter = (value: number, max = 1) => Math.min(max, Math.max(0, value + (random() - 0.5) * 2 * noise));
  return Array.from({ length: count }, (_, i) => {
    const counterfeit = random() < 0.5;
    return {
      id: `label-${seed}-${i}`,
      counterfeit: random() < wrongLabels ? !counterfeit : counterfeit,
      features: features({
        suspiciousTerms: counterfeit ? (random() < 0.8 ? jitter(0.67) : 0) : random() < 0.1 ? 0.33 : 0,
        officialTerms: counterfeit ? (random() < 0.15 ? 0.5 : 0) : random() < 0.7 ? jitter(0.75) : 0,
        keywordMatch: jitter(0.7),
        priceRatio: counterfeit ? jitter(0.2, 2) : jitter(0.95, 2),
        sellerAge: counterfeit ? jitter(0.45) : jitter(0.8),
        sellerStrikes: counterfeit && random() < 0.3 ? 0.2 : 0,
        relatedAccounts: counterfeit && random() < 0.4 ? 0.4 : 0,
        categoryMatch: 1,
        imageSimilarity: jitter(0.8),
      }),
    };
  });
}
