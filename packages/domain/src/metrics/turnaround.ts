import { percentile } from './percentile';

export interface DurationPercentiles {
  /** How many durations were measured. */
  count: number;
  /** Milliseconds; null when nothing was measured. */
  p50: number | null;
  p90: number | null;
}
export interface TurnaroundPercentiles extends DurationPercentiles {
  p99: number | null;
}

/**
 * Takedown turnaround, `removedAt − requestedAt`, over acknowledged removals. Removals the
 * marketplace has not acknowledged yet are left out rather than counted as "so far".
 */
export function turnaroundPercentiles(
  removals: readonly { requestedAt: Date; removedAt: Date | null }[],
): TurnaroundPercentiles {
  const durations = removals.flatMap((removal) =>
    removal.removedAt ? [removal.removedAt.getTime() - removal.requestedAt.getTime()] : [],
  );
  return {
    count: durations.length,
    p50: percentile(durations, 50),
    p90: percentile(durations, 90),
    p99: percentile(durations, 99),
  };
}
