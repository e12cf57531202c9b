import type { EntityManager } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import type { NotificationKind } from '@jf/domain';
import { AuthRequest, Notification, User } from '../entities';
import { newId } from '../entities/common';
import { insertRows, runStatement, selectRows } from './sql';

export interface NotificationDraft {
  brandId: string | null;
  /** Set for a notification meant for one person (a staff member); brand-wide otherwise. */
  userId?: string | null;
  kind: NotificationKind;
  title: string;
  body: string;
  entityType?: Notification['entityType'];
  entityId?: string | null;
}

export function notify(em: EntityManager, draft: NotificationDraft): Notification {
  return em.create(Notification, {
    brand: draft.brandId,
    user: draft.userId ?? null,
    kind: draft.kind,
    title: draft.title,
    body: draft.body,
    entityType: draft.entityType ?? null,
    entityId: draft.entityId ?? null,
  });
}

export interface EmailJob {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  brandId: string | null;
  userId: string | null;
  entityType: string | null;
  entityId: string | null;
  attempts: number;
  createdAt: Date;
}

/**
 * Takes notifications whose e-mail is due and leases them for `leaseMs` (a crashed mailer's lease
 * runs out and another picks them up). Skip-locked on PostgreSQL so two mailers never share a row.
 */
export async function claimDueEmails(em: EntityManager, now: Date, limit: number, leaseMs: number): Promise<EmailJob[]> {
  const postgres = em.getPlatform() instanceof PostgreSqlPlatform;
  return em.transactional(async (tx) => {
    const rows = await selectRows<Record<string, unknown>>(
      tx,
      `select id, kind, title, body, brand_id, user_id, entity_type, entity_id, email_attempts, created_at
       from notifications
       where email_state = 'pending' and (email_next_at is null or email_next_at <= ?)
       order by created_at, id
       limit ?${postgres ? ' for update skip locked' : ''}`,
      [now, limit],
    );
    if (rows.length === 0) return [];
    await runStatement(tx, `update notifications set email_next_at = ?, email_attempts = email_attempts + 1 where id in (${rows.map(() => '?').join(', ')})`, [
      new Date(now.getTime() + leaseMs),
      ...rows.map((row) => row.id as string),
    ]);
    return rows.map((row) => ({
      id: row.id as string,
      kind: row.kind as NotificationKind,
      title: row.title as string,
      body: row.body as string,
      brandId: (row.brand_id as string | null) ?? null,
      userId: (row.user_id as string | null) ?? null,
      entityType: (row.entity_type as string | null) ?? null,
      entityId: (row.entity_id as string | null) ?? null,
      attempts: Number(row.email_attempts) + 1,
      createdAt: new Date(row.created_at as number | string | Date),
    }));
  });
}

export type EmailOutcome = { state: 'sent' | 'skipped' } | { state: 'failed'; error: string } | { state: 'retry'; error: string; nextAt: Date };

export async function recordEmailOutcome(em: EntityManager, id: string, outcome: EmailOutcome): Promise<void> {
  if (outcome.state === 'retry') {
    await runStatement(em, `update notifications set email_next_at = ?, email_error = ? where id = ?`, [outcome.nextAt, outcome.error.slice(0, 2000), id]);
  } else {
    const error = outcome.state === 'failed' ? outcome.error.slice(0, 2000) : null;
    await runStatement(em, `update notifications set email_state = ?, email_next_at = null, email_error = ? where id = ?`, [outcome.state, error, id]);
  }
}

export interface EmailRecipient {
  id: string;
  email: string;
  name: string;
  notificationPreferences: unknown;
  brandName: string | null;
}

/** Who a notification reaches: its one user, or every active, signed-up user of its brand. */
export async function notificationRecipients(em: EntityManager, job: Pick<EmailJob, 'brandId' | 'userId'>): Promise<EmailRecipient[]> {
  if (!job.userId && !job.brandId) return [];
  const where = job.userId ? { id: job.userId } : { brand: job.brandId };
  const users = await em.find(User, { ...where, status: 'active', passwordHash: { $ne: null } }, { populate: ['brand'], orderBy: { email: 'ASC' } });
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    notificationPreferences: user.notificationPreferences,
    brandName: user.brand?.name ?? null,
  }));
}

/**
 * Tells each brand once that an authentication request falls due within `withinMs`. The reminder
 * mark and the notification are written together, so a request is reminded exactly once.
 */
export async function remindDueAuthRequests(em: EntityManager, now: Date, withinMs: number, limit = 200): Promise<number> {
  return em.transactional(async (tx) => {
    const due = await tx.find(AuthRequest, { state: 'open', remindedAt: null, dueAt: { $gt: now, $lte: new Date(now.getTime() + withinMs) } }, { populate: ['listing'], limit, orderBy: { dueAt: 'ASC' } });
    if (due.length === 0) return 0;
    await insertRows(
      tx,
      Notification,
      due.map((request) => ({
        id: newId(),
        brand: request.brand.id,
        kind: 'auth_request',
        title: 'An authentication request is due soon',
        body: `Please tell us whether "${request.listing.title}" is genuine before ${request.dueAt.toISOString()}; unanswered requests expire.`,
        entityType: 'auth_request',
        entityId: request.id,
        createdAt: now,
      })),
    );
    for (const request of due) request.remindedAt = now;
    await tx.flush();
    return due.length;
  });
}
