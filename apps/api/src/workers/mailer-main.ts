/**
 * The notification mailer as its own process (`tsx apps/api/src/workers/mailer-main.ts`), for
 * deployments that run the API with JF_WORKERS=none. Several may run: each claims its notifications
 * under a lease (skip-locked on PostgreSQL).
 */
import { createTransport } from 'nodemailer';
import { startNotificationMailer } from './notification-mailer';
import { runWorkerProcess } from './worker-process';

await runWorkerProcess('notification-mailer', ({ database, logger, env }) => {
  if (!env.SMTP_URL) throw new Error('SMTP_URL must name the SMTP server the mailer sends through');
  return startNotificationMailer({ database, logger, transport: createTransport(env.SMTP_URL), from: env.MAIL_FROM, publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`, intervalMs: env.JF_MAIL_INTERVAL_MS });
});
