import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_POLICY, SESSION_TOUCH_INTERVAL_MS, sessionNeedsTouch, sessionVerdict } from './sessions';

const start = new Date('2026-03-01T09:00:00Z');
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
const policy = { ttlMs: 10 * 3_600_000, idleMs: 60 * 60_000 };
const session = { expiresAt: minutes(600), lastSeenAt: start };

describe('sessions', () => {
  it('default to 12 hours of life and 2 idle hours, touched at most once a minute', () => {
    expect(DEFAULT_SESSION_POLICY).toEqual({ ttlMs: 12 * 3_600_000, idleMs: 120 * 60_000 });
    expect(SESSION_TOUCH_INTERVAL_MS).toBe(60_000);
  });

  it('are live while used within the idle timeout and before their lifetime ends', () => {
    expect(sessionVerdict(session, true, minutes(60), policy)).toBe('live');
    expect(sessionVerdict({ ...session, lastSeenAt: minutes(590) }, true, minutes(599), policy)).toBe('live');
  });

  it('end when unused for longer than the idle timeout', () => {
    expect(sessionVerdict(session, true, minutes(61), policy)).toBe('idle');
  });

  it('end at their lifetime however busy, and with their user', () => {
    expect(sessionVerdict({ ...session, lastSeenAt: minutes(599) }, true, minutes(600), policy)).toBe('expired');
    expect(sessionVerdict(session, false, minutes(1), policy)).toBe('user_inactive');
  });

  it('are touched only when the last touch is more than a minute old', () => {
    expect(sessionNeedsTouch(start, new Date(start.getTime() + 60_000))).toBe(false);
    expect(sessionNeedsTouch(start, new Date(start.getTime() + 60_001))).toBe(true);
  });
});
