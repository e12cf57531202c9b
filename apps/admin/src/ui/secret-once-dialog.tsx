import { useId, useRef, useState, type ReactNode } from 'react';
import { Alert, Box, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useNotify } from 'react-admin';

/** Copies through the Clipboard API, or by selecting the field where that API is missing (plain-HTTP hosts). */
export async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!field) return false;
    field.select();
    return document.execCommand('copy');
  }
}

export interface CreatedSecret {
  name: string;
  secret: string;
  prefix: string;
}

/**
 * The one and only showing of a new key's secret (marketplace and agent keys alike); closing it needs an
 * explicit click, never a stray one. `handOverTo` names who receives it, `usage` says how they send it.
 */
export function SecretOnceDialog({ created, handOverTo, lostAdvice, usage, onClose }: { created: CreatedSecret | null; handOverTo: ReactNode; lostAdvice: string; usage: ReactNode; onClose: () => void }) {
  const notify = useNotify();
  const titleId = useId();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const close = () => {
    setCopied(false);
    onClose();
  };
  return (
    <Dialog open={created !== null} aria-labelledby={titleId} fullWidth maxWidth="sm" disableEscapeKeyDown>
      <DialogTitle id={titleId}>Copy the secret of “{created?.name}”</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          This secret is shown only now and cannot be shown again: Joint Force keeps only a hash of it. Copy it and hand it to {handOverTo} over a secure channel.{' '}
          {lostAdvice}
        </Alert>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField
            label="Secret"
            value={created?.secret ?? ''}
            fullWidth
            inputRef={field}
            onFocus={(event) => event.target.select()}
            slotProps={{ htmlInput: { readOnly: true, spellCheck: false, style: { fontFamily: 'monospace' } } }}
          />
          <MuiButton
            variant="outlined"
            startIcon={<ContentCopyIcon />}
            sx={{ whiteSpace: 'nowrap', height: 56, flexShrink: 0 }}
            onClick={() =>
              void copyText(created?.secret ?? '', field.current).then((done) => {
                setCopied(done);
                notify(done ? 'Secret copied to the clipboard' : 'Copying failed: select the secret and copy it by hand', { type: done ? 'success' : 'warning' });
              })
            }
          >
            {copied ? 'Copied' : 'Copy secret'}
          </MuiButton>
        </Stack>
        <Box sx={{ mt: 2 }}>
          <Typography variant="body2" color="text.secondary">
            {usage} From now on the platform shows only its prefix, <code>{created?.prefix}…</code>.
          </Typography>
        </Box>
      </DialogContent>
      <DialogActions>
        <MuiButton variant="contained" onClick={close}>
          I have copied the secret
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
}
