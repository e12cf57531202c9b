import { initTRPC, TRPCError } from '@trpc/server';
import { DomainError, hasPermission, invalidInput, isBrandRole, nulCharacterPath, type BrandRole, type StaffPermission, type StaffRole } from '@jf/domain';
import { auditRow, insertAuditRows, recordAudit, type AuditEntry, type User } from '@jf/db';
import { csrfTokenMatches, type Context } from './context';
import { domainCodeOf, fieldIssuesOf, toTRPCError } from './errors';
import { inOneTransaction } from './transaction';

/** Who may call a procedure; the tenant-isolation test reads it for every procedure. */
export interface ProcedureMeta {
  access: 'public' | 'authed' | 'staff' | 'brand';
  /**
   * The mutation opens its own transactions instead of running in one: for the few that must keep a
   * write when they refuse (sign-in counts a failed attempt and audits a lockout, then fails).
   */
  ownTransactions?: boolean;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter({ shape, error }) {
      const fieldIssues = fieldIssuesOf(error);
      const isInternal = error.code === 'INTERNAL_SERVER_ERROR';
      const message = isInternal ? 'Something went wrong on our side; the request was not applied' : shape.message;
      return {
        ...shape,
        message,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, domainCode: domainCodeOf(error), fieldIssues },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;

const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  return { ...result, error: toTRPCError(result.error) };
});

/** Every mutation runs in one transaction: its changes and its audit rows commit or roll back together. */
const transactionalMutations = t.middleware(async ({ ctx, type, meta, next }) => {
  if (type !== 'mutation' || meta?.ownTransactions) return next();
  return inOneTransaction(ctx.em, (em) => next({ ctx: { em } }));
});

/**
 * Cookie-borne mutations must repeat the session's CSRF token in a header. A cross-site form cannot set
 * headers, and the API answers no CORS preflight, so anonymous mutations only need the header present.
 */
const csrfGuard = t.middleware(({ ctx, type, next }) => {
  if (type !== 'mutation' || ctx.transport !== 'cookie') return next();
  const expected = ctx.session?.csrfToken;
  if (!ctx.csrfHeader || (expected && !csrfTokenMatches(expected, ctx.csrfHeader))) {
    throw new DomainError('forbidden', 'Missing or invalid CSRF token; reload the page and try again');
  }
  return next();
});

/** Text with NUL characters never reaches the database (see nulCharacterPath); the field is named. */
const nulGuard = t.middleware(async ({ getRawInput, next }) => {
  const field = nulCharacterPath(await getRawInput());
  if (field) throw invalidInput('The request was refused', { [field]: ['must not contain a NUL character'] });
  return next();
});

const base = t.procedure.use(mapErrors).use(nulGuard).use(csrfGuard).use(transactionalMutations);

export const publicProcedure = base.meta({ access: 'public' });

export const authedProcedure = base.meta({ access: 'authed' }).use(({ ctx, next }) => {
  if (!ctx.user) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' });
  }
  return next({ ctx: { user: ctx.user } });
});

/** Staff procedures name the permission they need (STAFF_PERMISSIONS in the domain). */
export const requirePermission = (permission: StaffPermission) =>
  authedProcedure.meta({ access: 'staff' }).use(({ ctx, next }) => {
    if (!hasPermission(ctx.user.role, permission)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `Your role may not do this (${permission})` });
    }
    return next({ ctx: { staffRole: ctx.user.role as StaffRole } });
  });

/**
 * Brand procedures get the caller's brand injected and never take a brand id from input:
 * a brand user can only ever reach its own tenant.
 */
export const brandScopedProcedure = (...roles: BrandRole[]) =>
  authedProcedure.meta({ access: 'brand' }).use(({ ctx, next }) => {
    const { role, brand } = ctx.user;
    if (!isBrandRole(role) || !brand) throw new TRPCError({ code: 'FORBIDDEN', message: 'Only brand users can do this' });
    if (roles.length > 0 && !roles.includes(role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `Only ${roles.join(' or ')} can do this` });
    }
    return next({ ctx: { brandId: brand.id, brandRole: role } });
  });

type CallerAuditEntry = Omit<AuditEntry, 'actor' | 'requestId'>;

function attributed(ctx: Context, entry: CallerAuditEntry, as: User | null): AuditEntry {
  const actor = as ? { id: as.id, label: `${as.email} (${as.role})` } : { id: null, label: 'anonymous' };
  return { ...entry, actor, requestId: ctx.requestId };
}

/** Audit row in the current transaction, attributed to the caller (or to `as`, e.g. the user signing in). */
export function audit(ctx: Context, entry: CallerAuditEntry, as: User | null = ctx.user): void {
  recordAudit(ctx.em, attributed(ctx, entry, as));
}

/** `audit`, written at once with a native insert: for procedures that write without the unit of work. */
export async function auditNow(ctx: Context, entry: CallerAuditEntry, as: User | null = ctx.user): Promise<void> {
  await insertAuditRows(ctx.em, [auditRow(attributed(ctx, entry, as), new Date())]);
}
