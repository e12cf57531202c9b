import type { TimeBucketUnit } from '../model';

/**
 * Start of the UTC day, ISO week (Monday 00:00) or month containing `date`. Dashboards and
 * rollups group by this so a series means the same thing whatever the viewer's time zone.
 */
export function bucketStart(date: Date, unit: TimeBucketUnit): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  switch (unit) {
    case 'day':
      return new Date(Date.UTC(year, month, day));
    case 'week': {
      // getUTCDay() is 0 for Sunday; count days back to the Monday.
      const daysSinceMonday = (date.getUTCDay() + 6) % 7;
      return new Date(Date.UTC(year, month, day - daysSinceMonday));
    }
    case 'month':
      return new Date(Date.UTC(year, month, 1));
  }
}

/** Start of the bucket after the one containing `date`, for walking a series and filling gaps. */
export function nextBucketStart(date: Date, unit: TimeBucketUnit): Date {
  const start = bucketStart(date, unit);
  switch (unit) {
    case 'day':
      return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + 1));
    case 'week':
      return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + 7));
    case 'month':
      return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  }
}
