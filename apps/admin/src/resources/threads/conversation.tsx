import { Box, Chip, Link as MuiLink, Stack, Typography } from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import type { ThreadMessage } from '../../providers/trpc';
import { documentUrl } from '../../ui/upload-document';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A readable time, or the raw value when the API ever sends something that is not a date. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timeFormat.format(date);
}

function MessageBubble({ message, brandName }: { message: ThreadMessage; brandName: string }) {
  const fromStaff = message.authorSide === 'staff';
  const author = message.author?.name ?? (fromStaff ? 'Joint Force staff' : `${brandName} user`);
  const side = fromStaff ? 'Joint Force' : brandName;
  const attachments = Array.isArray(message.attachments) ? message.attachments : [];
  return (
    <Box
      component="li"
      aria-label={`${author} (${side}), ${formatTime(message.createdAt)}`}
      sx={{
        listStyle: 'none',
        alignSelf: fromStaff ? 'flex-end' : 'flex-start',
        maxWidth: { xs: '100%', md: '75%' },
        minWidth: { md: 320 },
        px: 2,
        py: 1.5,
        borderRadius: 2,
        border: 1,
        borderColor: fromStaff ? 'primary.light' : 'divider',
        borderLeft: fromStaff ? undefined : 4,
        borderLeftColor: fromStaff ? undefined : 'warning.main',
        bgcolor: fromStaff ? 'rgba(21, 101, 192, 0.07)' : 'grey.50',
      }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', flexWrap: 'wrap', mb: 0.5 }}>
        <Typography variant="subtitle2" component="span">
          {author}
        </Typography>
        <Typography variant="caption" color={fromStaff ? 'primary' : 'warning.dark'} component="span">
          {side}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="time" dateTime={message.createdAt}>
          {formatTime(message.createdAt)}
        </Typography>
        {message.unread ? <Chip size="small" color="primary" label="New" sx={{ height: 20 }} /> : null}
      </Stack>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {message.body}
      </Typography>
      {attachments.length > 0 ? (
        <Stack direction="row" spacing={2} sx={{ mt: 1, flexWrap: 'wrap' }} useFlexGap>
          {attachments.map((id, index) => (
            <MuiLink key={id} href={documentUrl(id)} target="_blank" rel="noopener" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
              <AttachFileIcon fontSize="small" />
              Attachment {index + 1}
            </MuiLink>
          ))}
        </Stack>
      ) : null}
    </Box>
  );
}

/** The whole exchange, oldest first: the brand's messages on the left, staff's on the right. */
export function Conversation({ messages, brandName }: { messages: readonly ThreadMessage[]; brandName: string }) {
  if (messages.length === 0) return <Typography color="text.secondary">This conversation has no messages yet.</Typography>;
  return (
    <Stack component="ol" aria-label="Conversation" spacing={1.5} sx={{ p: 0, m: 0 }}>
      {messages.map((message) => (
        <MessageBubble key={message.id} message={message} brandName={brandName} />
      ))}
    </Stack>
  );
}
