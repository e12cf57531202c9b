import { Box, Link as MuiLink, Typography } from '@mui/material';
import {
  AutocompleteInput,
  Datagrid,
  FunctionField,
  List,
  ReferenceInput,
  SelectInput,
  TextField,
} from 'react-admin';
import { Link } from 'react-router';
import { hasPermission } from '@jf/domain';
import { useStaffUser } from '../../providers/auth';
import type { AppealRecord } from '../../providers/trpc';
import { marketplaceName } from '../queue/notice-item-fields';
import {
  APPEAL_STATE_CHOICES,
  AppealStateField,
  BrandAnswerField,
  formatShortDateTime,
} from './appeal-fields';

const appealFilters = [
  <SelectInput key="state" source="state" label="State" choices={APPEAL_STATE_CHOICES} alwaysOn />,
  <ReferenceInput
    key="brandId"
    source="brandId"
    reference="brands"
    sort={{ field: 'name', order: 'ASC' }}
    alwaysOn
  >
    <AutocompleteInput label="Brand" optionText="name" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
];

const stop = (event: { stopPropagation(): void }) => event.stopPropagation();

function ListingCell({ appeal }: { appeal: AppealRecord }) {
  return (
    <Box sx={{ minWidth: 180 }}>
      <Typography variant="body2">{appeal.listing.title}</Typography>
      <Typography variant="caption" color="text.secondary">
        {marketplaceName(appeal.marketplaceCode)} · {appeal.listing.externalId}
      </Typography>
    </Box>
  );
}

function SellerCell({ appeal }: { appeal: AppealRecord }) {
  const { seller } = appeal;
  return (
    <Box>
      {/* A real link, so the seller page opens in a new tab too; the row itself opens the appeal. */}
      <MuiLink component={Link} to={`/sellers/${seller.id}/show`} onClick={stop} variant="body2">
        {seller.name}
      </MuiLink>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ whiteSpace: 'nowrap' }}>
        {seller.activeStrikes === 1 ? '1 active strike' : `${seller.activeStrikes} active strikes`}
        {seller.status === 'active' ? '' : ` · ${seller.status}`}
      </Typography>
    </Box>
  );
}

/** Sellers' counter-notices. Those who decide start on the contested ones: the brand has answered and they are next. */
export function AppealList() {
  const staff = useStaffUser();
  // The default filter is read once, on mount: wait for the role instead of starting unfiltered.
  if (!staff) return null;
  const decides = hasPermission(staff.role, 'queue.review');
  return (
    <List
      title="Appeals"
      filters={appealFilters}
      filterDefaultValues={decides ? { state: 'contested' } : {}}
      perPage={25}
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
      empty={false}
    >
      <Datagrid
        rowClick="show"
        bulkActionButtons={false}
        empty={<p style={{ padding: 16 }}>No appeal matches these filters.</p>}
      >
        <FunctionField<AppealRecord> label="Listing" render={(appeal) => <ListingCell appeal={appeal} />} />
        <FunctionField<AppealRecord> label="Seller" render={(appeal) => <SellerCell appeal={appeal} />} />
        <TextField source="brandName" label="Brand" sortable={false} emptyText="—" />
        <AppealStateField label="State" sortable={false} />
        <BrandAnswerField label="Brand answer" sortable={false} />
        <FunctionField<AppealRecord>
          source="createdAt"
          label="Filed"
          sx={{ whiteSpace: 'nowrap' }}
          render={(appeal) => formatShortDateTime(appeal.createdAt)}
        />
        <FunctionField<AppealRecord>
          source="brandDueAt"
          label="Brand due"
          sx={{ whiteSpace: 'nowrap' }}
          render={(appeal) => formatShortDateTime(appeal.brandDueAt)}
        />
        <FunctionField<AppealRecord>
          label="Decided"
          sortable={false}
          sx={{ whiteSpace: 'nowrap' }}
          render={(appeal) => formatShortDateTime(appeal.decidedAt)}
        />
      </Datagrid>
    </List>
  );
}
