import { DomainError } from '../errors';

const MINUTE_MS = 60_000;

/**
 * Per-account lockout: this many failed sign-ins within the window lock the e-mail address for
 * `lockMs`. Unknown addresses are counted the same way, so the lockout never tells which exist.
 */
export interface AccountLockoutPolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}
export const ACCOUNT_LOCKOUT: AccountLockoutPolicy = { maxFailures: 5, windowMs: 15 * MINUTE_MS, lockMs: 15 * MINUTE_MS };

/** Per-client-address limit: at most `maxAttempts` sign-ins in flight or failed per fixed window. */
export interface SignInAddressPolicy {
  maxAttempts: number;
  windowMs: number;
}
export const SIGN_IN_ADDRESS_LIMIT: SignInAddressPolicy = { maxAttempts: 30, windowMs: 15 * MINUTE_MS };

/** Failed sign-ins of one account in the current window. */
export interface AccountFailures {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

/** Milliseconds until the account may try again; 0 when it may try now. */
export function accountLockRemainingMs(state: AccountFailures | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil.getTime() - now.getTime());
}

/**
 * The account's state after one more failure: a new window once the last one (or the lock) is over,
 * locked from the failure that reaches the limit. `lockedNow` says this failure set the lock.
 */
export function recordAccountFailure(
  state: AccountFailures | null,
  now: Date,
  policy: AccountLockoutPolicy = ACCOUNT_LOCKOUT,
): { state: AccountFailures; lockedNow: boolean } {
  const windowOver = !state || now.getTime() - state.windowStartedAt.getTime() >= policy.windowMs;
  const lockOver = state?.lockedUntil != null && state.lockedUntil <= now;
  const failures = windowOver || lockOver ? 1 : state.failures + 1;
  const windowStartedAt = windowOver || lockOver ? now : state.windowStartedAt;
  const lockedNow = failures >= policy.maxFailures;
  return { state: { failures, windowStartedAt, lockedUntil: lockedNow ? new Date(now.getTime() + policy.lockMs) : null }, lockedNow };
}

/** When the state stops mattering (its window and its lock are both over), so it can be forgotten. */
export function accountFailuresExpireAt(state: AccountFailures, policy: AccountLockoutPolicy = ACCOUNT_LOCKOUT): Date {
  const windowEnd = state.windowStartedAt.getTime() + policy.windowMs;
  return new Date(Math.max(windowEnd, state.lockedUntil?.getTime() ?? 0));
}

/** Sign-ins counted for one client address in a fixed window. */
export interface AddressAttempts {
  attempts: number;
  windowStartedAt: Date;
}

/**
 * Counts an attempt before the password is checked (so parallel guesses cannot all slip through);
 * refused attempts are not counted. A success gives its attempt back (`refundAddressAttempt`).
 */
export function takeAddressAttempt(
  state: AddressAttempts | null,
  now: Date,
  policy: SignInAddressPolicy = SIGN_IN_ADDRESS_LIMIT,
): { allowed: true; state: AddressAttempts } | { allowed: false; retryAfterMs: number } {
  const current = state && now.getTime() - state.windowStartedAt.getTime() < policy.windowMs ? state : { attempts: 0, windowStartedAt: now };
  if (current.attempts >= policy.maxAttempts) {
    return { allowed: false, retryAfterMs: current.windowStartedAt.getTime() + policy.windowMs - now.getTime() };
  }
  return { allowed: true, state: { attempts: current.attempts + 1, windowStartedAt: current.windowStartedAt } };
}

export function refundAddressAttempt(state: AddressAttempts): AddressAttempts {
  return { ...state, attempts: Math.max(0, state.attempts - 1) };
}

/** The one answer to a locked account or a throttled address; it never says whether the e-mail exists. */
export function tooManySignInAttempts(retryAfterMs: number): DomainError {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / MINUTE_MS));
  return new DomainError('rate_limited', `Too many sign-in attempts; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`);
}
