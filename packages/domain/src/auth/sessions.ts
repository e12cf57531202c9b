/** How long a session lives; the API's environment may change both (SESSION_TTL_HOURS, SESSION_IDLE_MINUTES). */
export interface SessionPolicy {
  /** Absolute lifetime of a session from sign-in. */
  ttlMs: number;
  /** A session unused for this long is dead even before its lifetime ends. */
  idleMs: number;
}
export const DEFAULT_SESSION_POLICY: SessionPolicy = { ttlMs: 12 * 3_600_000, idleMs: 120 * 60_000 };

/**
 * `lastSeenAt` is written at most this often: a write per request would serialise SQLite readers behind
 * the writer. The idle timeout is therefore honoured to within this interval.
 */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

export type SessionVerdict = 'live' | 'expired' | 'idle' | 'user_inactive';

/** Whether a stored session may still be used at `now`; anything but `live` ends it. */
export function sessionVerdict(
  session: { expiresAt: Date; lastSeenAt: Date },
  userActive: boolean,
  now: Date,
  policy: SessionPolicy,
): SessionVerdict {
  if (!userActive) return 'user_inactive';
  if (session.expiresAt <= now) return 'expired';
  if (now.getTime() - session.lastSeenAt.getTime() > policy.idleMs) return 'idle';
  return 'live';
}

export const sessionNeedsTouch = (lastSeenAt: Date, now: Date): boolean => now.getTime() - lastSeenAt.getTime() > SESSION_TOUCH_INTERVAL_MS;
