import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import {
  ACCOUNT_LOCKOUT,
  accountFailuresExpireAt,
  accountLockRemainingMs,
  recordAccountFailure,
  sessionNeedsTouch,
  sessionVerdict,
  type AccountFailures,
  type AccountLockoutPolicy,
  type SessionPolicy,
} from '@jf/domain';
import { Session, SignInThrottle, User } from '../entities';
import { databaseUnavailableReason, isUniqueViolation } from '../errors';
import { dateOf, selectRows } from './sql';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
export const newToken = (): string => randomBytes(32).toString('base64url');

export type { SessionPolicy };

/** Starts a session; only the returned token (for the cookie) can find it again. */
export function createSession(
  em: EntityManager,
  user: User,
  policy: SessionPolicy,
  userAgent: string | null,
  now = new Date(),
): { token: string; session: Session } {
  const token = newToken();
  const session = em.create(Session, {
    tokenHash: hashToken(token),
    user,
    csrfToken: newToken(),
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + policy.ttlMs),
    userAgent: userAgent?.slice(0, 500) ?? null,
  });
  return { token, session };
}

/**
 * Every signed-in request reads its session and user. Two plain queries mapped into the unit of work
 * cost a sixth of the equivalent populated `findOne`; the user's brand stays a reference (its id).
 */
async function findSession(em: EntityManager, tokenHash: string): Promise<Session | null> {
  const [sessionRow] = await selectRows<Record<string, unknown>>(em, 'select * from sessions where token_hash = ?', [tokenHash]);
  if (!sessionRow) return null;
  const [userRow] = await selectRows<Record<string, unknown>>(em, 'select * from users where id = ?', [sessionRow.user_id as string]);
  if (!userRow) return null;
  em.map(User, userRow);
  return em.map(Session, sessionRow);
}

/** The live session for a cookie token, or null when unknown, expired, idle too long or the user is inactive. */
export async function resolveSession(
  em: EntityManager,
  token: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<Session | null> {
  const session = await findSession(em, hashToken(token));
  if (!session) return null;
  // The rules (lifetime, idle timeout, inactive users, how often to touch) are the domain's.
  if (sessionVerdict(session, session.user.status === 'active', now, policy) !== 'live') {
    await em.nativeDelete(Session, { tokenHash: session.tokenHash });
    return null;
  }
  if (sessionNeedsTouch(session.lastSeenAt, now)) {
    session.lastSeenAt = now;
    try {
      await em.nativeUpdate(Session, { tokenHash: session.tokenHash }, { lastSeenAt: now });
    } catch (error) {
      // A database that takes no writes (read-only, disk full) must still serve reads; the touch waits for the next request.
      if (!databaseUnavailableReason(error) || em.getTransactionContext()) throw error;
    }
  }
  return session;
}

export const endSession = (em: EntityManager, session: Session): Promise<number> =>
  em.nativeDelete(Session, { tokenHash: session.tokenHash });

export const deleteUserSessions = (em: EntityManager, userId: string): Promise<number> =>
  em.nativeDelete(Session, { user: userId });

// ————————————————————————————————————————————————————————————— sign-in lockout

const throttleKey = (email: string): string => hashToken(`sign-in:${email.trim().toLowerCase()}`);

async function readThrottle(em: EntityManager, keyHash: string): Promise<AccountFailures | null> {
  const [row] = await selectRows<Record<string, unknown>>(em, 'select * from sign_in_throttles where key_hash = ?', [keyHash]);
  if (!row) return null;
  return { failures: Number(row.failures), windowStartedAt: dateOf(row.window_started_at)!, lockedUntil: dateOf(row.locked_until) };
}

export type SignInAttempt = { refused: true; retryAfterMs: number } | { refused: false; lockedNow: boolean };

/**
 * Counts a sign-in attempt of `email` as failed before the password is checked, so that parallel
 * guesses cannot all get through; a successful sign-in then clears the count (`clearSignInFailures`).
 * A locked address is refused without counting. Compare-and-set on the row keeps concurrent attempts
 * from losing counts on both dialects; run it outside a transaction so the count stands when the
 * sign-in fails.
 */
export async function countSignInAttempt(em: EntityManager, email: string, now = new Date(), policy: AccountLockoutPolicy = ACCOUNT_LOCKOUT): Promise<SignInAttempt> {
  const keyHash = throttleKey(email);
  for (let round = 0; round < 8; round++) {
    const current = await readThrottle(em, keyHash);
    const retryAfterMs = accountLockRemainingMs(current, now);
    if (retryAfterMs > 0) return { refused: true, retryAfterMs };
    const { state, lockedNow } = recordAccountFailure(current, now, policy);
    const values = { ...state, expiresAt: accountFailuresExpireAt(state, policy) };
    if (!current) {
      // New rows are the only growth: forget the ones whose window and lock are over first.
      await em.nativeDelete(SignInThrottle, { expiresAt: { $lt: now } });
      try {
        await em.insert(SignInThrottle, { keyHash, ...values });
        return { refused: false, lockedNow };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        continue;
      }
    }
    const where = { keyHash, failures: current.failures, windowStartedAt: current.windowStartedAt };
    if ((await em.nativeUpdate(SignInThrottle, where, values)) === 1) return { refused: false, lockedNow };
  }
  // Only a flood of parallel attempts at one address gets here: refuse like a lock.
  return { refused: true, retryAfterMs: policy.lockMs };
}

/** A successful sign-in forgets the address's failures and lifts its lock. */
export const clearSignInFailures = (em: EntityManager, email: string): Promise<number> =>
  em.nativeDelete(SignInThrottle, { keyHash: throttleKey(email) });
