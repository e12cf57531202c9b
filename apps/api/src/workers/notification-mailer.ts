import type { Logger } from 'pino';
import type { Transporter } from 'nodemailer';
import { renderNotificationEmail, resolveNotificationPreferences, wantsNotification } from '@jf/domain';
import { claimDueEmails, notificationRecipients, recordEmailOutcome, remindDueAuthRequests, type Database, type EmailJob, type EmailOutcome, type EmailRecipient } from '@jf/db';
import { runPeriodically } from './periodic';
import { retryDelayMs, type BackoffPolicy } from './retry-policy';

export const EMAIL_BACKOFF: BackoffPolicy = { baseMs: 5_000, capMs: 15 * 60_000 };

export interface NotificationMailerOptions {
  database: Database;
  logger: Logger;
  /** A nodemailer transport, normally SMTP (`nodemailer.createTransport(SMTP_URL)`). */
  transport: Pick<Transporter, 'sendMail'>;
  from: string;
  /** Where users open the apps, for the link in every e-mail. */
  publicUrl: string;
  intervalMs?: number;
  batchSize?: number;
  /** A notification older than this when its turn comes is not mailed any more (it is in the app). */
  maxAgeMs?: number;
  maxAttempts?: number;
  /** Brands are reminded of an authentication request this long before it falls due. */
  reminderWindowMs?: number;
}

export interface MailerPass {
  reminders: number;
  sent: number;
  skipped: number;
  retried: number;
  failed: number;
}

/** Where the recipient reads the notification: the portal for brand users, the admin for staff. */
function linkFor(publicUrl: string, job: EmailJob, recipient: EmailRecipient): string {
  const base = publicUrl.replace(/\/+$/, '');
  const thread = job.entityType === 'message_thread' && job.entityId;
  if (recipient.brandName !== null) return thread ? `${base}/portal/messages/${thread}` : `${base}/portal/notifications`;
  return thread ? `${base}/admin/#/threads/${thread}/show` : `${base}/admin/`;
}

/**
 * Sends the e-mail copy of notifications to every recipient whose preferences ask for it, and
 * reminds brands of authentication requests that fall due soon. A failed send is retried with
 * back-off; a retry may repeat the mail to recipients the failed attempt had already reached
 * (at least once, never lost).
 */
export function createNotificationMailer(options: NotificationMailerOptions) {
  const { database, transport, from, publicUrl, batchSize = 50, maxAgeMs = 24 * 3_600_000, maxAttempts = 8, reminderWindowMs = 24 * 3_600_000 } = options;
  const log = options.logger.child({ worker: 'notification-mailer' });

  // One lookup per brand (or staff user) and pass: a burst of removals notifies the same brand many times.
  async function deliver(job: EmailJob, now: Date, audiences: Map<string, Promise<EmailRecipient[]>>): Promise<EmailOutcome> {
    if (now.getTime() - job.createdAt.getTime() > maxAgeMs) return { state: 'skipped' };
    const audience = job.userId ? `user:${job.userId}` : `brand:${job.brandId}`;
    if (!audiences.has(audience)) audiences.set(audience, notificationRecipients(database.fork(), job));
    const recipients = (await audiences.get(audience)!).filter((recipient) =>
      wantsNotification(resolveNotificationPreferences(recipient.notificationPreferences), job.kind, 'email'),
    );
    if (recipients.length === 0) return { state: 'skipped' };
    try {
      for (const recipient of recipients) {
        const mail = renderNotificationEmail({ kind: job.kind, title: job.title, body: job.body, recipientName: recipient.name, brandName: recipient.brandName, link: linkFor(publicUrl, job, recipient) });
        await transport.sendMail({ from, to: { name: recipient.name, address: recipient.email }, subject: mail.subject, text: mail.text });
      }
      return { state: 'sent' };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (job.attempts >= maxAttempts) return { state: 'failed', error: message };
      return { state: 'retry', error: message, nextAt: new Date(now.getTime() + retryDelayMs(job.attempts, Math.random, EMAIL_BACKOFF)) };
    }
  }

  async function sendDue(now = new Date()): Promise<MailerPass> {
    const pass: MailerPass = { reminders: await remindDueAuthRequests(database.fork(), now, reminderWindowMs), sent: 0, skipped: 0, retried: 0, failed: 0 };
    const jobs = await claimDueEmails(database.fork(), now, batchSize, 5 * 60_000);
    const audiences = new Map<string, Promise<EmailRecipient[]>>();
    for (const job of jobs) {
      const outcome = await deliver(job, now, audiences);
      await recordEmailOutcome(database.fork(), job.id, outcome);
      if (outcome.state === 'sent') pass.sent++;
      else if (outcome.state === 'skipped') pass.skipped++;
      else if (outcome.state === 'retry') pass.retried++;
      else pass.failed++;
      if (outcome.state === 'failed' || outcome.state === 'retry') log.warn({ notification: job.id, attempts: job.attempts, error: outcome.error }, 'notification e-mail not sent');
    }
    if (jobs.length) log.debug(pass, 'mailer pass');
    return pass;
  }

  return { sendDue };
}

export function startNotificationMailer(options: NotificationMailerOptions) {
  const mailer = createNotificationMailer(options);
  const loop = runPeriodically(() => mailer.sendDue(), options.intervalMs ?? 5000, options.logger, 'notification mailer pass failed');
  return { sendDue: mailer.sendDue, stop: loop.stop };
}
