import { bucketStart, MARKETPLACE_CODES, TIME_BUCKET_UNITS, type MarketplaceCode, type TimeBucketUnit } from '@jf/domain';

/** The periods a brand can look at; the same presets as the back office's dashboard. */
export const RANGES = { '30d': 'Last 30 days', '90d': 'Last 90 days', '12m': 'Last 12 months', custom: 'Custom dates' } as const;
export type RangeChoice = keyof typeof RANGES;
const PRESET_UNITS: Record<Exclude<RangeChoice, 'custom'>, TimeBucketUnit> = { '30d': 'day', '90d': 'week', '12m': 'month' };

export interface TransparencyFilters {
  range: RangeChoice;
  from: string;
  to: string;
  unit: TimeBucketUnit;
  marketplace?: MarketplaceCode;
  /** Why the custom dates asked for could not be used (the preset was shown instead). */
  problem?: string;
}

const DAY_MS = 86_400_000;
const dayOf = (date: Date): string => date.toISOString().slice(0, 10);
const dateOf = (day: string): Date => new Date(`${day}T00:00:00.000Z`);
const isDay = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(dateOf(value).getTime()) && dayOf(dateOf(value)) === value;
const daysBetween = (from: string, to: string) => Math.round((dateOf(to).getTime() - dateOf(from).getTime()) / DAY_MS);

/** A preset ends today (UTC) and starts on a whole week or month, so the first bar is not a stub. */
function presetRange(range: Exclude<RangeChoice, 'custom'>, unit: TimeBucketUnit, today: Date) {
  const end = dateOf(dayOf(today));
  const start = range === '12m' ? new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 11, 1)) : new Date(end.getTime() - (range === '30d' ? 29 : 89) * DAY_MS);
  return { from: dayOf(bucketStart(start, unit)), to: dayOf(end) };
}

/** The page's filters from its address; what the API would refuse falls back to a preset, with the reason. */
export function transparencyFilters(search: URLSearchParams, today: Date = new Date()): TransparencyFilters {
  const asked = search.get('range');
  const range: RangeChoice = asked !== null && asked in RANGES ? (asked as RangeChoice) : '90d';
  const unitAsked = search.get('unit');
  const marketplaceAsked = search.get('marketplace');
  const marketplace = (MARKETPLACE_CODES as readonly string[]).includes(marketplaceAsked ?? '') ? (marketplaceAsked as MarketplaceCode) : undefined;
  let unit: TimeBucketUnit = (TIME_BUCKET_UNITS as readonly string[]).includes(unitAsked ?? '') ? (unitAsked as TimeBucketUnit) : range === 'custom' ? 'week' : PRESET_UNITS[range];
  if (range === 'custom') {
    const from = search.get('from');
    const to = search.get('to');
    let problem: string | undefined;
    if (!isDay(from) || !isDay(to)) problem = 'Enter both days of the custom range.';
    else if (from > to) problem = 'The start of the range must not be after its end.';
    else if (daysBetween(from, to) > 3 * 366) problem = 'The range can span at most three years.';
    if (!problem) {
      if (unit === 'day' && daysBetween(from!, to!) > 400) unit = 'week';
      return { range, from: from!, to: to!, unit, marketplace };
    }
    return { range, ...presetRange('90d', 'week', today), unit: 'week', marketplace, problem };
  }
  if (unit === 'day' && range === '12m') unit = 'week';
  return { range, ...presetRange(range, unit, today), unit, marketplace };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An axis tick: "3 Mar" for a day or a week (its Monday), "Mar 2026" for a month. */
export function periodTick(period: string, unit: TimeBucketUnit): string {
  const date = dateOf(period);
  return unit === 'month' ? `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}` : `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}

/** A period in a tooltip or table: "3 Mar 2026", "Week of 3 Mar 2026", "Mar 2026". */
export function periodName(period: string, unit: TimeBucketUnit): string {
  const date = dateOf(period);
  const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  return unit === 'day' ? day : unit === 'week' ? `Week of ${day}` : periodTick(period, unit);
}

export const rangeName = (from: string, to: string) => `${periodName(from, 'day')} – ${periodName(to, 'day')}`;
