import { DateTimeType, EntitySchema, OptionalProps } from '@mikro-orm/core';
import { ROLES, USER_STATUSES, type Role, type UserStatus } from '@jf/domain';
import type { Brand } from './brand';
import { createdAtProperty, enumProperty, idProperty, newId } from './common';

export class User {
  [OptionalProps]?:
    | 'id'
    | 'createdAt'
    | 'status'
    | 'locale'
    | 'brand'
    | 'inviteTokenHash'
    | 'inviteExpiresAt'
    | 'lastSignInAt'
    | 'passwordHash'
    | 'notificationPreferences';
  id: string = newId();
  email!: string;
  name!: string;
  /** argon2id hash; null while an invitation has not been accepted. */
  passwordHash!: string | null;
  role!: Role;
  status!: UserStatus;
  /** Set for brand users only: the one tenant they may see. */
  brand!: Brand | null;
  locale!: string;
  inviteTokenHash!: string | null;
  inviteExpiresAt!: Date | null;
  lastSignInAt!: Date | null;
  /** Only the choices the user made; `resolveNotificationPreferences` fills in the defaults. */
  notificationPreferences!: Record<string, unknown> | null;
  createdAt!: Date;
}

export const UserSchema = new EntitySchema<User>({
  class: User,
  tableName: 'users',
  indexes: [{ properties: ['brand', 'role'] }],
  properties: {
    id: idProperty,
    email: { type: 'string', length: 254, unique: true },
    name: { type: 'string', length: 200 },
    passwordHash: { type: 'string', length: 255, nullable: true, hidden: true },
    role: enumProperty(ROLES),
    status: enumProperty(USER_STATUSES, { default: 'active' }),
    brand: { kind: 'm:1', entity: 'Brand', nullable: true, deleteRule: 'restrict' },
    locale: { type: 'string', length: 16, default: 'en' },
    inviteTokenHash: { type: 'string', length: 128, nullable: true, unique: true, hidden: true },
    inviteExpiresAt: { type: DateTimeType, nullable: true },
    lastSignInAt: { type: DateTimeType, nullable: true },
    notificationPreferences: { type: 'json', nullable: true },
    createdAt: createdAtProperty,
  },
});

/** Server-side session; the cookie holds a random token, the table only its SHA-256. */
export class Session {
  [OptionalProps]?: 'createdAt' | 'userAgent';
  tokenHash!: string;
  user!: User;
  csrfToken!: string;
  createdAt!: Date;
  lastSeenAt!: Date;
  expiresAt!: Date;
  userAgent!: string | null;
}

export const SessionSchema = new EntitySchema<Session>({
  class: Session,
  tableName: 'sessions',
  indexes: [{ properties: ['user'] }, { properties: ['expiresAt'] }],
  properties: {
    tokenHash: { type: 'string', length: 64, primary: true },
    user: { kind: 'm:1', entity: 'User', deleteRule: 'cascade' },
    csrfToken: { type: 'string', length: 64 },
    createdAt: createdAtProperty,
    lastSeenAt: { type: DateTimeType },
    expiresAt: { type: DateTimeType },
    userAgent: { type: 'string', length: 500, nullable: true },
  },
});

/**
 * Failed sign-ins of one e-mail address in the current window (`recordAccountFailure` in the domain).
 * Keyed by the SHA-256 of the normalised address, so unknown addresses are counted like real ones
 * without the table collecting what people typed.
 */
export class SignInThrottle {
  [OptionalProps]?: 'lockedUntil';
  keyHash!: string;
  failures!: number;
  windowStartedAt!: Date;
  lockedUntil!: Date | null;
  /** When both the window and the lock are over; older rows mean nothing and are pruned. */
  expiresAt!: Date;
}

export const SignInThrottleSchema = new EntitySchema<SignInThrottle>({
  class: SignInThrottle,
  tableName: 'sign_in_throttles',
  indexes: [{ properties: ['expiresAt'] }],
  properties: {
    keyHash: { type: 'string', length: 64, primary: true },
    failures: { type: 'integer' },
    windowStartedAt: { type: DateTimeType },
    lockedUntil: { type: DateTimeType, nullable: true },
    expiresAt: { type: DateTimeType },
  },
});
