/**
 * Nearest-rank percentile: the smallest value such that at least p% of the values are less
 * than or equal to it, i.e. the value at 1-based rank ⌈p/100 × n⌉ of the sorted values
 * (rank 1 for p = 0). It always returns one of the observed values, never an interpolation,
 * so "p90 = 4 h" means a real takedown took 4 h. Returns null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!Number.isFinite(p) || p < 0 || p > 100)
    throw new RangeError(`Percentile must be within 0..100, got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  // p × n is computed before dividing so that e.g. p = 7, n = 100 gives rank 7, not 8.
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[rank - 1] ?? null;
}
