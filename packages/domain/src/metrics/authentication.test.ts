import { describe, expect, it } from 'vitest';
import { authResponseTimes, expiryRate } from './authentication';

const HOUR = 3_600_000;
const createdAt = new Date('2025-02-01T08:00:00Z');
const answeredAfter = (ms: number) => ({ createdAt, answeredAt: new Date(createdAt.getTime() + ms) });

describe('authResponseTimes', () => {
  it('takes p50 and p90 of answeredAt − createdAt over answered requests', () => {
    const requests = [
      answeredAfter(3 * HOUR),
      answeredAfter(1 * HOUR),
      { createdAt, answeredAt: null },
      answeredAfter(4 * HOUR),
      answeredAfter(2 * HOUR),
    ];
    // n = 4: p50 → rank 2, p90 → rank ⌈3.6⌉ = 4.
    expect(authResponseTimes(requests)).toEqual({ count: 4, p50: 2 * HOUR, p90: 4 * HOUR });
  });

  it('gives nulls when nothing was answered', () => {
    expect(authResponseTimes([{ createdAt, answeredAt: null }])).toEqual({ count: 0, p50: null, p90: null });
  });
});

describe('expiryRate', () => {
  it('is expired / (answered + expired), ignoring open requests', () => {
    const states = ['answered', 'answered', 'answered', 'expired', 'open', 'open'] as const;
    expect(expiryRate(states.map((state) => ({ state })))).toEqual({ answered: 3, expired: 1, rate: 0.25 });
  });

  it('has no rate while nothing has concluded', () => {
    expect(expiryRate([{ state: 'open' }])).toEqual({ answered: 0, expired: 0, rate: null });
  });
});
