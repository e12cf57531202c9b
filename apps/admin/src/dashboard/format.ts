import { DURATION_BUCKET_BOUNDS_MS } from '@jf/domain';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A bucket bound as people say it: "30 s", "5 min", "4 h", "3 d". */
export function formatSpan(ms: number): string {
  if (ms < MINUTE) return `${Math.round(ms / SECOND)} s`;
  if (ms < HOUR) return `${Math.round(ms / MINUTE)} min`;
  if (ms < 2 * DAY) return `${Math.round(ms / HOUR)} h`;
  return `${Math.round(ms / DAY)} d`;
}

/** The longest duration the rollups tell apart; beyond it a percentile is only "more than". */
export const LAST_BOUND_MS = DURATION_BUCKET_BOUNDS_MS[DURATION_BUCKET_BOUNDS_MS.length - 1]!;

/**
 * A percentile read from the duration histogram, which knows only the bucket holding it: "≤ 4 h".
 * `measured` says whether there was anything to measure, so "above the last bound" and "nothing" differ.
 */
export function formatBound(ms: number | null, measured = true): string {
  if (ms !== null) return `≤ ${formatSpan(ms)}`;
  return measured ? `> ${formatSpan(LAST_BOUND_MS)}` : '—';
}

/** An exact duration (one removal's turnaround): "3 h 20 min", "2 d 4 h", "45 s". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const value = Math.max(0, ms);
  if (value < MINUTE) return `${Math.round(value / SECOND)} s`;
  if (value < HOUR) return `${Math.round(value / MINUTE)} min`;
  if (value < DAY) {
    const hours = Math.floor(value / HOUR);
    const minutes = Math.round((value - hours * HOUR) / MINUTE);
    return minutes === 0 || minutes === 60 ? `${hours + (minutes === 60 ? 1 : 0)} h` : `${hours} h ${minutes} min`;
  }
  const days = Math.floor(value / DAY);
  const hours = Math.round((value - days * DAY) / HOUR);
  return hours === 0 || hours === 24 ? `${days + (hours === 24 ? 1 : 0)} d` : `${days} d ${hours} h`;
}

export const formatPercent = (share: number | null, digits = 1): string =>
  share === null ? '—' : `${(share * 100).toFixed(digits).replace(/\.0+$/, '')}%`;

export const formatRatio = (ratio: number | null): string => (ratio === null ? '—' : `${ratio.toFixed(1)}×`);

const counts = new Intl.NumberFormat('en-GB');
export const formatCount = (value: number): string => counts.format(value);

/** Hours with one decimal, for CSV cells a spreadsheet can compute with. */
export const hoursOf = (ms: number | null): number | null => (ms === null ? null : Math.round((ms / HOUR) * 1000) / 1000);
