import { useId, useState, type FormEvent } from 'react';
import {
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
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { Button, useNotify, useRefresh } from 'react-admin';
import { MARKETPLACE_KEY_SCOPES } from '@jf/domain';
import { toHttpError } from '../../providers/data';
import { trpc, type CreatedApiKey } from '../../providers/trpc';
import { MARKETPLACE_CHOICES, marketplaceName } from '../queue/notice-item-fields';
import { SecretOnceDialog } from '../../ui/secret-once-dialog';
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

/** The marketplace's secret, shown once. */
function SecretDialog({ created, onClose }: { created: CreatedApiKey | null; onClose: () => void }) {
  return (
    <SecretOnceDialog
      created={created}
      handOverTo={created?.marketplaceCode ? marketplaceName(created.marketplaceCode) : 'the marketplace'}
      lostAdvice="If it is lost, revoke the key and create a new one."
      usage={
        <>
          The marketplace sends it as <code>Authorization: Bearer &lt;secret&gt;</code> to <code>POST {COUNTER_NOTICES_ENDPOINT}</code>.
        </>
      }
      onClose={onClose}
    />
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
