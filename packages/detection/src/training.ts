import { FEATURE_NAMES, type Features } from './features';
import { sigmoid } from './scoring';

/** A label: a brand's answer, a GFT audit or an appeal outcome about one listing, with its features. */
export interface LabelledExample {
  /** Stable per labelled listing: it decides the held-out split. */
  id: string;
  features: Features;
  counterfeit: boolean;
}

/** Share of labels kept out of training to measure a model on. */
export const DEFAULT_HELD_OUT_SHARE = 0.2;

/** FNV-1a over the UTF-16 code units, then murmur3's finaliser so that similar ids spread evenly. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * Whether a label is held out: decided by a hash of its id alone, so the same labels are held out on
 * every run and a label never moves between training and evaluation as more labels arrive.
 */
export function isHeldOut(id: string, share: number = DEFAULT_HELD_OUT_SHARE): boolean {
  return hash32(id) / 0x1_0000_0000 < share;
}

export interface TrainingOptions {
  /** Full-batch Adam steps (default 1500). */
  iterations?: number;
  /** Adam step size (default 0.05). */
  learningRate?: number;
  /** L2 penalty on the feature weights, not the bias (default 0.001). */
  l2?: number;
  /** Weigh each class as if both were equally common (default false). */
  balanceClasses?: boolean;
  /** Start from these weights (e.g. the current model's) instead of zeros; unknown names are ignored. */
  initialWeights?: Readonly<Record<string, number>>;
}

const ADAM_BETA1 = 0.9;
const ADAM_BETA2 = 0.999;
const ADAM_EPSILON = 1e-8;

/**
 * L2-regularised logistic regression by full-batch Adam: no sampling, so the same examples always give
 * the same weights. Returns a weight for every feature and `bias`.
 */
export function trainLogisticRegression(
  examples: readonly LabelledExample[],
  options: TrainingOptions = {},
): Record<string, number> {
  const { iterations = 1500, learningRate = 0.05, l2 = 0.001, balanceClasses = false } = options;
  const d = FEATURE_NAMES.length;
  const n = examples.length;
  // Parameter d is the bias; 0..d-1 follow FEATURE_NAMES.
  const w = new Float64Array(d + 1);
  FEATURE_NAMES.forEach((name, j) => (w[j] = finiteOr(options.initialWeights?.[name], 0)));
  w[d] = finiteOr(options.initialWeights?.bias, 0);

  if (n > 0) {
    const x = new Float64Array(n * d);
    const y = new Float64Array(n);
    const sampleWeight = new Float64Array(n).fill(1);
    let positives = 0;
    examples.forEach((example, i) => {
      FEATURE_NAMES.forEach((name, j) => (x[i * d + j] = finiteOr(example.features[name], 0)));
      y[i] = example.counterfeit ? 1 : 0;
      positives += y[i]!;
    });
    if (balanceClasses && positives > 0 && positives < n) {
      for (let i = 0; i < n; i++) sampleWeight[i] = n / (2 * (y[i] ? positives : n - positives));
    }

    const gradient = new Float64Array(d + 1);
    const m = new Float64Array(d + 1);
    const v = new Float64Array(d + 1);
    for (let step = 1; step <= iterations; step++) {
      gradient.fill(0);
      for (let i = 0; i < n; i++) {
        const row = i * d;
        let z = w[d]!;
        for (let j = 0; j < d; j++) z += w[j]! * x[row + j]!;
        const error = (sigmoid(z) - y[i]!) * sampleWeight[i]!;
        for (let j = 0; j < d; j++) gradient[j]! += error * x[row + j]!;
        gradient[d]! += error;
      }
      const bias1 = 1 - ADAM_BETA1 ** step;
      const bias2 = 1 - ADAM_BETA2 ** step;
      for (let j = 0; j <= d; j++) {
        const g = gradient[j]! / n + (j < d ? l2 * w[j]! : 0);
        m[j] = ADAM_BETA1 * m[j]! + (1 - ADAM_BETA1) * g;
        v[j] = ADAM_BETA2 * v[j]! + (1 - ADAM_BETA2) * g * g;
        w[j]! -= (learningRate * (m[j]! / bias1)) / (Math.sqrt(v[j]! / bias2) + ADAM_EPSILON);
      }
    }
  }

  const weights: Record<string, number> = { bias: w[d]! };
  FEATURE_NAMES.forEach((name, j) => (weights[name] = w[j]!));
  return weights;
}

function finiteOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? value : fallback;
}
