import { Box, Typography } from '@mui/material';
import {
  AutocompleteInput,
  Datagrid,
  FunctionField,
  List,
  NumberInput,
  ReferenceInput,
  SelectInput,
  TextField,
  useListContext,
} from 'react-admin';
import type { AuthRequestRecord } from '../../providers/trpc';
import { marketplaceName } from '../queue/notice-item-fields';
import {
  AnswerField,
  AUTH_ANSWER_CHOICES,
  AUTH_STATE_CHOICES,
  AuthStateField,
  ageOf,
  DueField,
  formatPercent,
  SignalChips,
  sellerAge,
} from './auth-request-fields';
import { AuthRequestStatsCard } from './auth-request-stats';

const authRequestFilters = [
  <ReferenceInput key="brandId" source="brandId" reference="brands" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <AutocompleteInput label="Brand" optionText="name" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <SelectInput key="state" source="state" label="State" choices={AUTH_STATE_CHOICES} alwaysOn />,
  <SelectInput key="answer" source="answer" label="Verdict" choices={AUTH_ANSWER_CHOICES} alwaysOn />,
  <NumberInput key="olderThanHours" source="olderThanHours" label="Older than (hours)" min={0} step={1} alwaysOn sx={{ width: 180 }} />,
];

/** The figures follow the brand filter, so an account manager sees one brand's response times beside its requests. */
function StatsForFilter() {
  const { filterValues } = useListContext();
  const brandId = typeof filterValues.brandId === 'string' && filterValues.brandId !== '' ? filterValues.brandId : undefined;
  return <AuthRequestStatsCard brandId={brandId} />;
}

function ListingCell({ request }: { request: AuthRequestRecord }) {
  return (
    <Box sx={{ minWidth: 200 }}>
      <Typography variant="body2">{request.listing.title}</Typography>
      <Typography variant="caption" color="text.secondary">
        {marketplaceName(request.marketplaceCode)} · {request.listing.externalId}
        {request.product ? ` · ${request.product.name}` : ''}
      </Typography>
    </Box>
  );
}

function SellerCell({ request }: { request: AuthRequestRecord }) {
  const { seller } = request;
  return (
    <Box>
      <Typography variant="body2">{seller.name}</Typography>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ whiteSpace: 'nowrap' }}>
        {sellerAge(seller.registeredAt)} old · {seller.strikes === 1 ? '1 strike' : `${seller.strikes} strikes`}
      </Typography>
    </Box>
  );
}

/** Listings detection sent to brands to authenticate, by brand, state and age, with the brands' response figures. */
export function AuthRequestList() {
  return (
    <List
      title="Authentication requests"
      filters={authRequestFilters}
      perPage={25}
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
      empty={false}
    >
      <StatsForFilter />
      <Datagrid rowClick="show" bulkActionButtons={false} empty={<p style={{ padding: 16 }}>No request matches these filters.</p>}>
        <FunctionField<AuthRequestRecord> label="Listing" render={(request) => <ListingCell request={request} />} />
        <TextField source="brandName" label="Brand" sortable={false} />
        <FunctionField<AuthRequestRecord> label="Seller" render={(request) => <SellerCell request={request} />} />
        <FunctionField<AuthRequestRecord>
          source="score"
          label="Score"
          render={(request) => (
            <Box>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {formatPercent(request.score)}
              </Typography>
              <SignalChips signals={request.signals} />
            </Box>
          )}
        />
        <AuthStateField label="State" sortable={false} />
        <AnswerField label="Verdict" sortable={false} />
        <FunctionField<AuthRequestRecord>
          source="createdAt"
          label="Asked"
          sx={{ whiteSpace: 'nowrap' }}
          render={(request) => <span title={new Date(request.createdAt).toLocaleString()}>{ageOf(request.createdAt)}</span>}
        />
        <DueField label="Due" sortBy="dueAt" />
      </Datagrid>
    </List>
  );
}
