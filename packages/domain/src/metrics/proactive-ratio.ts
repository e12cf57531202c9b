import { BRAND_REQUESTED_SOURCES, PROACTIVE_SOURCES, type RemovalSource } from '../model';

export interface ProactiveRatio {
  /** Removals with source `proactive` or `authentication`. */
  proactive: number;
  /** Removals with source `notice_gft` or `notice_standard`. */
  brandRequested: number;
  /** proactive / brandRequested; null when there were no brand-requested removals. */
  ratio: number | null;
}

/** Missing sources count as zero, so a GROUP BY result can be passed as it is. */
export function proactiveRatio(countsBySource: Partial<Record<RemovalSource, number>>): ProactiveRatio {
  const sum = (sources: readonly RemovalSource[]) =>
    sources.reduce((total, source) => total + (countsBySource[source] ?? 0), 0);
  const proactive = sum(PROACTIVE_SOURCES);
  const brandRequested = sum(BRAND_REQUESTED_SOURCES);
  return { proactive, brandRequested, ratio: brandRequested === 0 ? null : proactive / brandRequested };
}
