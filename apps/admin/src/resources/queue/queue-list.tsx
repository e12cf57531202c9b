import { Chip } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  Datagrid,
  FunctionField,
  List,
  NumberInput,
  ReferenceInput,
  SelectInput,
  TextField,
  useGetIdentity,
} from 'react-admin';
import type { QueueItemRecord } from '../../providers/trpc';
import { humanize } from '../../ui/choices';
import { AgeField, isOverSla, MARKETPLACE_CHOICES, marketplaceName, NOTICE_REASON_CHOICES, NoticeItemPanel } from './notice-item-fields';
import { QueueBulkActions } from './queue-bulk-actions';

// All filters are always shown: hidden ones would add "Remove this filter" buttons next to the decisions.
const queueFilters = [
  <ReferenceInput key="brandId" source="brandId" reference="brands" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <AutocompleteInput label="Brand" optionText="name" sx={{ minWidth: 200 }} />
  </ReferenceInput>,
  <SelectInput key="marketplace" source="marketplace" label="Marketplace" choices={MARKETPLACE_CHOICES} alwaysOn />,
  <SelectInput key="reason" source="reason" label="Reason" choices={NOTICE_REASON_CHOICES} alwaysOn />,
  <NumberInput key="minAgeHours" source="minAgeHours" label="Minimum age (hours)" min={0} step={1} alwaysOn sx={{ width: 200 }} />,
  <BooleanInput key="mine" source="mine" label="Only mine" alwaysOn />,
];

function ClaimedByField(_props: { label?: string; sortable?: boolean }) {
  const { identity } = useGetIdentity();
  return (
    <FunctionField<QueueItemRecord>
      render={(item) => {
        if (!item.claimedBy) return '—';
        const mine = identity !== undefined && item.claimedBy.id === String(identity.id);
        return <Chip size="small" label={mine ? `${item.claimedBy.name} (you)` : item.claimedBy.name} color={mine ? 'primary' : 'warning'} variant="outlined" />;
      }}
    />
  );
}

const overSlaRow = (item: QueueItemRecord) => (isOverSla(item.ageHours) ? { bgcolor: 'rgba(211, 47, 47, 0.05)' } : {});

/** Pending standard-path notice items, oldest first; decisions are bulk actions on the selected rows. */
export function QueueList() {
  return (
    <List
      title="Review queue"
      filters={queueFilters}
      perPage={25}
      sort={{ field: 'ageHours', order: 'DESC' }}
      exporter={false}
      empty={false}
    >
      <Datagrid
        rowClick="expand"
        expand={<NoticeItemPanel />}
        expandSingle
        rowSx={overSlaRow}
        bulkActionButtons={<QueueBulkActions />}
        empty={<p style={{ padding: 16 }}>Nothing is waiting for review with these filters.</p>}
      >
        <AgeField label="Age" sortBy="ageHours" />
        <TextField source="brandName" label="Brand" sortable={false} />
        <FunctionField<QueueItemRecord> label="Marketplace" sortable={false} render={(item) => marketplaceName(item.listing.marketplace)} />
        <TextField source="listing.title" label="Listing" sortable={false} />
        <FunctionField<QueueItemRecord> label="Reason" sortable={false} render={(item) => humanize(item.reason)} />
        <ClaimedByField label="Claimed by" sortable={false} />
      </Datagrid>
    </List>
  );
}
