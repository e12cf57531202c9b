import {
  BRAND_REQUESTED_SOURCES,
  PROACTIVE_SOURCES,
  REMOVAL_SOURCES,
  type RemovalSource,
  type TimeBucketUnit,
} from '../model';
import {
  DAY_AND_NIGHT_MS,
  EIGHT_HOURS_MS,
  histogramOf,
  histogramPercentile,
  shareWithin,
} from '../metrics/histogram';
import { proactiveRatio } from '../metrics/proactive-ratio';
import { bucketStart, nextBucketStart } from '../metrics/time-buckets';

/** A UTC day as the rollups key it. */
export const dayKey = (date: Date): string => date.toISOString().slice(0, 10);
const dateOfDay = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

/** The periods of a chart, gaps included: every day, ISO week or month from `from` to `to`. */
export function periodsBetween(from: string, to: string, unit: TimeBucketUnit): string[] {
  const periods: string[] = [];
  const end = dateOfDay(to);
  for (let start = bucketStart(dateOfDay(from), unit); start <= end; start = nextBucketStart(start, unit))
    periods.push(dayKey(start));
  return periods;
}

/** A day's period; memoised, since a chart maps thousands of rows onto a few hundred distinct days. */
const periodCache = new Map<string, string>();
function periodOf(day: string, unit: TimeBucketUnit): string {
  const key = `${unit}|${day}`;
  let period = periodCache.get(key);
  if (period === undefined) {
    period = dayKey(bucketStart(dateOfDay(day), unit));
    if (periodCache.size > 50_000) periodCache.clear();
    periodCache.set(key, period);
  }
  return period;
}

const emptyBySource = (): Record<RemovalSource, number> =>
  Object.fromEntries(REMOVAL_SOURCES.map((source) => [source, 0])) as Record<RemovalSource, number>;

export interface RemovalsPoint {
  /** First day of the period. */
  period: string;
  bySource: Record<RemovalSource, number>;
  proactive: number;
  brandRequested: number;
  /** proactive / brandRequested; null without brand-requested removals in the period. */
  ratio: number | null;
  reinstated: number;
}

/** Removals per period and source (by the day they were requested), with the proactive ratio (DESIGN "Metrics"). */
export function removalsSeries(
  rows: readonly { day: string; source: RemovalSource; requested: number; reinstated: number }[],
  from: string,
  to: string,
  unit: TimeBucketUnit,
): RemovalsPoint[] {
  const points = new Map(
    periodsBetween(from, to, unit).map((period) => [period, { bySource: emptyBySource(), reinstated: 0 }]),
  );
  for (const row of rows) {
    const point = points.get(periodOf(row.day, unit));
    if (!point) continue;
    point.bySource[row.source] += row.requested;
    point.reinstated += row.reinstated;
  }
  return [...points].map(([period, { bySource, reinstated }]) => {
    const { proactive, brandRequested, ratio } = proactiveRatio(bySource);
    return { period, bySource, proactive, brandRequested, ratio, reinstated };
  });
}

export interface TurnaroundFigures {
  count: number;
  /** Upper bounds of the buckets holding p50/p90/p99 (ms); null when none was measured or above the last bound. */
  p50: number | null;
  p90: number | null;
  p99: number | null;
}

export interface TurnaroundPoint {
  period: string;
  bySource: Record<RemovalSource, TurnaroundFigures>;
  /** Share of brand-requested (notice) removals acknowledged within 8 h and within 24 h of the request. */
  noticesWithin8h: number | null;
  noticesWithin24h: number | null;
}

const figures = (counts: readonly number[]): TurnaroundFigures => ({
  count: counts.reduce((sum, n) => sum + n, 0),
  p50: histogramPercentile(counts, 50)?.atMostMs ?? null,
  p90: histogramPercentile(counts, 90)?.atMostMs ?? null,
  p99: histogramPercentile(counts, 99)?.atMostMs ?? null,
});

function turnaroundOf(rows: readonly { source: RemovalSource; bucket: number; n: number }[]): Omit<TurnaroundPoint, 'period'> {
  // One pass: a histogram per source, and one for the notices.
  const bySource = Object.fromEntries(REMOVAL_SOURCES.map((source) => [source, histogramOf([])])) as Record<RemovalSource, number[]>;
  const notices = histogramOf([]);
  for (const row of rows) {
    const counts = bySource[row.source];
    if (!counts || row.bucket < 0 || row.bucket >= counts.length) continue;
    counts[row.bucket]! += row.n;
    if (BRAND_REQUESTED_SOURCES.includes(row.source)) notices[row.bucket]! += row.n;
  }
  return {
    bySource: Object.fromEntries(REMOVAL_SOURCES.map((source) => [source, figures(bySource[source])])) as Record<RemovalSource, TurnaroundFigures>,
    noticesWithin8h: shareWithin(notices, EIGHT_HOURS_MS),
    noticesWithin24h: shareWithin(notices, DAY_AND_NIGHT_MS),
  };
}

