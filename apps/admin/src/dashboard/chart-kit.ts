import type { RemovalSource, TimeBucketUnit } from '@jf/domain';
import { SOURCE_LABELS } from '../ui/choices';
import { marketplaceName } from '../resources/queue/notice-item-fields';
import type { CsvColumn } from './csv';
import { describePeriod, formatPeriod, type DashboardFilters } from './filters';

/** Proactive sources in greens, brand-requested in blues, as on the previous home chart. */
export const SOURCE_COLORS: Record<RemovalSource, string> = {
  proactive: '#2e7d32',
  authentication: '#81c784',
  notice_gft: '#1565c0',
  notice_standard: '#64b5f6',
};
export const RATIO_COLOR = '#e65100';
export const PERCENTILE_COLORS = { p50: '#1565c0', p90: '#e65100', p99: '#b71c1c' } as const;

/** Sources in the order they stack: proactive first, at the bottom. */
export const STACK_ORDER: readonly RemovalSource[] = ['proactive', 'authentication', 'notice_gft', 'notice_standard'];
export { SOURCE_LABELS };

/** The period axis every time chart shares. */
export const periodAxis = (unit: TimeBucketUnit) => ({
  dataKey: 'period',
  tickFormatter: (period: string) => formatPeriod(period, unit),
  tick: { fontSize: 12 },
  minTickGap: 12,
});

export const tooltipPeriod = (unit: TimeBucketUnit) => (label: unknown) => (typeof label === 'string' ? describePeriod(label, unit) : String(label ?? ''));

/** What the user chose beyond the range, for the rows of a CSV (so a file says which brand it is about). */
export interface Scope {
  brandName?: string;
}

/** The period, then the filters that narrow the figures (in the file only). */
export function leadingColumns<Row extends { period: string }>(filters: DashboardFilters, scope: Scope): CsvColumn<Row>[] {
  const columns: CsvColumn<Row>[] = [{ header: 'Period', value: (row) => describePeriod(row.period, filters.unit) }];
  // The same on every row: in the file, so it says what it is about, but not in the on-screen table.
  if (filters.brandId) columns.push({ header: 'Brand', value: () => scope.brandName ?? filters.brandId, fileOnly: true });
  if (filters.marketplace) columns.push({ header: 'Marketplace', value: () => (filters.marketplace ? marketplaceName(filters.marketplace) : ''), fileOnly: true });
  if (filters.reason) columns.push({ header: 'Reason', value: () => filters.reason, fileOnly: true });
  return columns;
}

/** "removals_2025-11-03_2026-01-31_week_tmall": what and which range, so downloads do not overwrite each other. */
export const fileNameOf = (chart: string, filters: DashboardFilters, scope: Scope) =>
  [chart, filters.from, filters.to, filters.unit, filters.marketplace, scope.brandName ?? filters.brandId, filters.reason]
    .filter(Boolean)
    .join('_')
    .replace(/[\\/:*?"<>|\s]+/g, '-');
