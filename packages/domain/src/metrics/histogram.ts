const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Upper bounds (inclusive, ms) of the duration buckets that rollups count turnaround and response times
 * in: bucket i holds durations in (bound[i − 1], bound[i]], the last bucket everything above the last
 * bound. 8 h and 24 h are bounds, so the shares handled within them are exact.
 */
export const DURATION_BUCKET_BOUNDS_MS: readonly number[] = [
  SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 20 * SECOND, 30 * SECOND,
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 20 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR, 12 * HOUR, 24 * HOUR, 2 * DAY, 3 * DAY, 7 * DAY, 14 * DAY, 30 * DAY,
];
export const DURATION_BUCKET_COUNT = DURATION_BUCKET_BOUNDS_MS.length + 1;

/** The bucket a duration falls in (negative durations, a clock skew, count as the first). */
export function durationBucket(ms: number): number {
  for (let index = 0; index < DURATION_BUCKET_BOUNDS_MS.length; index++) {
    if (ms <= DURATION_BUCKET_BOUNDS_MS[index]!) return index;
  }
  return DURATION_BUCKET_BOUNDS_MS.length;
}

/** Counts per bucket, from (bucket, n) pairs; unknown buckets are ignored. */
export function histogramOf(entries: Iterable<{ bucket: number; n: number }>): number[] {
  const counts = new Array<number>(DURATION_BUCKET_COUNT).fill(0);
  for (const { bucket, n } of entries) if (bucket >= 0 && bucket < DURATION_BUCKET_COUNT) counts[bucket]! += n;
  return counts;
}

export interface HistogramPercentile {
  /** The upper bound of the bucket holding the nearest-rank percentile: "p90 ≤ 4 h"; null above the last bound. */
  atMostMs: number | null;
  /** The lower bound of that bucket (0 for the first). */
  aboveMs: number;
}

/**
 * Nearest-rank percentile read from a histogram: the bucket holding the value of rank ⌈p/100 × n⌉ (the
 * same rank `percentile` uses on raw values, so the raw p-th value always lies inside the bucket named).
 * Null when the histogram is empty.
 */
export function histogramPercentile(counts: readonly number[], p: number): HistogramPercentile | null {
  if (!Number.isFinite(p) || p < 0 || p > 100) throw new RangeError(`Percentile must be within 0..100, got ${p}`);
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil((p * total) / 100));
  let seen = 0;
  for (let bucket = 0; bucket < counts.length; bucket++) {
    seen += counts[bucket]!;
    if (seen >= rank) {
      return { atMostMs: DURATION_BUCKET_BOUNDS_MS[bucket] ?? null, aboveMs: bucket === 0 ? 0 : DURATION_BUCKET_BOUNDS_MS[bucket - 1]! };
    }
  }
  return null;
}

/** Share of the durations at most `boundMs`, which must be one of the bucket bounds; null when empty. */
export function shareWithin(counts: readonly number[], boundMs: number): number | null {
  const last = DURATION_BUCKET_BOUNDS_MS.indexOf(boundMs);
  if (last < 0) throw new RangeError(`${boundMs} ms is not a bucket bound`);
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  return counts.slice(0, last + 1).reduce((sum, n) => sum + n, 0) / total;
}

export const EIGHT_HOURS_MS = 8 * HOUR;
export const DAY_AND_NIGHT_MS = 24 * HOUR;
