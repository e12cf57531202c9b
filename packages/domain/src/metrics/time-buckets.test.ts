import { describe, expect, it } from 'vitest';
import { bucketStart, nextBucketStart } from './time-buckets';

const utc = (iso: string) => new Date(iso);

describe('bucketStart', () => {
  // 2025-01-01 is a Wednesday.
  it.each([
    ['2025-01-01T15:30:00Z', 'day', '2025-01-01T00:00:00.000Z'],
    ['2025-01-01T15:30:00Z', 'week', '2024-12-30T00:00:00.000Z'],
    ['2025-01-01T15:30:00Z', 'month', '2025-01-01T00:00:00.000Z'],
    ['2025-01-05T23:59:59.999Z', 'week', '2024-12-30T00:00:00.000Z'], // Sunday belongs to the week before
    ['2025-01-06T00:00:00Z', 'week', '2025-01-06T00:00:00.000Z'], // Monday starts a week
    ['2024-02-29T23:00:00Z', 'month', '2024-02-01T00:00:00.000Z'],
    // 00:30 in UTC+2 on 1 March is still 28 February in UTC.
    ['2025-03-01T00:30:00+02:00', 'day', '2025-02-28T00:00:00.000Z'],
    ['2025-03-01T00:30:00+02:00', 'month', '2025-02-01T00:00:00.000Z'],
  ] as const)('%s by %s starts at %s', (date, unit, expected) => {
    expect(bucketStart(utc(date), unit).toISOString()).toBe(expected);
  });
});

describe('nextBucketStart', () => {
  it.each([
    ['2024-02-28T10:00:00Z', 'day', '2024-02-29T00:00:00.000Z'],
    ['2024-02-29T10:00:00Z', 'day', '2024-03-01T00:00:00.000Z'],
    ['2024-12-31T10:00:00Z', 'week', '2025-01-06T00:00:00.000Z'],
    ['2024-12-15T10:00:00Z', 'month', '2025-01-01T00:00:00.000Z'],
  ] as const)('after %s by %s comes %s', (date, unit, expected) => {
    expect(nextBucketStart(utc(date), unit).toISOString()).toBe(expected);
  });
});
