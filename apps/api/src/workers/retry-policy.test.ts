import { describe, expect, it } from 'vitest';
import { isRetryableStatus, OUTBOX_BACKOFF, retryDelayMs } from './retry-policy';

describe('outbox retry policy', () => {
  it('doubles from 500 ms and stops growing at 60 s', () => {
    const highest = (attempts: number) => retryDelayMs(attempts, () => 1);
    expect([1, 2, 3, 4, 5].map(highest)).toEqual([500, 1000, 2000, 4000, 8000]);
    expect(highest(8)).toBe(60_000);
    expect(highest(25)).toBe(OUTBOX_BACKOFF.capMs);
    expect(highest(1000)).toBe(60_000);
  });

  it('jitters within the upper half of the step, so delays still grow with every failure', () => {
    expect(retryDelayMs(3, () => 0)).toBe(1000);
    expect(retryDelayMs(3, () => 0.5)).toBe(1500);
    expect(retryDelayMs(25, () => 0)).toBe(30_000);
    for (let attempts = 1; attempts < 7; attempts++) {
      expect(retryDelayMs(attempts + 1, () => 0)).toBeGreaterThanOrEqual(retryDelayMs(attempts, () => 1));
    }
    const spread = new Set(Array.from({ length: 50 }, () => retryDelayMs(6)));
    expect(spread.size).toBeGreaterThan(10);
  });

  it('follows a custom policy (tests use a fast one)', () => {
    expect(retryDelayMs(10, () => 1, { baseMs: 1, capMs: 20 })).toBe(20);
  });

  it('retries server errors, timeouts and rate limits, not other refusals', () => {
    expect([500, 502, 503, 504, 408, 429].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 409, 422].some(isRetryableStatus)).toBe(false);
  });
});
