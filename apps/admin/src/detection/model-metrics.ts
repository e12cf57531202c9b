import type { ModelVersionRecord } from '../providers/trpc';

/** What a version's metrics JSON holds; each figure may be missing (seeded versions carry only the first three). */
export interface ModelMetrics {
  precision: number | null;
  recall: number | null;
  f1: number | null;
  askRate: number | null;
  heldOutExamples: number | null;
  truePrecision: number | null;
  trueRecall: number | null;
  /** Why retraining promoted or kept this version, in the trainer's words. */
  decision: string | null;
  previous: { version: number; precision: number | null; recall: number | null; f1: number | null } | null;
}

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The API hands metrics over as an open record: read each figure defensively. */
export function metricsOf(version: Pick<ModelVersionRecord, 'metrics'>): ModelMetrics {
  const metrics = version.metrics as Record<string, unknown>;
  const previous = metrics.previous as Record<string, unknown> | null | undefined;
  return {
    precision: num(metrics.precision),
    recall: num(metrics.recall),
    f1: num(metrics.f1),
    askRate: num(metrics.askRate),
    heldOutExamples: num(metrics.heldOutExamples),
    truePrecision: num(metrics.truePrecision),
    trueRecall: num(metrics.trueRecall),
    decision: typeof metrics.decision === 'string' ? metrics.decision : null,
    previous:
      previous && typeof previous === 'object' && num(previous.version) !== null
        ? { version: num(previous.version)!, precision: num(previous.precision), recall: num(previous.recall), f1: num(previous.f1) }
        : null,
  };
}

export const formatRatio = (value: number | null, digits = 3): string => (value === null ? '—' : value.toFixed(digits));
