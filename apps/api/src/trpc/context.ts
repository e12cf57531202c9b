import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
// Brings pino-http's typing of `req.id` along wherever the router type is imported (the apps).
import type {} from 'pino-http';
import { resolveSession, type Database, type EntityManager, type Session, type SessionPolicy, type User } from '@jf/db';
import type { SignInAddressLimiter } from '../http/sign-in-limiter';
import { unavailableError } from './errors';

export const SESSION_COOKIE = 'jf_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Whether a presented CSRF token is the session's, compared in constant time. */
export function csrfTokenMatches(expected: string, presented: string | null | undefined): boolean {
  if (!presented) return false;
  const [a, b] = [Buffer.from(expected), Buffer.from(presented)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** How the caller proved who it is; mutations over a cookie also need the CSRF token. */
export type Transport = 'cookie' | 'internal';

/** Writes and clears the session cookie; absent for in-process callers. */
export interface SessionCookieJar {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface InnerContextOptions {
  em: EntityManager;
  session?: Session | null;
  requestId?: string;
  transport?: Transport;
  csrfHeader?: string | null;
  cookies?: SessionCookieJar | null;
  sessionPolicy: SessionPolicy;
  userAgent?: string | null;
  /** The client's address (behind a loopback proxy, the forwarded one) and the per-address sign-in limit. */
  clientAddress?: string | null;
  signInLimiter?: SignInAddressLimiter | null;
}

/** Everything a procedure may use, with no HTTP in sight: tests build this directly. */
export function createInnerContext(options: InnerContextOptions) {
  const session = options.session ?? null;
  return {
    em: options.em,
    session,
    user: (session?.user ?? null) as User | null,
    requestId: options.requestId ?? randomUUID(),
    transport: options.transport ?? 'internal',
    csrfHeader: options.csrfHeader ?? null,
    cookies: options.cookies ?? null,
    sessionPolicy: options.sessionPolicy,
    userAgent: options.userAgent ?? null,
    clientAddress: options.clientAddress ?? null,
    signInLimiter: options.signInLimiter ?? null,
  };
}
export type Context = ReturnType<typeof createInnerContext>;

export interface ContextDeps {
  database: Database;
  sessionPolicy: SessionPolicy;
  /** Served over HTTPS: the session cookie is marked Secure. */
  cookieSecure: boolean;
  signInLimiter: SignInAddressLimiter;
}

export function contextFactory({ database, sessionPolicy, cookieSecure, signInLimiter }: ContextDeps) {
  return async ({ req, res }: { req: Request; res: Response }): Promise<Context> => {
    const em = database.fork();
    const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    // Context errors skip the procedures' error map: a database that is down must still be a 503.
    const session = token ? await resolveSession(em, token, sessionPolicy).catch((error: unknown) => Promise.reject(unavailableError(error) ?? error)) : null;
    const cookieOptions = { httpOnly: true, sameSite: 'lax', secure: cookieSecure, path: '/' } as const;
    return createInnerContext({
      em,
      session,
      requestId: String(req.id ?? randomUUID()),
      transport: 'cookie',
      csrfHeader: req.header(CSRF_HEADER) ?? null,
      sessionPolicy,
      userAgent: req.header('user-agent') ?? null,
      clientAddress: req.ip ?? null,
      signInLimiter,
      cookies: {
        set: (value, expiresAt) => res.cookie(SESSION_COOKIE, value, { ...cookieOptions, expires: expiresAt }),
        clear: () => res.clearCookie(SESSION_COOKIE, cookieOptions),
      },
    });
  };
}
