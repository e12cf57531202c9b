import { redirect, useRouteLoaderData } from 'react-router';
import { errorCode, setCsrfToken, trpc, type Me } from './trpc';

export const APP_ROUTE_ID = 'app';

/** `auth.me`, or null when nobody is signed in. Keeps the CSRF token for later mutations. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await trpc.auth.me.query();
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (errorCode(error) === 'UNAUTHORIZED') {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Where to send an anonymous visitor: the sign-in page, remembering where they were going. */
export function signInRedirect(request: Request): Response {
  const url = new URL(request.url);
  const from = stripBasename(url.pathname) + url.search;
  return redirect(from === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(from)}`);
}

/** A `next` value is only followed when it is a path inside the portal, never another origin. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

function stripBasename(pathname: string): string {
  return pathname.replace(/^\/portal(?=\/|$)/, '') || '/';
}

/** The signed-in caller, loaded by the app layout; pages below it can rely on it being there. */
export function useMe(): Me {
  const me = useRouteLoaderData(APP_ROUTE_ID) as Me | undefined;
  if (!me) throw new Error('useMe() used outside the signed-in layout');
  return me;
}

export const isBrandUser = (me: Me): boolean =>
  me.brand !== null && (me.user.role === 'brand_admin' || me.user.role === 'brand_agent');

/**
 * Wraps the loader of a brand page. Staff accounts reach these routes too, and the API refuses them
 * the brand's data; the layout shows them a pointer to the back office instead of the page, so the
 * page (and its data) is never rendered for them.
 */
export function brandLoader<Args, Data>(load: (args: Args) => Promise<Data>): (args: Args) => Promise<Data> {
  return async (args) => {
    try {
      return await load(args);
    } catch (error) {
      if (errorCode(error) === 'FORBIDDEN') return null as Data;
      throw error;
    }
  };
}
