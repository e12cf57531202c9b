import { Chip, Stack } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { ThreadSubjectType } from '@jf/domain';
import type { ThreadRecord } from '../../providers/trpc';

const SUBJECT_LABELS: Record<ThreadSubjectType, string> = {
  notice: 'Notice',
  notice_item: 'Notice item',
  listing: 'Listing',
  auth_request: 'Authentication request',
  appeal: 'Appeal',
};

/** "Notice 0190d0a8…", or "General" for correspondence about nothing in particular; unknown types show as sent. */
export function describeAbout(about: ThreadRecord['about']): string {
  if (!about) return 'General';
  const label = SUBJECT_LABELS[about.type as ThreadSubjectType] ?? about.type;
  return `${label} ${about.id.slice(0, 8)}…`;
}

export function AboutField(_props: { label?: string; sortable?: boolean }) {
  const thread = useRecordContext<ThreadRecord>();
  if (!thread) return null;
  return <span title={thread.about ? `${thread.about.type} ${thread.about.id}` : undefined}>{describeAbout(thread.about)}</span>;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** What waits on whom: new brand messages for staff, or staff messages the brand has not read yet. */
export function UnreadField(_props: { label?: string; sortable?: boolean }) {
  const thread = useRecordContext<ThreadRecord>();
  if (!thread) return null;
  return (
    <Stack direction="row" spacing={1}>
      {thread.unread > 0 ? <Chip size="small" color="primary" label={plural(thread.unread, 'unread', 'unread')} /> : null}
      {thread.unreadByOtherSide > 0 ? <Chip size="small" variant="outlined" label="Not read by the brand yet" /> : null}
    </Stack>
  );
}

// Fields render their own Typography, which sets a weight of its own.
const UNREAD_ROW = { '& td, & td .MuiTypography-root': { fontWeight: 600 } };
const READ_ROW = {};
export const unreadRowSx = (thread: ThreadRecord) => (thread.unread > 0 ? UNREAD_ROW : READ_ROW);
