import { useState } from 'react';
import { Typography } from '@mui/material';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { Button, Datagrid, DateField, FunctionField, ReferenceManyField, TextField, useGetList, useRecordContext } from 'react-admin';
import { canManageBrand } from '@jf/domain';
import { useStaffUser } from '../../providers/auth';
import { trpc, type BrandRecord, type ManagerAssignmentRecord, type StaffRecord } from '../../providers/trpc';
import { DecisionDialog } from '../../ui/decision-dialog';
import { useApiAction } from '../../ui/use-api-action';
import { BrandSection, EmptyRows } from './brand-section';

/** The select's value for "leave the brand without an account manager". */
const NOBODY = 'nobody';
/** `managerNote` in updateBrandInput. */
const NOTE_MAX = 1000;

function ReassignButton({ brand }: { brand: BrandRecord }) {
  const { run, pending } = useApiAction();
  const [open, setOpen] = useState(false);
  const managers = useGetList<StaffRecord>(
    'staff',
    { filter: { role: 'account_manager', status: 'active' }, pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' } },
    { enabled: open },
  );
  const choices = [
    ...(managers.data ?? []).filter((manager) => manager.id !== brand.accountManagerId).map((manager) => ({ id: manager.id, name: `${manager.name} (${manager.email})` })),
    ...(brand.accountManagerId ? [{ id: NOBODY, name: 'Nobody for now (unassign)' }] : []),
  ];
  return (
    <>
      <Button label="Reassign" variant="outlined" onClick={() => setOpen(true)} disabled={pending}>
        <SwapHorizIcon />
      </Button>
      <DecisionDialog
        open={open}
        title={`Reassign ${brand.name}`}
        description={
          managers.error
            ? `The account managers could not be loaded: ${managers.error.message}`
            : `${brand.accountManager ? `${brand.accountManager.name} hands the brand over.` : 'The brand has no account manager now.'} The brand is told who its new account manager is.`
        }
        choice={{ label: 'New account manager', choices }}
        textLabel="Note"
        textHelp="Why the brand changes hands; kept in the assignment history."
        textMax={NOTE_MAX}
        confirmLabel="Reassign"
        pending={pending}
        onCancel={() => setOpen(false)}
        onConfirm={async ({ text, choice }) => {
          const accountManagerId = choice === NOBODY ? null : choice;
          const name = choices.find((option) => option.id === choice)?.name.replace(/ \(.*\)$/, '');
          const done = await run(
            () => trpc.admin.brands.update.mutate({ id: brand.id, accountManagerId, managerNote: text }),
            accountManagerId ? `${brand.name} is now managed by ${name}` : `${brand.name} has no account manager now`,
          );
          if (done) setOpen(false);
          return done;
        }}
      />
    </>
  );
}

/** The brand's account manager, who may hand it over, and every earlier stretch of its management. */
export function AccountManagerPanel() {
  const brand = useRecordContext<BrandRecord>();
  const staff = useStaffUser();
  if (!brand) return null;
  const mayManage = staff !== null && canManageBrand(staff.role, staff.id, brand.accountManagerId);
  return (
    <BrandSection title="Account manager" actions={mayManage ? <ReassignButton brand={brand} /> : null}>
      <Typography variant="body1" sx={{ mb: 1 }}>
        {brand.accountManager ? `${brand.accountManager.name} <${brand.accountManager.email}>` : 'No account manager is assigned.'}
      </Typography>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        Assignment history
      </Typography>
      <ReferenceManyField reference="manager-assignments" target="brandId" perPage={200}>
        <Datagrid bulkActionButtons={false} rowClick={false} empty={<EmptyRows>No assignment is recorded.</EmptyRows>}>
          <FunctionField<ManagerAssignmentRecord>
            label="Account manager"
            sortable={false}
            render={(row) => (row.manager ? `${row.manager.name} <${row.manager.email}>` : 'Nobody')}
          />
          <DateField source="startedAt" label="From" showTime sortable={false} sx={{ whiteSpace: 'nowrap' }} />
          <FunctionField<ManagerAssignmentRecord>
            label="Until"
            sortable={false}
            render={(row) => <span style={{ whiteSpace: 'nowrap' }}>{row.endedAt ? new Date(row.endedAt).toLocaleString() : <strong>Current</strong>}</span>}
          />
          <TextField source="assignedBy.name" label="Assigned by" sortable={false} emptyText="Onboarding" />
          <TextField source="note" label="Note" sortable={false} emptyText="—" />
        </Datagrid>
      </ReferenceManyField>
    </BrandSection>
  );
}
