import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_LOCKOUT,
  accountFailuresExpireAt,
  accountLockRemainingMs,
  recordAccountFailure,
  refundAddressAttempt,
  SIGN_IN_ADDRESS_LIMIT,
  takeAddressAttempt,
  tooManySignInAttempts,
  type AccountFailures,
  type AddressAttempts,
} from './sign-in-throttle';

const start = new Date('2026-03-01T09:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

/** Failures at the given minutes, each recorded on the state the previous one left. */
function failAt(...minutes: number[]): { state: AccountFailures | null; lockedNow: boolean } {
  let state: AccountFailures | null = null;
  let lockedNow = false;
  for (const minute of minutes) ({ state, lockedNow } = recordAccountFailure(state, at(minute)));
  return { state, lockedNow };
}

describe('account lockout', () => {
  it('is 5 failures within 15 minutes, then 15 minutes locked', () => {
    expect(ACCOUNT_LOCKOUT).toEqual({ maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 });
  });

  it('does not lock below the limit', () => {
    const { state, lockedNow } = failAt(0, 1, 2, 3);
    expect(lockedNow).toBe(false);
    expect(state).toMatchObject({ failures: 4, lockedUntil: null });
    expect(accountLockRemainingMs(state, at(3))).toBe(0);
  });

  it('locks on the failure that reaches the limit, for the lock period from that failure', () => {
    const { state, lockedNow } = failAt(0, 1, 2, 3, 10);
    expect(lockedNow).toBe(true);
    expect(state?.lockedUntil).toEqual(at(25));
    expect(accountLockRemainingMs(state, at(11))).toBe(14 * 60_000);
    expect(accountLockRemainingMs(state, at(25))).toBe(0);
  });

  it('starts a new window when the failures are spread out', () => {
    const { state, lockedNow } = failAt(0, 5, 10, 14, 15);
    expect(lockedNow).toBe(false);
    expect(state).toMatchObject({ failures: 1, windowStartedAt: at(15) });
  });

  it('starts afresh once a lock is over', () => {
    const locked = failAt(0, 1, 2, 3, 4).state;
    const { state, lockedNow } = recordAccountFailure(locked, at(19));
    expect(lockedNow).toBe(false);
    expect(state).toEqual({ failures: 1, windowStartedAt: at(19), lockedUntil: null });
  });

  it('can be forgotten once both the window and the lock are over', () => {
    expect(accountFailuresExpireAt(failAt(0, 1).state!)).toEqual(at(15));
    expect(accountFailuresExpireAt(failAt(0, 1, 2, 3, 12).state!)).toEqual(at(27));
  });
});

describe('sign-in limit per address', () => {
  const take = (state: AddressAttempts | null, minute: number) => takeAddressAttempt(state, at(minute), { maxAttempts: 3, windowMs: 10 * 60_000 });

  it('allows a generous number of attempts in a quarter of an hour', () => {
    expect(SIGN_IN_ADDRESS_LIMIT).toEqual({ maxAttempts: 30, windowMs: 15 * 60_000 });
  });

  it('refuses attempts beyond the limit until the window ends, without counting them', () => {
    let state: AddressAttempts | null = null;
    for (const minute of [0, 1, 2]) {
      const result = take(state, minute);
      expect(result.allowed).toBe(true);
      if (result.allowed) state = result.state;
    }
    expect(take(state, 4)).toEqual({ allowed: false, retryAfterMs: 6 * 60_000 });
    expect(take(state, 9)).toEqual({ allowed: false, retryAfterMs: 60_000 });
    expect(take(state, 10)).toEqual({ allowed: true, state: { attempts: 1, windowStartedAt: at(10) } });
  });

  it('gives a successful attempt back', () => {
    const state = { attempts: 3, windowStartedAt: at(0) };
    expect(take(state, 1).allowed).toBe(false);
    expect(take(refundAddressAttempt(state), 1).allowed).toBe(true);
    expect(refundAddressAttempt({ attempts: 0, windowStartedAt: at(0) }).attempts).toBe(0);
  });
});

describe('the refusal', () => {
  it('is rate_limited and says how many minutes to wait, rounded up', () => {
    expect(tooManySignInAttempts(14 * 60_000 + 1)).toMatchObject({ code: 'rate_limited', message: 'Too many sign-in attempts; try again in 15 minutes' });
    expect(tooManySignInAttempts(30_000).message).toBe('Too many sign-in attempts; try again in 1 minute');
    expect(tooManySignInAttempts(0).message).toBe('Too many sign-in attempts; try again in 1 minute');
  });
});
