import { Box, Chip, Typography } from '@mui/material';
import { AutocompleteInput, Datagrid, DateInput, FunctionField, List, ReferenceInput, SelectInput, TextField } from 'react-admin';
import { PROACTIVE_SOURCES, REMOVAL_SOURCES, type RemovalSource } from '@jf/domain';
import type { RemovalRecord } from '../../providers/trpc';
import { formatDuration } from '../../dashboard/format';
import { choicesOf, SOURCE_LABELS } from '../../ui/choices';
import { ShortDateTimeField } from '../../ui/fields';
import { MARKETPLACE_CHOICES, marketplaceName } from '../queue/notice-item-fields';

export const SOURCE_CHOICES = choicesOf(REMOVAL_SOURCES, SOURCE_LABELS);
/** The dashboard's two sides: the data provider turns a group into the sources it holds. */
export const SOURCE_GROUP_CHOICES = [
  { id: 'proactive', name: 'Proactive (detection, authentication)' },
  { id: 'brand_requested', name: 'Brand-requested (notices)' },
];

const removalFilters = [
  <SelectInput key="source" source="source" label="Source" choices={SOURCE_CHOICES} alwaysOn />,
  <SelectInput key="group" source="group" label="Side" choices={SOURCE_GROUP_CHOICES} alwaysOn />,
  <SelectInput key="marketplace" source="marketplace" label="Marketplace" choices={MARKETPLACE_CHOICES} alwaysOn />,
  <ReferenceInput key="brandId" source="brandId" reference="brands" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <AutocompleteInput label="Brand" optionText="name" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <DateInput key="from" source="from" label="From (UTC day)" alwaysOn />,
  <DateInput key="to" source="to" label="To (UTC day)" alwaysOn />,
];

function SourceChip({ source }: { source: RemovalSource }) {
  const proactive = PROACTIVE_SOURCES.includes(source);
  return <Chip size="small" variant="outlined" color={proactive ? 'success' : 'primary'} label={SOURCE_LABELS[source]} />;
}

function ListingCell({ removal }: { removal: RemovalRecord }) {
  return (
    <Box sx={{ minWidth: 220 }}>
      <Typography variant="body2">{removal.listing.title}</Typography>
      <Typography variant="caption" color="text.secondary">
        {marketplaceName(removal.marketplaceCode)} · {removal.listing.externalId}
      </Typography>
    </Box>
  );
}

/**
 * Removals by source, marketplace, brand and request day, newest first. The dashboard opens it with a
 * chart point's period and source as filters; turnaround is the time to the marketplace's acknowledgement.
 */
export function RemovalList() {
  return (
    <List title="Removals" filters={removalFilters} perPage={25} sort={{ field: 'requestedAt', order: 'DESC' }} exporter={false} empty={false}>
      <Datagrid bulkActionButtons={false} rowClick={false} empty={<p style={{ padding: 16 }}>No removal matches these filters.</p>}>
        <FunctionField<RemovalRecord> label="Listing" render={(removal) => <ListingCell removal={removal} />} />
        <TextField source="brandName" label="Brand" sortable={false} emptyText="—" />
        <FunctionField<RemovalRecord> label="Source" render={(removal) => <SourceChip source={removal.source} />} />
        <ShortDateTimeField source="requestedAt" label="Requested" />
        <ShortDateTimeField source="removedAt" label="Removed" />
        <FunctionField<RemovalRecord>
          label="Turnaround"
          sortable={false}
          render={(removal) => (removal.turnaroundMs === null ? <Typography variant="body2" color="text.secondary">Not yet removed</Typography> : formatDuration(removal.turnaroundMs))}
        />
        <FunctionField<RemovalRecord>
          label="Reinstated"
          sortable={false}
          render={(removal) => (removal.reinstatedAt ? <ShortDateTimeField source="reinstatedAt" /> : '—')}
        />
      </Datagrid>
    </List>
  );
}
