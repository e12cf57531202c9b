/** How long a failed outbox command waits before its next attempt. */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const OUTBOX_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 60_000 };
/** After this many failed attempts a command is dead: staff see it, nothing retries it. */
export const OUTBOX_MAX_ATTEMPTS = 25;

/**
 * The delay after `attempts` failed attempts: base·2^(attempts−1), capped, with "equal jitter" (half of
 * it fixed, half random) so that commands failed together by one outage do not all retry in the same
 * instant, while the delay still grows with every failure.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random, policy: BackoffPolicy = OUTBOX_BACKOFF): number {
  const exponential = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/** Answers worth retrying: timeouts, rate limits and server errors. Any other refusal will not change. */
export const isRetryableStatus = (status: number): boolean => status === 408 || status === 425 || status === 429 || status >= 500;