/** Takedown turnaround per period and source (p50/p90/p99 as bucket bounds) and the notices' 8 h / 24 h shares. */
export function turnaroundSeries(
  rows: readonly { day: string; source: RemovalSource; bucket: number; n: number }[],
  from: string,
  to: string,
  unit: TimeBucketUnit,
): { points: TurnaroundPoint[]; overall: Omit<TurnaroundPoint, 'period'> } {
  const byPeriod = new Map(
    periodsBetween(from, to, unit).map((period) => [period, [] as (typeof rows)[number][]]),
  );
  for (const row of rows) byPeriod.get(periodOf(row.day, unit))?.push(row);
  return {
    points: [...byPeriod].map(([period, periodRows]) => ({ period, ...turnaroundOf(periodRows) })),
    overall: turnaroundOf(rows),
  };
}

export interface AuthRequestsPoint {
  period: string;
  created: number;
  answered: number;
  expired: number;
  counterfeit: number;
  genuine: number;
  unsure: number;
}

/** Authentication requests per period (by creation day), with answer-time percentiles and the expiry rate overall. */
export function authRequestSeries(
  rows: readonly (Omit<AuthRequestsPoint, 'period'> & { day: string })[],
  responseRows: readonly { bucket: number; n: number }[],
  from: string,
  to: string,
  unit: TimeBucketUnit,
) {
  const points = new Map(
    periodsBetween(from, to, unit).map((period) => [
      period,
      { period, created: 0, answered: 0, expired: 0, counterfeit: 0, genuine: 0, unsure: 0 },
    ]),
  );
  for (const row of rows) {
    const point = points.get(periodOf(row.day, unit));
    if (!point) continue;
    for (const key of ['created', 'answered', 'expired', 'counterfeit', 'genuine', 'unsure'] as const)
      point[key] += row[key];
  }
  const totals = [...points.values()].reduce(
    (sum, point) => ({
      answered: sum.answered + point.answered,
      expired: sum.expired + point.expired,
      created: sum.created + point.created,
    }),
    { answered: 0, expired: 0, created: 0 },
  );
  const response = histogramOf(responseRows);
  return {
    points: [...points.values()],
    created: totals.created,
    responseP50: histogramPercentile(response, 50)?.atMostMs ?? null,
    responseP90: histogramPercentile(response, 90)?.atMostMs ?? null,
    /** expired / (answered + expired); open requests are neither yet. */
    expiryRate:
      totals.answered + totals.expired === 0 ? null : totals.expired / (totals.answered + totals.expired),
  };
}

/** Appeals per period against the removals acknowledged in it, and how many ended in reinstatement. */
export function appealSeries(
  rows: readonly { day: string; created: number; reinstated: number; upheld: number }[],
  removals: readonly { day: string; acknowledged: number }[],
  from: string,
  to: string,
  unit: TimeBucketUnit,
) {
  const points = new Map(
    periodsBetween(from, to, unit).map((period) => [
      period,
      { period, appeals: 0, reinstated: 0, upheld: 0, removals: 0 },
    ]),
  );
  for (const row of rows) {
    const point = points.get(periodOf(row.day, unit));
    if (!point) continue;
    point.appeals += row.created;
    point.reinstated += row.reinstated;
    point.upheld += row.upheld;
  }
  for (const row of removals) {
    const point = points.get(periodOf(row.day, unit));
    if (point) point.removals += row.acknowledged;
  }
  const list = [...points.values()];
  const sum = (key: 'appeals' | 'reinstated' | 'upheld' | 'removals') =>
    list.reduce((total, point) => total + point[key], 0);
  const decided = sum('reinstated') + sum('upheld');
  return {
    points: list.map((point) => ({
      ...point,
      appealRate: point.removals ? point.appeals / point.removals : null,
    })),
    /** Appeals per acknowledged removal. */
    appealRate: sum('removals') ? sum('appeals') / sum('removals') : null,
    /** Reinstated / decided appeals. */
    reinstatementRate: decided ? sum('reinstated') / decided : null,
  };
}

export { PROACTIVE_SOURCES, BRAND_REQUESTED_SOURCES };
