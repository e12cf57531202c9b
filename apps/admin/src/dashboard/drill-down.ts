import type { RemovalSource } from '@jf/domain';
import { periodEnd, periodStart, type DashboardFilters } from './filters';

export type SourceGroup = 'proactive' | 'brand_requested';

/** The removals list's filter as the URL carries it (react-admin reads `filter` as JSON). */
export interface RemovalsFilter {
  source?: RemovalSource;
  group?: SourceGroup;
  marketplace?: string;
  brandId?: string;
  from?: string;
  to?: string;
}

/** The removals behind one period of a chart (and one source or group of them), newest first. */
export function removalsBehind(filters: DashboardFilters, period: string, pick: { source?: RemovalSource; group?: SourceGroup } = {}): string {
  const filter: RemovalsFilter = {
    ...pick,
    from: periodStart(period, filters.from),
    to: periodEnd(period, filters.unit, filters.to),
    ...(filters.marketplace ? { marketplace: filters.marketplace } : {}),
    ...(filters.brandId ? { brandId: filters.brandId } : {}),
  };
  return `/removals?${new URLSearchParams({ filter: JSON.stringify(filter), sort: 'requestedAt', order: 'DESC' }).toString()}`;
}
