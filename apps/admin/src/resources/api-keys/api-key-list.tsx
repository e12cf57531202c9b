import { useState } from 'react';
import { Chip, Stack, Typography } from '@mui/material';
import BlockIcon from '@mui/icons-material/Block';
import {
  Button,
  Confirm,
  Datagrid,
  FunctionField,
  List,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { trpc, type ApiKeyRecord } from '../../providers/trpc';
import { MarketplaceField } from '../../ui/fields';
import { useApiAction } from '../../ui/use-api-action';
import { formatShortDateTime } from '../appeals/appeal-fields';
import { marketplaceName } from '../queue/notice-item-fields';
import { scopeLabel } from './key-fields';
import { NewKeyButton } from './new-key-button';

function RevokeKeyButton(_props: { label?: string }) {
  const key = useRecordContext<ApiKeyRecord>();
  const { run, pending } = useApiAction();
  const [open, setOpen] = useState(false);
  if (!key || key.revokedAt) return null;
  const marketplace = key.marketplaceCode ? marketplaceName(key.marketplaceCode) : 'the marketplace';
  return (
    <>
      <Button
        label="Revoke"
        color="error"
        onClick={() => setOpen(true)}
        disabled={pending}
        aria-label={`Revoke ${key.name}`}
      >
        <BlockIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title={`Revoke “${key.name}”?`}
        content={`${marketplace}’s calls with this key (${key.prefix}…) are refused from now on. This cannot be undone; create a new key to restore access.`}
        confirm="Revoke key"
        confirmColor="warning"
        onClose={() => setOpen(false)}
        onConfirm={() =>
          void run(() => trpc.admin.apiKeys.revoke.mutate({ id: key.id }), `Key “${key.name}” revoked`).then(
            () => setOpen(false),
          )
        }
      />
    </>
  );
}

const ListActions = () => (
  <TopToolbar>
    <NewKeyButton />
  </TopToolbar>
);

/** Every marketplace key, newest first; the secret itself is never listed, only its prefix. */
export function ApiKeyList() {
  return (
    <List
      title="Marketplace keys"
      actions={<ListActions />}
      pagination={false}
      exporter={false}
      empty={false}
    >
      <Datagrid
        bulkActionButtons={false}
        rowClick={false}
        rowSx={(key: ApiKeyRecord) => (key.revokedAt ? { opacity: 0.6 } : {})}
        empty={
          <p style={{ padding: 16 }}>
            No marketplace has a key yet. Create one for each marketplace that sends counter-notices.
          </p>
        }
      >
        <TextField source="name" label="Name" sortable={false} />
        <MarketplaceField label="Marketplace" />
        <FunctionField<ApiKeyRecord>
          label="Prefix"
          render={(key) => (
            <Typography
              variant="body2"
              component="code"
              sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}
            >
              {key.prefix}…
            </Typography>
          )}
        />
        <FunctionField<ApiKeyRecord>
          label="Scopes"
          render={(key) => (
            <Stack direction="row" spacing={0.5}>
              {key.scopes.map((scope) => (
                <Chip key={scope} size="small" variant="outlined" label={scopeLabel(scope)} />
              ))}
            </Stack>
          )}
        />
        <FunctionField<ApiKeyRecord>
          label="Created"
          sx={{ whiteSpace: 'nowrap' }}
          render={(key) => formatShortDateTime(key.createdAt)}
        />
        <FunctionField<ApiKeyRecord>
          label="Last used"
          sx={{ whiteSpace: 'nowrap' }}
          render={(key) => (key.lastUsedAt ? formatShortDateTime(key.lastUsedAt) : 'Never')}
        />
        <FunctionField<ApiKeyRecord>
          label="Revoked"
          sx={{ whiteSpace: 'nowrap' }}
          render={(key) =>
            key.revokedAt ? (
              formatShortDateTime(key.revokedAt)
            ) : (
              <Chip size="small" variant="outlined" color="success" label="Active" />
            )
          }
        />
        <RevokeKeyButton label="" />
      </Datagrid>
    </List>
  );
}
