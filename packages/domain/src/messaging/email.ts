import type { NotificationKind } from '../model';

export interface NotificationEmailInput {
  kind: NotificationKind;
  title: string;
  body: string;
  recipientName: string;
  /** The brand the notification is about, shown in the subject so agents of several brands can sort. */
  brandName: string | null;
  /** Where to read it in the app; absolute. */
  link: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
}

const KIND_LABELS: Record<NotificationKind, string> = {
  message: 'New message',
  notice_item_state: 'Notice update',
  auth_request: 'Authentication request',
  gft_status: 'Good Faith Takedown status',
  bulk_job: 'Bulk notice',
};

/** One-line header injection is impossible: subjects are flattened to a single line. */
const singleLine = (text: string) => text.replace(/[\r\n]+/g, ' ').trim();

export function renderNotificationEmail(input: NotificationEmailInput): RenderedEmail {
  const prefix = input.brandName ? `[Joint Force · ${singleLine(input.brandName)}]` : '[Joint Force]';
  const subject = `${prefix} ${KIND_LABELS[input.kind]}: ${singleLine(input.title)}`.slice(0, 250);
  const text = [
    `Hello ${input.recipientName},`,
    '',
    input.title,
    '',
    input.body,
    '',
    `Open it in Joint Force: ${input.link}`,
    '',
    '—',
    'You receive this because of your notification settings in Joint Force; change them under Notifications → Settings.',
  ].join('\n');
  return { subject, text };
}
