import { acceptInviteInput, DomainError, signInInput } from '@jf/domain';
import {
  createSession,
  endSession,
  findBrand,
  findUserByEmail,
  hashPassword,
  hashToken,
  User,
  verifyPassword,
} from '@jf/db';
import { audit, authedProcedure, publicProcedure } from '../trpc/init';
import { presentBrand, presentUser } from './presenters';

const INVALID_CREDENTIALS = 'Wrong e-mail or password, or the account is not active';

export const authRouter = {
  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    const user = await findUserByEmail(ctx.em, input.email);
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
    if (!user || !passwordOk || user.status !== 'active') {
      throw new DomainError('unauthenticated', INVALID_CREDENTIALS);
    }
    // A new session on every sign-in, and the old one from this browser ends, so a planted cookie is useless.
    const { token, session } = createSession(ctx.em, user, ctx.sessionPolicy, ctx.userAgent);
    user.lastSignInAt = new Date();
    ctx.cookies?.set(token, session.expiresAt);
    audit(ctx, { action: 'signed_in', entityType: 'session', entityId: session.tokenHash.slice(0, 16), brandId: user.brand?.id, after: { userId: user.id } }, user);
    return { user: presentUser(user), csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
  }),

  signOut: authedProcedure.mutation(async ({ ctx }) => {
    if (ctx.session) await endSession(ctx.em, ctx.session);
    ctx.cookies?.clear();
    return { signedOut: true };
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
    user.name = input.name;
    user.passwordHash = await hashPassword(input.password);
    user.status = 'active';
    user.inviteTokenHash = null;
    user.inviteExpiresAt = null;
    audit(ctx, { action: 'invite_accepted', entityType: 'user', entityId: user.id, brandId: user.brand?.id, before: { status: 'invited' }, after: { status: 'active' } }, user);
    return { email: user.email };
  }),
};
