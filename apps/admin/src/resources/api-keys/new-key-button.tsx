import { useId, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button as MuiButton,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Button, useNotify, useRefresh } from 'react-admin';
import { MARKETPLACE_KEY_SCOPES } from '@jf/domain';
import { toHttpError } from '../../providers/data';
import { trpc, type CreatedApiKey } from '../../providers/trpc';
import { MARKETPLACE_CHOICES, marketplaceName } from '../queue/notice-item-fields';
import { COUNTER_NOTICES_ENDPOINT, SCOPE_HELP, scopeLabel, type KeyScope } from './key-fields';

type Errors = Partial<Record<'marketplaceCode' | 'name' | 'scopes', string>>;

function NewKeyDialog({
  open,
  onCancel,
  onCreated,
}: {
  open: boolean;
  onCancel: () => void;
  onCreated: (key: CreatedApiKey) => void;
}) {
  const notify = useNotify();
  const titleId = useId();
  const [marketplaceCode, setMarketplaceCode] = useState('');
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<KeyScope[]>(['counter_notices']);
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);

  const reset = () => {
    setMarketplaceCode('');
    setName('');
    setScopes(['counter_notices']);
    setErrors({});
  };
  const cancel = () => {
    reset();
    onCancel();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Errors = {};
    if (!marketplaceCode) found.marketplaceCode = 'Marketplace is required';
    if (name.trim().length < 3) found.name = 'Name the key (who uses it, where): at least 3 characters';
    if (scopes.length === 0) found.scopes = 'Give the key at least one scope';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    try {
      const created = await trpc.admin.apiKeys.createMarketplaceKey.mutate({
        marketplaceCode,
        name: name.trim(),
        scopes,
      });
      reset();
      onCreated(created);
    } catch (error) {
      const http = toHttpError(error);
      // Field issues go under their fields; anything else is a toast with the API's message.
      const fieldErrors = (http.body as { errors?: Record<string, unknown> } | undefined)?.errors ?? {};
      const shown: Errors = {};
      for (const field of ['marketplaceCode', 'name', 'scopes'] as const) {
        if (typeof fieldErrors[field] === 'string') shown[field] = fieldErrors[field];
      }
      setErrors(shown);
      notify(http.message, { type: 'error', autoHideDuration: 10_000 });
    } finally {
      setPending(false);
    }
  }

  const toggle = (scope: KeyScope, on: boolean) => {
    setScopes((current) =>
      on ? [...current.filter((item) => item !== scope), scope] : current.filter((item) => item !== scope),
    );
    setErrors((shown) => ({ ...shown, scopes: undefined }));
  };

  return (
    <Dialog open={open} onClose={cancel} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DialogTitle id={titleId}>New marketplace key</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            The marketplace calls the integration API with this key. Its secret is shown once, right after it
            is created.
          </DialogContentText>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              select
              label="Marketplace"
              value={marketplaceCode}
              onChange={(change) => {
                setMarketplaceCode(change.target.value);
                setErrors((shown) => ({ ...shown, marketplaceCode: undefined }));
              }}
              required
              fullWidth
              error={errors.marketplaceCode !== undefined}
              helperText={errors.marketplaceCode}
              slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
            >
              <option value="" disabled>
                Choose…
              </option>
              {MARKETPLACE_CHOICES.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.name}
                </option>
              ))}
            </TextField>
            <TextField
              label="Key name"
              value={name}
              onChange={(change) => {
                setName(change.target.value);
                setErrors((shown) => ({ ...shown, name: undefined }));
              }}
              required
              fullWidth
              error={errors.name !== undefined}
              helperText={errors.name ?? 'Who uses it and where, e.g. “Taobao appeals service, production”.'}
            />
            <FormControl component="fieldset" error={errors.scopes !== undefined}>
              <FormLabel component="legend">Scopes</FormLabel>
              <FormGroup>
                {MARKETPLACE_KEY_SCOPES.map((scope) => (
                  <FormControlLabel
                    key={scope}
                    control={
                      <Checkbox
                        checked={scopes.includes(scope)}
                        onChange={(change) => toggle(scope, change.target.checked)}
                      />
                    }
                    label={`${scopeLabel(scope)}: ${SCOPE_HELP[scope]}`}
                  />
                ))}
              </FormGroup>
              {errors.scopes ? <FormHelperText>{errors.scopes}</FormHelperText> : null}
            </FormControl>
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={cancel} disabled={pending}>
            Cancel
          </MuiButton>
          <MuiButton type="submit" variant="contained" disabled={pending}>
            Create key
          </MuiButton>
        </DialogActions>
      </form>
    </Dialog>
  );
}

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

/** The one and only showing of a new key's secret; closing it needs an explicit click, never a stray one. */
function SecretDialog({ created, onClose }: { created: CreatedApiKey | null; onClose: () => void }) {
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
          This secret is shown only now and cannot be shown again: Joint Force keeps only a hash of it. Copy
          it and hand it to{' '}
          {created?.marketplaceCode ? marketplaceName(created.marketplaceCode) : 'the marketplace'} over a
          secure channel. If it is lost, revoke the key and create a new one.
        </Alert>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField
            label="Secret"
            value={created?.secret ?? ''}
            fullWidth
            inputRef={field}
            onFocus={(event) => event.target.select()}
            slotProps={{
              htmlInput: { readOnly: true, spellCheck: false, style: { fontFamily: 'monospace' } },
            }}
          />
          <MuiButton
            variant="outlined"
            startIcon={<ContentCopyIcon />}
            sx={{ whiteSpace: 'nowrap', height: 56, flexShrink: 0 }}
            onClick={() =>
              void copyText(created?.secret ?? '', field.current).then((done) => {
                setCopied(done);
                notify(
                  done
                    ? 'Secret copied to the clipboard'
                    : 'Copying failed: select the secret and copy it by hand',
                  { type: done ? 'success' : 'warning' },
                );
              })
            }
          >
            {copied ? 'Copied' : 'Copy secret'}
          </MuiButton>
        </Stack>
        <Box sx={{ mt: 2 }}>
          <Typography variant="body2" color="text.secondary">
            The marketplace sends it as <code>Authorization: Bearer &lt;secret&gt;</code> to{' '}
            <code>POST {COUNTER_NOTICES_ENDPOINT}</code>. From now on the platform shows only its prefix,{' '}
            <code>{created?.prefix}…</code>.
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

export function NewKeyButton() {
  const refresh = useRefresh();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  return (
    <>
      <Button label="New marketplace key" onClick={() => setOpen(true)}>
        <AddIcon />
      </Button>
      <NewKeyDialog
        open={open}
        onCancel={() => setOpen(false)}
        onCreated={(key) => {
          setOpen(false);
          setCreated(key);
          notify(`Key “${key.name}” created`, { type: 'success' });
          refresh();
        }}
      />
      <SecretDialog created={created} onClose={() => setCreated(null)} />
    </>
  );
}
