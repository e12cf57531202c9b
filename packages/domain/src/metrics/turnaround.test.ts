import { describe, expect, it } from 'vitest';
import { turnaroundPercentiles } from './turnaround';

const MINUTE = 60_000;
const requestedAt = new Date('2025-01-01T00:00:00Z');
const after = (ms: number) => new Date(requestedAt.getTime() + ms);

describe('turnaroundPercentiles', () => {
  it('measures removedAt − requestedAt and skips unacknowledged removals', () => {
    // Acknowledged after 10, 9, …, 1 minutes, plus two still in flight.
    const removals = [
      ...Array.from({ length: 10 }, (_, i) => ({ requestedAt, removedAt: after((10 - i) * MINUTE) })),
      { requestedAt, removedAt: null },
      { requestedAt, removedAt: null },
    ];
    // n = 10: p50 → rank 5, p90 → rank 9, p99 → rank ⌈9.9⌉ = 10.
    expect(turnaroundPercentiles(removals)).toEqual({
      count: 10,
      p50: 5 * MINUTE,
      p90: 9 * MINUTE,
      p99: 10 * MINUTE,
    });
  });

  it('gives nulls when nothing was acknowledged', () => {
    expect(turnaroundPercentiles([{ requestedAt, removedAt: null }])).toEqual({
      count: 0,
      p50: null,
      p90: null,
      p99: null,
    });
  });

  it('works on a single removal', () => {
    expect(turnaroundPercentiles([{ requestedAt, removedAt: after(42) }])).toEqual({
      count: 1,
      p50: 42,
      p90: 42,
      p99: 42,
    });
  });
});
