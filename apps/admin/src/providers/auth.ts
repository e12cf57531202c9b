import { useGetIdentity, usePermissions, type AuthProvider } from 'react-admin';
import { canManageBrand, hasPermission, isBrandRole, staffThreadScope, type StaffRole } from '@jf/domain';
import { isApiError, setCsrfToken, trpc, type SessionUser } from './trpc';

export const PORTAL_MESSAGE = 'This is the staff back office. Brand users sign in to the brand portal at /portal/.';

/** The signed-in user, kept in memory for the page's lifetime; a reload asks `auth.me` again. */
let current: SessionUser | null = null;
/** Set once the API said there is no session, so the sign-in page does not keep asking. */
let anonymous = false;

function remember(user: SessionUser | null, csrfToken: string | null): void {
  current = user;
  anonymous = user === null;
  setCsrfToken(csrfToken);
}

/**
 * A sign-in under way. A page opened meanwhile (a link followed right after pressing "Sign in") waits
 * for it instead of sending the user back to the sign-in page.
 */
let signingIn: Promise<unknown> | null = null;

/** Who is signed in according to the API, or null when the session cookie is missing or expired. */
let loading: Promise<SessionUser | null> | null = null;
function loadUser(): Promise<SessionUser | null> {
  if (signingIn) return signingIn.then(loadUser, loadUser);
  if (current || anonymous) return Promise.resolve(current);
  // checkAuth, getIdentity and getPermissions ask at once on start-up: one request answers all three.
  loading ??= trpc.auth.me
    .query()
    .then(
      (me) => {
        remember(me.user, me.csrfToken);
        return me.user;
      },
      (error: unknown) => {
        if (!isApiError(error) || error.data?.httpStatus !== 401) throw error;
        remember(null, null);
        return null;
      },
    )
    .finally(() => {
      loading = null;
    });
  return loading;
}

const staffRoleOf = (user: SessionUser | null): StaffRole | null =>
  user && !isBrandRole(user.role) ? (user.role as StaffRole) : null;

async function signIn(email: string, password: string) {
  try {
    return await trpc.auth.signIn.mutate({ email, password });
  } catch (error) {
    // A leftover session from this browser (e.g. the portal's) wants its own CSRF token echoed: fetch it once and retry.
    if (isApiError(error) && error.data?.code === 'FORBIDDEN') {
      const me = await trpc.auth.me.query().catch(() => null);
      setCsrfToken(me?.csrfToken ?? null);
      return trpc.auth.signIn.mutate({ email, password });
    }
    throw error;
  }
}

async function staffSignIn(email: string, password: string): Promise<void> {
  // The API refuses an anonymous mutation without the header; any value will do before a session exists.
  setCsrfToken('sign-in');
  const result = await signIn(email, password).catch((error: unknown) => {
    setCsrfToken(null);
    throw new Error(error instanceof Error ? error.message : 'Sign-in failed');
  });
  remember(result.user, result.csrfToken);
  if (isBrandRole(result.user.role)) {
    // Brand accounts never get a back-office session: end the one just created.
    await trpc.auth.signOut.mutate().catch(() => undefined);
    remember(null, null);
    throw new Error(PORTAL_MESSAGE);
  }
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const attempt = staffSignIn(username, password);
    signingIn = attempt;
    try {
      await attempt;
    } finally {
      signingIn = null;
    }
    // Stay on a page opened while signing in (e.g. a thread linked from an e-mail); otherwise react-admin decides.
    const route = window.location.hash.replace(/^#/, '');
    return route && !route.startsWith('/login') ? { redirectTo: route } : undefined;
  },

  async logout() {
    // A brand user's portal session is left alone: they only landed here by mistake.
    if (current && !isBrandRole(current.role)) await trpc.auth.signOut.mutate().catch(() => undefined);
    remember(null, null);
  },

  async checkAuth() {
    const user = await loadUser();
    // Nobody signed in: straight to the sign-in page without a toast (`message: false`), which would
    // otherwise hide the sign-in form's own messages such as a wrong password.
    if (!user) throw { message: false };
    if (isBrandRole(user.role)) throw new Error(PORTAL_MESSAGE);
  },

  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      remember(null, null);
      throw new Error('Your session has ended; please sign in again');
    }
    // 403 and the rest are shown as notifications without signing the user out.
  },

  async getIdentity() {
    const user = await loadUser();
    if (!user) throw new Error('Please sign in');
    return { id: user.id, fullName: user.name, email: user.email, role: user.role };
  },

  async getPermissions() {
    return staffRoleOf(await loadUser());
  },

  /** The domain's permission table decides; buttons and routes for other roles disappear. */
  async canAccess({ resource, action, record }) {
    const role = staffRoleOf(await loadUser());
    if (!role || !current) return false;
    const reads = action === 'list' || action === 'show' || action === 'export';
    switch (resource) {
      case 'brands':
        if (reads) return hasPermission(role, 'brands.read');
        if (action === 'edit') {
          const managerId = (record as { accountManagerId?: string | null } | undefined)?.accountManagerId;
          return record ? canManageBrand(role, current.id, managerId ?? null) : hasPermission(role, 'brands.manage');
        }
        return false;
      case 'staff':
        if (reads) return hasPermission(role, 'staff.read');
        if (action === 'create' || action === 'edit') return hasPermission(role, 'staff.manage');
        return false;
      // Work lists: seeing one means working it, so the menu shows them only to the roles that decide.
      case 'queue':
      case 'gft-audit':
        return action === 'list' && hasPermission(role, 'queue.review');
      case 'ip-rights':
        return action === 'list' && hasPermission(role, 'brands.manage');
      // Leadership reads every thread but writes none; which brands one may write to is checked per brand.
      case 'threads':
        if (reads) return hasPermission(role, 'messages.read');
        return action === 'create' && mayWriteThreads(role);
      case 'manager-assignments':
        return reads && hasPermission(role, 'brands.read');
      // Whether this brand's allowlist is theirs to change is decided on the brand page (canManageBrand).
      case 'allowlist':
        return reads ? hasPermission(role, 'brands.read') : action === 'create' && hasPermission(role, 'brands.manage');
      // Everyone who reads appeals reads the sellers behind them; deciding one is checked on its page (queue.review).
      case 'appeals':
      case 'sellers':
        return reads && hasPermission(role, 'appeals.read');
      // Detection's requests and model are read by every staff role; changing the model is on the Detection page.
      case 'auth-requests':
        return reads && hasPermission(role, 'detection.read');
      // The list behind the dashboard's points, for everyone who reads the dashboard (scoped on the server).
      case 'removals':
        return reads && hasPermission(role, 'overview.read');
      case 'api-keys':
      case 'agents':
        return action === 'list' && hasPermission(role, 'integrations.manage');
      // Read-only; an account manager's list holds their brands' events and their own actions (auditScope).
      case 'audit-events':
        return reads && hasPermission(role, 'audit.read');
      default:
        return true;
    }
  },
};

/** Whether the role answers brands at all; leadership reads silently and reviewers have no correspondence. */
export function mayWriteThreads(role: StaffRole): boolean {
  const scope = staffThreadScope(role, '');
  return scope.kind !== 'none' && scope.canWrite;
}

/** The signed-in staff member for components that hide what their role may not do. */
export function useStaffUser(): { id: string; role: StaffRole } | null {
  const { permissions } = usePermissions<StaffRole | null>();
  const { identity } = useGetIdentity();
  return permissions && identity ? { id: String(identity.id), role: permissions } : null;
}
