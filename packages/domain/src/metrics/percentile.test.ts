import { describe, expect, it } from 'vitest';
import { percentile } from './percentile';

describe('percentile (nearest rank)', () => {
  // The textbook example: ranks ⌈0.05×5⌉=1, ⌈0.3×5⌉=2, ⌈0.4×5⌉=2, ⌈0.5×5⌉=3, ⌈1×5⌉=5.
  it.each([
    [5, 15],
    [30, 20],
    [40, 20],
    [50, 35],
    [100, 50],
  ])('p%d of 15, 20, 35, 40, 50 is %d', (p, expected) => {
    expect(percentile([15, 20, 35, 40, 50], p)).toBe(expected);
  });

  it('sorts its input without changing it', () => {
    const values = [50, 15, 40, 20, 35];
    expect(percentile(values, 50)).toBe(35);
    expect(values).toEqual([50, 15, 40, 20, 35]);
  });

  it('returns null for no values', () => {
    expect(percentile([], 50)).toBeNull();
  });

  it('takes the smallest value for p0 and the largest for p100', () => {
    expect(percentile([3, 1, 2], 0)).toBe(1);
    expect(percentile([3, 1, 2], 100)).toBe(3);
  });

  it('rounds the rank up: p90 and p99 of 1..10 are 9 and 10', () => {
    const oneToTen = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(percentile(oneToTen, 90)).toBe(9);
    expect(percentile(oneToTen, 99)).toBe(10);
  });

  it('is not thrown off by floating point: p7 of 1..100 is 7', () => {
    const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(oneToHundred, 7)).toBe(7);
    expect(percentile(oneToHundred, 99)).toBe(99);
  });

  it('rejects p outside 0..100', () => {
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});
