import {
  bucketStart,
  MARKETPLACE_CODES,
  nextBucketStart,
  NOTICE_REASONS,
  TIME_BUCKET_UNITS,
  type DashboardInput,
  type MarketplaceCode,
  type NoticeReason,
  type TimeBucketUnit,
} from '@jf/domain';

/** The ranges offered as one click; a shared link keeps the preset, so "last 30 days" stays relative. */
export const RANGE_PRESETS = ['30d', '90d', '12m'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export type RangeChoice = RangePreset | 'custom';

/** Button texts; the group is labelled "Date range" and the exact days are shown beneath it. */
export const RANGE_LABELS: Record<RangeChoice, string> = { '30d': '30 days', '90d': '90 days', '12m': '12 months', custom: 'Custom' };
/** Each preset's natural period; the user may still pick another. */
const PRESET_UNITS: Record<RangePreset, TimeBucketUnit> = { '30d': 'day', '90d': 'week', '12m': 'month' };

/** The API refuses daily points beyond this many days and any range beyond three years (dashboardInput). */
export const MAX_DAILY_DAYS = 400;
export const MAX_RANGE_DAYS = 3 * 366;

export type ReasonFilter = NoticeReason | 'none';

/** Everything the dashboard's charts are filtered by, as the URL holds it. */
export interface DashboardFilters {
  range: RangeChoice;
  from: string;
  to: string;
  unit: TimeBucketUnit;
  marketplace?: MarketplaceCode;
  brandId?: string;
  reason?: ReasonFilter;
}

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);
const dateOf = (day: string): Date => new Date(`${day}T00:00:00.000Z`);
const isDay = (value: string | null): value is string => value !== null && DAY_PATTERN.test(value) && !Number.isNaN(dateOf(value).getTime()) && dayOf(dateOf(value)) === value;
export const daysBetween = (from: string, to: string): number => Math.round((dateOf(to).getTime() - dateOf(from).getTime()) / DAY_MS);

/**
 * A preset's days, ending today (UTC). The start is moved back to the beginning of its week or month so
 * that the first bar is a whole period rather than a misleading stub.
 */
export function presetRange(preset: RangePreset, unit: TimeBucketUnit, today: Date): { from: string; to: string } {
  const end = dateOf(dayOf(today));
  const start =
    preset === '12m'
      ? new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 11, 1))
      : new Date(end.getTime() - (preset === '30d' ? 29 : 89) * DAY_MS);
  return { from: dayOf(bucketStart(start, unit)), to: dayOf(end) };
}

/** Daily points only where the API allows them; otherwise the coarsest unit that still fits. */
function fittingUnit(unit: TimeBucketUnit, from: string, to: string): TimeBucketUnit {
  return unit === 'day' && daysBetween(from, to) > MAX_DAILY_DAYS ? 'week' : unit;
}

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/** Reads the filters from the page's query string; anything missing or malformed falls back to the last 90 days by week. */
export function filtersFromSearch(search: URLSearchParams, today: Date = new Date()): DashboardFilters {
  const from = search.get('from');
  const to = search.get('to');
  const custom = isDay(from) && isDay(to) && from <= to && daysBetween(from, to) <= MAX_RANGE_DAYS;
  const preset = pick(search.get('range'), RANGE_PRESETS) ?? '90d';
  const range: RangeChoice = custom ? 'custom' : preset;
  const requestedUnit = pick(search.get('unit'), TIME_BUCKET_UNITS) ?? (custom ? 'week' : PRESET_UNITS[preset]);
  const days = custom ? { from, to } : presetRange(preset, requestedUnit, today);
  const brandId = search.get('brandId');
  return {
    range,
    ...days,
    unit: fittingUnit(requestedUnit, days.from, days.to),
    marketplace: pick(search.get('marketplace'), MARKETPLACE_CODES),
    brandId: brandId && brandId.length <= 64 ? brandId : undefined,
    reason: pick(search.get('reason'), [...NOTICE_REASONS, 'none'] as const),
  };
}

/** The query string for a set of filters: presets are kept by name, custom ranges by their days. */
export function searchOfFilters(filters: DashboardFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.range === 'custom') {
    search.set('from', filters.from);
    search.set('to', filters.to);
  } else search.set('range', filters.range);
  search.set('unit', filters.unit);
  if (filters.marketplace) search.set('marketplace', filters.marketplace);
  if (filters.brandId) search.set('brandId', filters.brandId);
  if (filters.reason) search.set('reason', filters.reason);
  return search;
}

/** A change to the filters, with the days recomputed for a preset and the unit kept legal. */
export function changeFilters(current: DashboardFilters, change: Partial<DashboardFilters>, today: Date = new Date()): DashboardFilters {
  const next = { ...current, ...change };
  if (change.range && change.range !== 'custom' && change.unit === undefined) next.unit = PRESET_UNITS[change.range];
  if (next.range !== 'custom') Object.assign(next, presetRange(next.range, next.unit, today));
  return { ...next, unit: fittingUnit(next.unit, next.from, next.to) };
}

/** Why a custom range cannot be asked for, named by field as the API would; null when it can. */
export function rangeProblem(from: string, to: string): { field: 'from' | 'to'; message: string } | null {
  if (!isDay(from)) return { field: 'from', message: 'Enter a day' };
  if (!isDay(to)) return { field: 'to', message: 'Enter a day' };
  if (from > to) return { field: 'from', message: 'Must not be after the end of the range' };
  if (daysBetween(from, to) > MAX_RANGE_DAYS) return { field: 'to', message: 'The range can span at most three years' };
  return null;
}

/** What every chart procedure takes. */
export function chartInput(filters: DashboardFilters): DashboardInput {
  const { from, to, unit, marketplace, brandId, reason } = filters;
  return { from, to, unit, marketplace, brandId, reason };
}

/** The last day of the period starting `period`, never past the end of the range. */
export function periodEnd(period: string, unit: TimeBucketUnit, to: string): string {
  const last = dayOf(new Date(nextBucketStart(dateOf(period), unit).getTime() - DAY_MS));
  return last < to ? last : to;
}

/** The first day of the period, never before the start of the range (the first week may begin earlier). */
export const periodStart = (period: string, from: string): string => (period > from ? period : from);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A period as an axis tick: "3 Mar" for days and weeks (their first day), "Mar 2026" for months. */
export function formatPeriod(period: string, unit: TimeBucketUnit): string {
  const date = dateOf(period);
  const month = MONTHS[date.getUTCMonth()]!;
  return unit === 'month' ? `${month} ${date.getUTCFullYear()}` : `${date.getUTCDate()} ${month}`;
}

/** A period in a tooltip or a CSV: "3 Mar 2026", "Week of 3 Mar 2026", "March 2026". */
export function describePeriod(period: string, unit: TimeBucketUnit): string {
  const date = dateOf(period);
  const long = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]!} ${date.getUTCFullYear()}`;
  if (unit === 'day') return long;
  if (unit === 'week') return `Week of ${long}`;
  return date.toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The range in words for headings: "4 Nov 2025 – 31 Jan 2026". */
export const describeRange = (from: string, to: string): string => `${describePeriod(from, 'day')} – ${describePeriod(to, 'day')}`;
