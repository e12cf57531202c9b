import { useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Box, Button, Chip, Stack, TextField, Typography } from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import SendIcon from '@mui/icons-material/Send';
import { useNotify } from 'react-admin';
import { MAX_MESSAGE_ATTACHMENTS, MAX_MESSAGE_LENGTH } from '@jf/domain';
import { toHttpError } from '../../providers/data';
import { trpc } from '../../providers/trpc';
import { DOCUMENT_ACCEPT, documentProblem, uploadDocument } from '../../ui/upload-document';

interface ReplyFormProps {
  threadId: string;
  brandId: string;
  /** Called after the reply was stored, to show the conversation with it. */
  onSent: () => void;
}

/** Field issues the API attaches, e.g. `{ body: ['is required: write a message'] }`. */
const fieldIssuesOf = (error: unknown): Record<string, string> =>
  ((toHttpError(error).body as { errors?: Record<string, unknown> } | null)?.errors ?? {}) as Record<string, string>;

/** A reply with optional attachments: the files are stored as the brand's documents first, then cited. */
export function ReplyForm({ threadId, brandId, onSent }: ReplyFormProps) {
  const notify = useNotify();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<{ body?: string; files?: string }>({});
  const [pending, setPending] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const helpId = useId();

  function pick(event: ChangeEvent<HTMLInputElement>) {
    const chosen = Array.from(event.target.files ?? []);
    event.target.value = '';
    const problem = chosen.map(documentProblem).find((found) => found !== null);
    const next = [...files, ...chosen.filter((file) => documentProblem(file) === null)];
    const tooMany = next.length > MAX_MESSAGE_ATTACHMENTS ? `At most ${MAX_MESSAGE_ATTACHMENTS} attachments per message` : undefined;
    setFiles(next.slice(0, MAX_MESSAGE_ATTACHMENTS));
    setErrors((shown) => ({ ...shown, files: problem ?? tooMany }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = body.trim();
    const bodyError = !text ? 'Write a message before sending' : text.length > MAX_MESSAGE_LENGTH ? `At most ${MAX_MESSAGE_LENGTH.toLocaleString()} characters` : undefined;
    setErrors({ body: bodyError });
    if (bodyError) return;
    setPending(true);
    try {
      const attachmentIds: string[] = [];
      for (const file of files) attachmentIds.push(await uploadDocument(brandId, file));
      await trpc.admin.messages.reply.mutate({ threadId, body: text, attachmentIds });
      setBody('');
      setFiles([]);
      notify('Reply sent; the brand is notified', { type: 'success' });
      onSent();
    } catch (error) {
      const issues = fieldIssuesOf(error);
      const attachmentIssue = Object.entries(issues).find(([field]) => field.startsWith('attachmentIds'));
      setErrors({ body: issues.body, files: attachmentIssue ? `Attachment ${attachmentIssue[1]}` : undefined });
      notify(`The reply was not sent: ${toHttpError(error).message}`, { type: 'error', autoHideDuration: 10_000 });
    } finally {
      setPending(false);
    }
  }

  return (
    <Box component="form" aria-label="Reply" onSubmit={(event: FormEvent) => void submit(event)} noValidate>
      <TextField
        label="Your reply"
        value={body}
        onChange={(change) => {
          setBody(change.target.value);
          setErrors((shown) => ({ ...shown, body: undefined }));
        }}
        multiline
        minRows={4}
        fullWidth
        disabled={pending}
        error={errors.body !== undefined}
        helperText={errors.body ?? 'The brand’s users see it under Messages and are notified.'}
      />
      <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button type="submit" variant="contained" startIcon={<SendIcon />} disabled={pending}>
          Send reply
        </Button>
        <Button variant="outlined" startIcon={<AttachFileIcon />} disabled={pending || files.length >= MAX_MESSAGE_ATTACHMENTS} onClick={() => fileInput.current?.click()} aria-describedby={helpId}>
          Attach files
        </Button>
        <input ref={fileInput} type="file" accept={DOCUMENT_ACCEPT} multiple hidden onChange={pick} />
        {files.map((file, index) => (
          <Chip key={`${file.name}-${index}`} label={file.name} onDelete={pending ? undefined : () => setFiles(files.filter((_, at) => at !== index))} />
        ))}
      </Stack>
      <Typography id={helpId} variant="caption" color={errors.files ? 'error' : 'text.secondary'} component="p" sx={{ mt: 0.5 }}>
        {errors.files ?? `PDF, PNG, JPEG or WebP, up to 10 MB each, at most ${MAX_MESSAGE_ATTACHMENTS} files.`}
      </Typography>
    </Box>
  );
}
