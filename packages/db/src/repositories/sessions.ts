import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { Session, User } from '../entities';
import { selectRows } from './sql';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
export const newToken = (): string => randomBytes(32).toString('base64url');

export interface SessionPolicy {
  /** Absolute lifetime of a session. */
  ttlMs: number;
  /** A session unused for this long is dead even before its lifetime ends. */
  idleMs: number;
}

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
  const idleFor = now.getTime() - session.lastSeenAt.getTime();
  if (session.expiresAt <= now || idleFor > policy.idleMs || session.user.status !== 'active') {
    await em.nativeDelete(Session, { tokenHash: session.tokenHash });
    return null;
  }
  // Touch at most once a minute: a write per request would serialise SQLite readers behind the writer.
  if (idleFor > 60_000) {
    session.lastSeenAt = now;
    await em.nativeUpdate(Session, { tokenHash: session.tokenHash }, { lastSeenAt: now });
  }
  return session;
}

export const endSession = (em: EntityManager, session: Session): Promise<number> =>
  em.nativeDelete(Session, { tokenHash: session.tokenHash });

export const deleteUserSessions = (em: EntityManager, userId: string): Promise<number> =>
  em.nativeDelete(Session, { user: userId });
