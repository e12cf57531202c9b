import { useId, useState, type FormEvent, type ReactNode } from 'react';
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
import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { Button, useNotify, useRefresh } from 'react-admin';
import { BRAND_KEY_SCOPES, type BrandKeyScope } from '@jf/domain';
import { toHttpError } from '../../providers/data';
import { trpc, type AgentRecord, type CreatedAgentKey } from '../../providers/trpc';
import { SecretOnceDialog } from '../../ui/secret-once-dialog';
import { AGENT_SCOPES } from './agent-fields';

type Errors = Partial<Record<'name' | 'scopes', string>>;

/** Field issues from the API under their fields; the message itself as a toast. */
function useFailureReport(setErrors: (errors: Errors) => void) {
  const notify = useNotify();
  return (error: unknown) => {
    const http = toHttpError(error);
    const fieldErrors = (http.body as { errors?: Record<string, unknown> } | undefined)?.errors ?? {};
    const shown: Errors = {};
    for (const field of ['name', 'scopes'] as const) {
      if (typeof fieldErrors[field] === 'string') shown[field] = fieldErrors[field];
    }
    setErrors(shown);
    notify(http.message, { type: 'error', autoHideDuration: 10_000 });
  };
}

function FormDialog({
  open,
  title,
  intro,
  submitLabel,
  pending,
  onCancel,
  onSubmit,
  children,
}: {
  open: boolean;
  title: string;
  intro: ReactNode;
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const titleId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{intro}</DialogContentText>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {children}
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={onCancel} disabled={pending}>
            Cancel
          </MuiButton>
          <MuiButton type="submit" variant="contained" disabled={pending}>
            {submitLabel}
          </MuiButton>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** Registers an agent organisation; brands then authorise it in the portal and it gets keys here. */
export function NewAgentButton() {
  const refresh = useRefresh();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);
  const report = useFailureReport(setErrors);
  const close = () => {
    setName('');
    setErrors({});
    setOpen(false);
  };
  async function submit() {
    if (name.trim().length < 2) {
      setErrors({ name: 'Name the organisation: at least 2 characters' });
      return;
    }
    setPending(true);
    try {
      const agent = await trpc.admin.agents.create.mutate({ name: name.trim() });
      notify(`“${agent.name}” registered`, { type: 'success' });
      close();
      refresh();
    } catch (error) {
      report(error);
    } finally {
      setPending(false);
    }
  }
  return (
    <>
      <Button label="Register organisation" onClick={() => setOpen(true)}>
        <AddIcon />
      </Button>
      <FormDialog
        open={open}
        title="Register an agent organisation"
        intro="A law firm or brand-protection vendor that files for several brands. It acts for a brand only once that brand’s admin authorises it in the portal."
        submitLabel="Register"
        pending={pending}
        onCancel={close}
        onSubmit={() => void submit()}
      >
        <TextField
          label="Organisation name"
          value={name}
          onChange={(change) => {
            setName(change.target.value);
            setErrors({});
          }}
          required
          fullWidth
          autoFocus
          error={errors.name !== undefined}
          helperText={errors.name ?? 'As brands know it, e.g. “Marks & Clerk LLP”.'}
        />
      </FormDialog>
    </>
  );
}

/** A key for one organisation: named and scoped here, its secret shown once right after. */
export function NewAgentKeyButton({ agent }: { agent: AgentRecord }) {
  const refresh = useRefresh();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<BrandKeyScope[]>(['read']);
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<(CreatedAgentKey & { name: string }) | null>(null);
  const report = useFailureReport(setErrors);
  const close = () => {
    setName('');
    setScopes(['read']);
    setErrors({});
    setOpen(false);
  };
  async function submit() {
    const found: Errors = {};
    if (name.trim().length < 3) found.name = 'Name the key (who uses it, where): at least 3 characters';
    if (scopes.length === 0) found.scopes = 'Give the key at least one scope';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    try {
      const key = await trpc.admin.agents.createKey.mutate({ agentId: agent.id, name: name.trim(), scopes });
      setCreated({ ...key, name: name.trim() });
      notify(`Key “${name.trim()}” created`, { type: 'success' });
      close();
      refresh();
    } catch (error) {
      report(error);
    } finally {
      setPending(false);
    }
  }
  const toggle = (scope: BrandKeyScope, on: boolean) => {
    setScopes((current) => (on ? [...current.filter((item) => item !== scope), scope] : current.filter((item) => item !== scope)));
    setErrors((shown) => ({ ...shown, scopes: undefined }));
  };
  return (
    <>
      <Button label="New key" onClick={() => setOpen(true)} aria-label={`New key for ${agent.name}`}>
        <VpnKeyIcon />
      </Button>
      <FormDialog
        open={open}
        title={`New key for ${agent.name}`}
        intro="The key acts over the integration API for every brand that has authorised this organisation, naming the brand in each call. Its secret is shown once, right after it is created."
        submitLabel="Create key"
        pending={pending}
        onCancel={close}
        onSubmit={() => void submit()}
      >
        <TextField
          label="Key name"
          value={name}
          onChange={(change) => {
            setName(change.target.value);
            setErrors((shown) => ({ ...shown, name: undefined }));
          }}
          required
          fullWidth
          autoFocus
          error={errors.name !== undefined}
          helperText={errors.name ?? 'Who uses it and where, e.g. “Filing robot, production”.'}
        />
        <FormControl component="fieldset" error={errors.scopes !== undefined}>
          <FormLabel component="legend">Scopes</FormLabel>
          <FormGroup>
            {BRAND_KEY_SCOPES.map((scope) => (
              <FormControlLabel
                key={scope}
                control={<Checkbox checked={scopes.includes(scope)} onChange={(change) => toggle(scope, change.target.checked)} />}
                label={`${AGENT_SCOPES[scope].label}: ${AGENT_SCOPES[scope].help}`}
              />
            ))}
          </FormGroup>
          {errors.scopes ? <FormHelperText>{errors.scopes}</FormHelperText> : null}
        </FormControl>
      </FormDialog>
      <AgentSecretDialog agentName={agent.name} created={created} onClose={() => setCreated(null)} />
    </>
  );
}

/** The agent's secret, shown once. */
function AgentSecretDialog({ agentName, created, onClose }: { agentName: string; created: (CreatedAgentKey & { name: string }) | null; onClose: () => void }) {
  return (
    <SecretOnceDialog
      created={created}
      handOverTo={agentName}
      lostAdvice="If it is lost, revoke the key and create a new one."
      usage={
        <>
          The agent sends it as <code>Authorization: Bearer &lt;secret&gt;</code> to <code>/api/v1</code>, with the brand it acts for in <code>X-Brand-Id</code>.
        </>
      }
      onClose={onClose}
    />
  );
}
