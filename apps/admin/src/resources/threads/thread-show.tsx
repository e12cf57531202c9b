import { useEffect } from 'react';
import { Alert, Box, CircularProgress, Divider, Link as MuiLink, Stack, Typography } from '@mui/material';
import { ListButton, Show, TopToolbar, useRecordContext, useShowContext } from 'react-admin';
import { Link } from 'react-router';
import { useUnreadMessages } from '../../layout/unread-messages';
import { mayWriteThreads, useStaffUser } from '../../providers/auth';
import type { ThreadRecord } from '../../providers/trpc';
import { Conversation, formatTime } from './conversation';
import { ReplyForm } from './reply-form';
import { describeAbout } from './thread-fields';

const ThreadTitle = () => {
  const thread = useRecordContext<ThreadRecord>();
  return <>{thread ? `Messages: ${thread.subject}` : 'Messages'}</>;
};

const ShowActions = () => (
  <TopToolbar>
    <ListButton label="All messages" />
  </TopToolbar>
);

function ThreadPage() {
  const { record: thread, refetch, isFetching } = useShowContext<ThreadRecord>();
  const staff = useStaffUser();
  const { refresh: refreshUnread } = useUnreadMessages();
  const messages = thread?.messages;

  // Each answer of `open` read the thread, so the menu's count may have dropped.
  useEffect(() => {
    if (messages) refreshUnread();
  }, [messages, refreshUnread]);

  if (!thread) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h5" component="h1" sx={{ overflowWrap: 'anywhere' }}>
        {thread.subject}
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', color: 'text.secondary', mb: 2 }}>
        <Typography variant="body2">
          With{' '}
          <MuiLink component={Link} to={`/brands/${thread.brandId}/show`}>
            {thread.brandName ?? 'the brand'}
          </MuiLink>
        </Typography>
        <Typography variant="body2">About: {describeAbout(thread.about)}</Typography>
        <Typography variant="body2">
          Started {formatTime(thread.createdAt)}
          {thread.startedBy?.name ? ` by ${thread.startedBy.name}` : ''}
        </Typography>
      </Stack>

      {messages ? (
        <Conversation messages={messages} brandName={thread.brandName ?? 'Brand'} />
      ) : (
        <CircularProgress aria-label="Loading the conversation" />
      )}
      {messages && thread.unreadByOtherSide > 0 ? (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1, textAlign: 'right' }}>
          The brand has not read the last {thread.unreadByOtherSide === 1 ? 'message' : `${thread.unreadByOtherSide} messages`} yet.
        </Typography>
      ) : null}

      <Divider sx={{ my: 3 }} />
      {staff && mayWriteThreads(staff.role) ? (
        <ReplyForm threadId={thread.id} brandId={thread.brandId} onSent={() => void refetch()} />
      ) : (
        <Alert severity="info">You can read this conversation; only the brand’s account manager or a platform admin answers it.</Alert>
      )}
      {isFetching && messages ? <CircularProgress size={16} aria-label="Updating the conversation" sx={{ mt: 1 }} /> : null}
    </Box>
  );
}

/**
 * One conversation with a brand. Loading it calls `admin.messages.open` (through the data provider's
 * getOne), which also marks it read; it is not repeated on window focus, only after a reply.
 */
export function ThreadShow() {
  return (
    <Show title={<ThreadTitle />} actions={<ShowActions />} queryOptions={{ refetchOnWindowFocus: false, refetchOnReconnect: false }}>
      <ThreadPage />
    </Show>
  );
}
