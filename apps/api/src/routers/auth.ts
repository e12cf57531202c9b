import { acceptInviteInput, ACCOUNT_LOCKOUT, assertNewPassword, DomainError, signInInput, tooManySignInAttempts } from '@jf/domain';
import {
  clearSignInFailures,
  countSignInAttempt,
  createSession,
  deleteUserSessions,
  endSession,
  findBrand,
  findUserByEmail,
  hashPassword,
  hashToken,
  User,
  verifyPassword,
} from '@jf/db';
import { audit, auditNow, authedProcedure, publicProcedure } from '../trpc/init';
import { presentBrand, presentUser } from './presenters';

const INVALID_CREDENTIALS = 'Wrong e-mail or password, or the account is not active';

export const authRouter = {
  /**
   * Runs its own transactions: a failed attempt is counted (and a lockout audited) even though the
   * call fails. Unknown e-mail addresses are counted and locked like real ones, and checked against a
   * dummy hash, so neither the answer nor its timing tells whether an account exists.
   */
  signIn: publicProcedure
    .meta({ access: 'public', ownTransactions: true })
    .input(signInInput)
    .mutation(async ({ ctx, input }) => {
      const address = ctx.clientAddress;
      if (address) ctx.signInLimiter?.take(address);
      const attempt = await countSignInAttempt(ctx.em, input.email);
      if (attempt.refused) throw tooManySignInAttempts(attempt.retryAfterMs);

      const user = await findUserByEmail(ctx.em, input.email);
      const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
      if (!user || !passwordOk || user.status !== 'active') {
        if (!attempt.lockedNow) throw new DomainError('unauthenticated', INVALID_CREDENTIALS);
        if (user) {
          const after = { failures: ACCOUNT_LOCKOUT.maxFailures, lockedForMinutes: ACCOUNT_LOCKOUT.lockMs / 60_000 };
          await auditNow(ctx, { action: 'sign_in_locked', entityType: 'user', entityId: user.id, brandId: user.brand?.id, after }, null);
        }
        throw tooManySignInAttempts(ACCOUNT_LOCKOUT.lockMs);
      }

      const { token, session } = await ctx.em.transactional(async (em) => {
        await clearSignInFailures(em, input.email);
        // A new session on every sign-in, and the one this browser held ends: a planted or stolen cookie is useless.
        if (ctx.session) await endSession(em, ctx.session);
        const started = createSession(em, user, ctx.sessionPolicy, ctx.userAgent);
        user.lastSignInAt = new Date();
        const entityId = started.session.tokenHash.slice(0, 16);
        audit({ ...ctx, em }, { action: 'signed_in', entityType: 'session', entityId, brandId: user.brand?.id, after: { userId: user.id } }, user);
        return started;
      });
      if (address) ctx.signInLimiter?.refund(address);
      ctx.cookies?.set(token, session.expiresAt);
      return { user: presentUser(user), csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
    }),

  signOut: authedProcedure.mutation(async ({ ctx }) => {
    if (ctx.session) await endSession(ctx.em, ctx.session);
    ctx.cookies?.clear();
    return { signedOut: true };
  }),

  /** Ends every session of the caller, on every device, this one included. */
  signOutEverywhere: authedProcedure.mutation(async ({ ctx }) => {
    const sessionsEnded = await deleteUserSessions(ctx.em, ctx.user.id);
    ctx.cookies?.clear();
    audit(ctx, { action: 'signed_out_everywhere', entityType: 'user', entityId: ctx.user.id, brandId: ctx.user.brand?.id, after: { sessionsEnded } });
    return { sessionsEnded };
  }),

  /** Who is signed in, their brand (for brand users) and the CSRF token the client must echo. */
  me: authedProcedure.query(async ({ ctx }) => {
    const brand = ctx.user.brand ? await findBrand(ctx.em, ctx.user.brand.id) : null;
    return {
      user: presentUser(ctx.user),
      brand: brand ? presentBrand(brand) : null,
      csrfToken: ctx.session?.csrfToken ?? null,
    };
  }),

  acceptInvite: publicProcedure.input(acceptInviteInput).mutation(async ({ ctx, input }) => {
    const user = await ctx.em.findOne(User, { inviteTokenHash: hashToken(input.token), status: 'invited' });
    if (!user || !user.inviteExpiresAt || user.inviteExpiresAt < new Date()) {
      throw new DomainError('not_found', 'This invitation is unknown, already used or expired; ask your brand admin for a new one', {
        token: ['is unknown, used or expired'],
      });
    }
    assertNewPassword(input.password, user.email);
    user.name = input.name;
    user.passwordHash = await hashPassword(input.password);
    user.status = 'active';
    user.inviteTokenHash = null;
    user.inviteExpiresAt = null;
    audit(ctx, { action: 'invite_accepted', entityType: 'user', entityId: user.id, brandId: user.brand?.id, before: { status: 'invited' }, after: { status: 'active' } }, user);
    return { email: user.email };
  }),
};
