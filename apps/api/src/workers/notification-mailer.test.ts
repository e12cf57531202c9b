import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { pino } from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthRequest, Notification, notify, User } from '@jf/db';
import { testDatabaseKinds } from '@jf/db/testing';
import { createApiTestBed, type ApiTestBed } from '../testing';
import { createNotificationMailer } from './notification-mailer';

interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

/** A real SMTP server on a loopback port that keeps what it receives, or refuses it while `refusing`. */
async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const state = { refusing: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, callback) {
      if (state.refusing) callback(Object.assign(new Error('Mailbox unavailable, try later'), { responseCode: 451 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        void simpleParser(Buffer.concat(chunks)).then((parsed) => {
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((rcpt) => rcpt.address), subject: parsed.subject ?? '', text: parsed.text ?? '' });
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, state, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(testDatabaseKinds())('notification mailer on %s', (kind) => {
  let bed: ApiTestBed;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let mailer: ReturnType<typeof createNotificationMailer>;
  beforeAll(async () => {
    bed = await createApiTestBed(kind);
    smtp = await startSmtpServer();
    mailer = createNotificationMailer({
      database: bed.database,
      logger: pino({ level: 'silent' }),
      transport: createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true }),
      from: 'Joint Force <no-reply@jf.test>',
      publicUrl: 'http://jf.test',
      maxAttempts: 2,
    });
  });
  afterAll(async () => {
    await smtp.close();
    await bed.destroy();
  });
  beforeEach(async () => {
    smtp.received.length = 0;
    smtp.state.refusing = false;
    // Earlier tests' notifications are out of the way: each test counts only its own mail.
    await bed.database.fork().nativeUpdate(Notification, { emailState: 'pending' }, { emailState: 'skipped' });
  });

  const draft = async (values: Parameters<typeof notify>[1]) => {
    const em = bed.database.fork();
    const row = notify(em, values);
    await em.flush();
    return row.id;
  };

  it('mails a brand-wide notification to each active user of the brand who wants it, with a link into the portal', async () => {
    const id = await draft({ brandId: bed.world.brandA.id, kind: 'message', title: 'New message from your account manager: Test buy', body: 'Send the receipt.', entityType: 'message_thread', entityId: '01a222f6-0000-7000-8000-000000000001' });
    const pass = await mailer.sendDue();
    expect(pass.sent).toBe(1);
    expect(smtp.received.map((mail) => mail.to[0]).sort()).toEqual(['admin@a.test', 'agent@a.test']);
    const mail = smtp.received[0]!;
    expect(mail.from).toBe('no-reply@jf.test');
    expect(mail.subject).toBe('[Joint Force · Brand A] New message: New message from your account manager: Test buy');
    expect(mail.text).toContain('http://jf.test/portal/messages/01a222f6-0000-7000-8000-000000000001');
    expect(mail.text).toContain('Send the receipt.');
    expect(mail.text).toMatch(/^Hello (admin|agent),/);
    expect((await bed.database.fork().findOneOrFail(Notification, id)).emailState).toBe('sent');
    expect((await mailer.sendDue()).sent).toBe(0);
    expect(smtp.received).toHaveLength(2);
  });

  it('mails a staff notification only to its one user, linking into the admin', async () => {
    await draft({ brandId: bed.world.brandA.id, userId: bed.world.staff.account_manager.id, kind: 'message', title: 'Brand A: Question', body: 'Why?', entityType: 'message_thread', entityId: '01a222f6-0000-7000-8000-000000000002' });
    await mailer.sendDue();
    expect(smtp.received.map((mail) => mail.to)).toEqual([['am@staff.test']]);
    expect(smtp.received[0]!.text).toContain('http://jf.test/admin/#/threads/01a222f6-0000-7000-8000-000000000002/show');
  });

  it('respects each user’s e-mail choice and skips a notification nobody wants by e-mail', async () => {
    const em = bed.database.fork();
    const agent = await em.findOneOrFail(User, bed.world.brandUsers.A.brand_agent.id);
    agent.notificationPreferences = { gft_status: { inApp: true, email: false } };
    await em.flush();
    await draft({ brandId: bed.world.brandA.id, kind: 'gft_status', title: 'Good Faith Takedown: your status is now enrolled', body: 'Well done' });
    await mailer.sendDue();
    expect(smtp.received.map((mail) => mail.to[0])).toEqual(['admin@a.test']);

    const quiet = await draft({ brandId: bed.world.brandA.id, kind: 'notice_item_state', title: 'Listing TB-1 was removed', body: 'Removed' });
    const pass = await mailer.sendDue();
    expect(pass.skipped).toBe(1);
    expect((await bed.database.fork().findOneOrFail(Notification, quiet)).emailState).toBe('skipped');
    expect(smtp.received).toHaveLength(1);
  });

  it('retries when the SMTP server refuses, then gives up after the last attempt, keeping the error', async () => {
    smtp.state.refusing = true;
    const id = await draft({ brandId: bed.world.brandB.id, kind: 'message', title: 'Hello B', body: 'Hi' });
    const first = await mailer.sendDue();
    expect(first.retried).toBe(1);
    const waiting = await bed.database.fork().findOneOrFail(Notification, id);
    expect(waiting.emailState).toBe('pending');
    expect(waiting.emailError).toMatch(/Mailbox unavailable/);
    expect(waiting.emailNextAt!.getTime()).toBeGreaterThan(Date.now());

    // Not due yet: nothing is attempted before the back-off ends.
    expect((await mailer.sendDue()).retried).toBe(0);
    const later = new Date(waiting.emailNextAt!.getTime() + 1);
    expect((await mailer.sendDue(later)).failed).toBe(1);
    const given = await bed.database.fork().findOneOrFail(Notification, id);
    expect(given.emailState).toBe('failed');
    expect(given.emailAttempts).toBe(2);
    expect(smtp.received).toHaveLength(0);
  });

  it('does not mail notifications that waited longer than a day; they stay in the app', async () => {
    const id = await draft({ brandId: bed.world.brandA.id, kind: 'message', title: 'Old news', body: 'x' });
    const pass = await mailer.sendDue(new Date(Date.now() + 25 * 3_600_000));
    expect(pass.skipped).toBe(1);
    expect((await bed.database.fork().findOneOrFail(Notification, id)).emailState).toBe('skipped');
    expect(smtp.received).toHaveLength(0);
  });

  it('reminds the brand once of an authentication request falling due within a day, and mails it', async () => {
    const em = bed.database.fork();
    const soon = em.create(AuthRequest, { brand: bed.world.brandA.id, marketplace: 'taobao', listing: bed.world.listings[5]!.id, signals: {}, score: 0.6, dueAt: new Date(Date.now() + 3 * 3_600_000) });
    const later = em.create(AuthRequest, { brand: bed.world.brandA.id, marketplace: 'taobao', listing: bed.world.listings[6]!.id, signals: {}, score: 0.6, dueAt: new Date(Date.now() + 48 * 3_600_000) });
    await em.flush();
    const pass = await mailer.sendDue();
    expect(pass.reminders).toBe(1);
    expect(await bed.database.fork().count(Notification, { kind: 'auth_request', entityId: soon.id })).toBe(1);
    expect(await bed.database.fork().count(Notification, { kind: 'auth_request', entityId: later.id })).toBe(0);
    expect(smtp.received.length).toBe(2);
    expect(smtp.received[0]!.subject).toBe('[Joint Force · Brand A] Authentication request: An authentication request is due soon');
    expect(smtp.received[0]!.text).toContain('Listing 6');
    expect((await mailer.sendDue()).reminders).toBe(0);
    expect(await bed.database.fork().count(Notification, { kind: 'auth_request', entityId: soon.id })).toBe(1);
  });
});
