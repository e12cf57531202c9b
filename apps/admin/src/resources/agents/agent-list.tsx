import { useState } from 'react';
import { Box, Chip, Stack, Tooltip, Typography } from '@mui/material';
import BlockIcon from '@mui/icons-material/Block';
import { Button, Confirm, Datagrid, FunctionField, List, TextField, TopToolbar } from 'react-admin';
import { trpc, type AgentRecord } from '../../providers/trpc';
import { useApiAction } from '../../ui/use-api-action';
import { formatShortDateTime } from '../appeals/appeal-fields';
import { agentScopeLabel } from './agent-fields';
import { NewAgentButton, NewAgentKeyButton } from './agent-dialogs';

const ListActions = () => (
  <TopToolbar>
    <NewAgentButton />
  </TopToolbar>
);

type AgentKey = AgentRecord['keys'][number];

const formatDay = (iso: string): string => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** Revokes one agent key after a confirmation; the agent's next call with it is refused. */
function RevokeAgentKeyButton({ apiKey, agentName }: { apiKey: AgentKey; agentName: string }) {
  const { run, pending } = useApiAction();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button label="Revoke" color="error" size="small" onClick={() => setOpen(true)} disabled={pending} aria-label={`Revoke ${apiKey.name}`}>
        <BlockIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title={`Revoke “${apiKey.name}”?`}
        content={`${agentName}’s calls with this key (${apiKey.prefix}…) are refused from now on, for every brand it acts for. This cannot be undone; create a new key to restore access.`}
        confirm="Revoke key"
        confirmColor="warning"
        onClose={() => setOpen(false)}
        onConfirm={() => void run(() => trpc.admin.agents.revokeKey.mutate({ id: apiKey.id }), `Key “${apiKey.name}” revoked`).then(() => setOpen(false))}
      />
    </>
  );
}

/** One key on one line: name, prefix, scopes and whether it still works (revoked keys greyed). */
function KeyLine({ apiKey, agentName }: { apiKey: AgentKey; agentName: string }) {
  const revoked = apiKey.revokedAt !== null;
  return (
    <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', columnGap: 1, rowGap: 0.5, opacity: revoked ? 0.6 : 1 }}>
      <Typography variant="body2">{apiKey.name}</Typography>
      <Typography variant="body2" component="code" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
        {apiKey.prefix}…
      </Typography>
      {apiKey.scopes.map((scope) => (
        <Chip key={scope} size="small" variant="outlined" label={agentScopeLabel(scope)} />
      ))}
      <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
        {revoked
          ? `Revoked ${formatShortDateTime(apiKey.revokedAt)}`
          : `Last used ${apiKey.lastUsedAt ? formatShortDateTime(apiKey.lastUsedAt) : 'never'}`}
      </Typography>
      {!revoked && <RevokeAgentKeyButton apiKey={apiKey} agentName={agentName} />}
    </Stack>
  );
}

/**
 * Every registered agent organisation, with the brands whose admins authorised it and its keys. Brands
 * authorise agents themselves in the portal; here an organisation is registered and given keys.
 */
export function AgentList() {
  return (
    <List title="Agents" actions={<ListActions />} pagination={false} exporter={false} empty={false}>
      <Datagrid
        bulkActionButtons={false}
        rowClick={false}
        sx={{ '& td': { verticalAlign: 'top' } }}
        empty={
          <p style={{ padding: 16 }}>
            No agent organisation is registered yet. Register a law firm or brand-protection vendor, then create
            its key; brand admins authorise it in the portal.
          </p>
        }
      >
        <TextField source="name" label="Organisation" sortable={false} sx={{ whiteSpace: 'nowrap' }} />
        <FunctionField<AgentRecord>
          label="Acts for"
          render={(agent) =>
            agent.brands.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                No brand yet
              </Typography>
            ) : (
              <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                {agent.brands.map((brand) => (
                  <Tooltip key={brand.id} title={`Authorised ${formatShortDateTime(brand.since)}`}>
                    <Chip size="small" label={`${brand.name} · since ${formatDay(brand.since)}`} />
                  </Tooltip>
                ))}
              </Stack>
            )
          }
        />
        <FunctionField<AgentRecord>
          label="Keys"
          render={(agent) =>
            agent.keys.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                No key yet
              </Typography>
            ) : (
              <Stack spacing={0.75}>
                {agent.keys.map((key) => (
                  <KeyLine key={key.id} apiKey={key} agentName={agent.name} />
                ))}
              </Stack>
            )
          }
        />
        <FunctionField<AgentRecord>
          label="Registered"
          sx={{ whiteSpace: 'nowrap' }}
          render={(agent) => formatShortDateTime(agent.createdAt)}
        />
        <FunctionField<AgentRecord>
          label=""
          render={(agent) => (
            <Box sx={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
              <NewAgentKeyButton agent={agent} />
            </Box>
          )}
        />
      </Datagrid>
    </List>
  );
}
