import { describe, expect, it } from 'vitest';
import { DURATION_BUCKET_BOUNDS_MS, DURATION_BUCKET_COUNT, durationBucket, histogramOf, histogramPercentile, shareWithin } from './histogram';
import { percentile } from './percentile';

const HOUR = 3_600_000;

describe('duration histograms', () => {
  it('puts a duration in the bucket whose upper bound it does not exceed', () => {
    expect(durationBucket(0)).toBe(0);
    expect(durationBucket(-5)).toBe(0);
    expect(durationBucket(1000)).toBe(0);
    expect(durationBucket(1001)).toBe(1);
    expect(durationBucket(8 * HOUR)).toBe(DURATION_BUCKET_BOUNDS_MS.indexOf(8 * HOUR));
    expect(durationBucket(8 * HOUR + 1)).toBe(DURATION_BUCKET_BOUNDS_MS.indexOf(8 * HOUR) + 1);
    expect(durationBucket(365 * 24 * HOUR)).toBe(DURATION_BUCKET_COUNT - 1);
  });

  it('reads the nearest-rank percentile as the bucket that holds the raw one', () => {
    const durations = [500, 1500, 1500, 3000, 4 * HOUR, 5 * HOUR, 7 * HOUR, 9 * HOUR, 30 * HOUR, 40 * 24 * HOUR];
    const counts = histogramOf(durations.map((ms) => ({ bucket: durationBucket(ms), n: 1 })));
    for (const p of [0, 10, 50, 90, 99, 100]) {
      const raw = percentile(durations, p)!;
      const read = histogramPercentile(counts, p)!;
      expect(raw).toBeGreaterThan(read.aboveMs - (read.aboveMs === 0 ? 1 : 0));
      if (read.atMostMs !== null) expect(raw).toBeLessThanOrEqual(read.atMostMs);
    }
    // Hand-computed: rank ⌈0.5 × 10⌉ = 5 is 4 h, in (2 h, 4 h].
    expect(histogramPercentile(counts, 50)).toEqual({ atMostMs: 4 * HOUR, aboveMs: 2 * HOUR });
    // The 40-day takedown is beyond the last bound: no upper bound to give.
    expect(histogramPercentile(counts, 100)).toEqual({ atMostMs: null, aboveMs: 30 * 24 * HOUR });
    expect(histogramPercentile(histogramOf([]), 50)).toBeNull();
  });

  it('gives the exact share handled within 8 h and 24 h', () => {
    const counts = histogramOf([7 * HOUR, 8 * HOUR, 8 * HOUR + 1, 23 * HOUR, 25 * HOUR].map((ms) => ({ bucket: durationBucket(ms), n: 1 })));
    expect(shareWithin(counts, 8 * HOUR)).toBeCloseTo(2 / 5);
    expect(shareWithin(counts, 24 * HOUR)).toBeCloseTo(4 / 5);
    expect(shareWithin(histogramOf([]), 8 * HOUR)).toBeNull();
    expect(() => shareWithin(counts, 9 * HOUR)).toThrow(RangeError);
  });
});
