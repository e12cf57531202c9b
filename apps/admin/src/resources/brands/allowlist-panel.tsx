import { useState } from 'react';
import { Dialog, DialogContent, DialogTitle, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import {
  Button,
  CreateBase,
  Datagrid,
  DateField,
  FunctionField,
  minLength,
  ReferenceManyField,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  Toolbar,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { canManageBrand } from '@jf/domain';
import { useStaffUser } from '../../providers/auth';
import { trpc, type AllowlistRecord, type BrandRecord } from '../../providers/trpc';
import { DecisionDialog } from '../../ui/decision-dialog';
import { useApiAction } from '../../ui/use-api-action';
import { MARKETPLACE_CHOICES, marketplaceName } from '../queue/notice-item-fields';
import { BrandSection, EmptyRows } from './brand-section';

/** An optional text left empty is left out, not sent as null (the schema wants a string or nothing). */
const withoutEmpty = (data: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null && value !== undefined && value !== ''));

function AddSellerButton({ brand }: { brand: BrandRecord }) {
  const [open, setOpen] = useState(false);
  const notify = useNotify();
  const refresh = useRefresh();
  const close = () => setOpen(false);
  return (
    <>
      <Button label="Add seller" variant="outlined" onClick={() => setOpen(true)}>
        <AddIcon />
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby="allowlist-add-title" fullWidth maxWidth="sm">
        <DialogTitle id="allowlist-add-title">Allow a seller for {brand.name}</DialogTitle>
        <DialogContent sx={{ px: 0, pb: 0 }}>
          <Typography variant="body2" color="text.secondary" sx={{ px: 3 }}>
            An authorised reseller or licensee: its listings are never removed proactively nor sent to the brand as suspects.
          </Typography>
          <CreateBase
            resource="allowlist"
            record={{ brandId: brand.id }}
            transform={withoutEmpty}
            redirect={false}
            mutationOptions={{
              onSuccess: (entry: AllowlistRecord) => {
                notify(`Seller ${entry.sellerName ?? entry.sellerExternalId} is on the allowlist`, { type: 'success' });
                close();
                refresh();
              },
            }}
          >
            <SimpleForm
              toolbar={
                <Toolbar>
                  <SaveButton label="Add to allowlist" icon={<AddIcon />} />
                  <Button label="Cancel" onClick={close} sx={{ ml: 1 }} />
                </Toolbar>
              }
            >
              <SelectInput source="marketplaceCode" label="Marketplace" choices={MARKETPLACE_CHOICES} validate={required()} />
              <TextInput source="sellerExternalId" label="Seller id" validate={required()} helperText="As the marketplace identifies the seller." />
              <TextInput source="sellerName" label="Seller name" helperText="Optional; as the marketplace shows it." />
              <TextInput
                source="note"
                label="Why the seller is authorised"
                multiline
                minRows={2}
                validate={[required(), minLength(3)]}
                helperText="Licence, distribution contract…; kept in the audit trail."
              />
            </SimpleForm>
          </CreateBase>
        </DialogContent>
      </Dialog>
    </>
  );
}

function RemoveSellerButton(_props: { label?: string }) {
  const entry = useRecordContext<AllowlistRecord>();
  const { run, pending } = useApiAction();
  const [open, setOpen] = useState(false);
  if (!entry) return null;
  const seller = entry.sellerName ?? entry.sellerExternalId;
  return (
    <>
      <Button label="Remove" color="error" onClick={() => setOpen(true)} disabled={pending}>
        <DeleteIcon />
      </Button>
      <DecisionDialog
        open={open}
        title={`Remove ${seller} from the allowlist`}
        description={`Listings of ${seller} on ${marketplaceName(entry.marketplaceCode)} can be removed again from now on.`}
        textLabel="Reason"
        textHelp="Kept in the audit trail."
        textMin={3}
        confirmLabel="Remove from allowlist"
        danger
        pending={pending}
        onCancel={() => setOpen(false)}
        onConfirm={async ({ text }) => {
          const done = await run(() => trpc.admin.accounts.removeFromAllowlist.mutate({ id: entry.id, reason: text }), `${seller} is no longer on the allowlist`);
          if (done) setOpen(false);
          return done;
        }}
      />
    </>
  );
}

/** Sellers the brand authorised; its manager (or a platform admin) adds and removes them. */
export function AllowlistPanel() {
  const brand = useRecordContext<BrandRecord>();
  const staff = useStaffUser();
  if (!brand) return null;
  const mayManage = staff !== null && canManageBrand(staff.role, staff.id, brand.accountManagerId);
  return (
    <BrandSection title="Allowlisted sellers" actions={mayManage ? <AddSellerButton brand={brand} /> : null}>
      <ReferenceManyField reference="allowlist" target="brandId" perPage={500}>
        <Datagrid bulkActionButtons={false} rowClick={false} empty={<EmptyRows>No seller is allowlisted for this brand.</EmptyRows>}>
          <FunctionField<AllowlistRecord> label="Marketplace" sortable={false} render={(entry) => marketplaceName(entry.marketplaceCode)} />
          <TextField source="sellerExternalId" label="Seller id" sortable={false} sx={{ whiteSpace: 'nowrap' }} />
          <TextField source="sellerName" label="Seller name" sortable={false} emptyText="—" />
          <TextField source="note" label="Why" sortable={false} />
          <TextField source="addedBy.name" label="Added by" sortable={false} emptyText="—" />
          <DateField source="createdAt" label="Added" sortable={false} sx={{ whiteSpace: 'nowrap' }} />
          {mayManage ? <RemoveSellerButton label="" /> : null}
        </Datagrid>
      </ReferenceManyField>
    </BrandSection>
  );
}
