import type { AuthRequestState } from '../model';
import { percentile } from './percentile';
import type { DurationPercentiles } from './turnaround';

/** Brand answer time, `answeredAt − createdAt`, over answered requests only. */
export function authResponseTimes(
  requests: readonly { createdAt: Date; answeredAt: Date | null }[],
): DurationPercentiles {
  const durations = requests.flatMap((request) =>
    request.answeredAt ? [request.answeredAt.getTime() - request.createdAt.getTime()] : [],
  );
  return { count: durations.length, p50: percentile(durations, 50), p90: percentile(durations, 90) };
}

export interface ExpiryRate {
  answered: number;
  expired: number;
  /** expired / (answered + expired); null when no request has concluded. */
  rate: number | null;
}

/** Open requests are left out: they may still be answered, so they are neither outcome yet. */
export function expiryRate(requests: readonly { state: AuthRequestState }[]): ExpiryRate {
  const answered = requests.filter((request) => request.state === 'answered').length;
  const expired = requests.filter((request) => request.state === 'expired').length;
  const concluded = answered + expired;
  return { answered, expired, rate: concluded === 0 ? null : expired / concluded };
}
