import type { ReactElement } from 'react';
import { Button } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import {
  AutocompleteInput,
  Datagrid,
  DateField,
  DateInput,
  FilterButton,
  List,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useListContext,
} from 'react-admin';
import { AUDIT_ENTITIES, AUDIT_EXPORT_MAX_ROWS } from '@jf/domain';
import { useStaffUser } from '../../providers/auth';
import { auditFilterOf } from '../../providers/data';
import { choicesOf } from '../../ui/choices';
import { AuditDiff, BrandLinkField, EntityField } from './audit-event-fields';

const ENTITY_CHOICES = choicesOf(AUDIT_ENTITIES);

// An invalid filter form is not applied, so a backwards range is caught here instead of as a server error.
type DayRange = { from?: string; to?: string };
const notAfterTo = (from: unknown, range: DayRange) => (from && range.to && String(from) > range.to ? 'Must not be after To' : undefined);
const notBeforeFrom = (to: unknown, range: DayRange) => (to && range.from && String(to) < range.from ? 'Must not be before From' : undefined);

/** An account manager's brand choices are their own brands, whose events they see beside their own actions. */
function auditFilters(managerId: string | null): ReactElement[] {
  return [
    <SelectInput key="entityType" source="entityType" label="Entity type" choices={ENTITY_CHOICES} alwaysOn sx={{ width: 150 }} />,
    <ReferenceInput key="brandId" source="brandId" reference="brands" filter={managerId ? { accountManagerId: managerId } : {}} sort={{ field: 'name', order: 'ASC' }} alwaysOn>
      <AutocompleteInput label="Brand" optionText="name" sx={{ width: 180 }} />
    </ReferenceInput>,
    <TextInput key="action" source="action" label="Action starts with" alwaysOn resettable sx={{ width: 160 }} />,
    <DateInput key="from" source="from" label="From" alwaysOn validate={notAfterTo} sx={{ width: 150 }} />,
    <DateInput key="to" source="to" label="To" alwaysOn validate={notBeforeFrom} sx={{ width: 150 }} />,
    <TextInput key="actor" source="actor" label="Actor (e-mail or name)" resettable />,
    <ReferenceInput key="actorId" source="actorId" reference="staff" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput label="Staff member" optionText="name" sx={{ minWidth: 200 }} />
    </ReferenceInput>,
    <TextInput key="entityId" source="entityId" label="Entity id" resettable />,
  ];
}

/**
 * Downloads the CSV of what the list shows (same filters, same time order) from the streaming route;
 * the browser saves it as it arrives, with the session cookie as the only credential a GET needs.
 */
function ExportCsvButton() {
  const { filterValues, sort, total } = useListContext();
  const query = new URLSearchParams({ order: sort.order === 'ASC' ? 'ASC' : 'DESC' });
  for (const [key, value] of Object.entries(auditFilterOf(filterValues))) if (value !== undefined) query.set(key, String(value));
  const capped = (total ?? 0) > AUDIT_EXPORT_MAX_ROWS;
  return (
    <Button
      size="small"
      startIcon={<DownloadIcon />}
      href={`/api/audit-events.csv?${query.toString()}`}
      download
      disabled={total === 0}
      title={capped ? `Only the first ${AUDIT_EXPORT_MAX_ROWS.toLocaleString()} events are exported; narrow the filters for the rest.` : undefined}
    >
      Export CSV
    </Button>
  );
}

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportCsvButton />
  </TopToolbar>
);

/** Every recorded change, newest first; a row opens to show what changed, field by field. */
export function AuditEventList() {
  const staff = useStaffUser();
  const managerId = staff?.role === 'account_manager' ? staff.id : null;
  return (
    <List title="Audit log" filters={auditFilters(managerId)} actions={<ListActions />} perPage={25} sort={{ field: 'occurredAt', order: 'DESC' }} exporter={false} empty={false}>
      <Datagrid rowClick="expand" expand={<AuditDiff />} bulkActionButtons={false} empty={<p style={{ padding: 16 }}>No event matches these filters.</p>}>
        <DateField source="occurredAt" label="Time" showTime options={{ dateStyle: 'medium', timeStyle: 'medium' }} sx={{ whiteSpace: 'nowrap' }} />
        <TextField source="actorLabel" label="Actor" sortable={false} />
        <TextField source="action" label="Action" sortable={false} sx={{ fontFamily: 'monospace' }} />
        <EntityField label="Entity" sortable={false} />
        <BrandLinkField label="Brand" sortable={false} />
      </Datagrid>
    </List>
  );
}
