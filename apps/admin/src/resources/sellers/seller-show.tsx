import { Box, Chip, Link as MuiLink, Stack, Typography } from '@mui/material';
import {
  ArrayField,
  Datagrid,
  FunctionField,
  ListButton,
  NumberField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { Link } from 'react-router';
import type { SellerDetail } from '../../providers/trpc';
import { SOURCE_LABELS } from '../../ui/choices';
import { MarketplaceField, ShortDateTimeField } from '../../ui/fields';
import { StatusChip } from '../../ui/status-chip';
import { AppealStateField, BrandAnswerChip } from '../appeals/appeal-fields';
import { BrandSection as Section, EmptyRows } from '../brands/brand-section';
import { marketplaceName } from '../queue/notice-item-fields';
import { SELLER_STATUS_TONES, SellerStatusField, SHARED_DETAIL_LABELS, sellerPath } from './seller-fields';

type Strike = SellerDetail['strikes'][number];
type Removal = SellerDetail['removals'][number];
type Appeal = SellerDetail['appeals'][number];
type Related = SellerDetail['relatedAccounts'][number];

const SellerTitle = () => {
  const seller = useRecordContext<SellerDetail>();
  return <>{seller ? `Seller: ${seller.name}` : 'Seller'}</>;
};

const ShowActions = () => (
  <TopToolbar>
    <ListButton label="All sellers" />
  </TopToolbar>
);

const stop = (event: { stopPropagation(): void }) => event.stopPropagation();
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

function ListingCell({ listing }: { listing: { title: string; externalId: string } }) {
  return (
    <Box sx={{ minWidth: 160 }}>
      <Typography variant="body2">{listing.title}</Typography>
      <Typography variant="caption" color="text.secondary">
        {listing.externalId}
      </Typography>
    </Box>
  );
}


function RelatedAccounts({ seller }: { seller: SellerDetail }) {
  return (
    <Section title={`Related accounts (${seller.relatedAccounts.length})`}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Other sellers, on any marketplace, registered with the same contact or payment details: often one
        operator behind several shops.
      </Typography>
      <ArrayField source="relatedAccounts">
        <Datagrid
          bulkActionButtons={false}
          rowClick={(id) => sellerPath(String(id))}
          empty={<EmptyRows>No other account shares this seller’s contact or payment details.</EmptyRows>}
        >
          <FunctionField<Related>
            label="Name"
            render={(row) => (
              <MuiLink component={Link} to={sellerPath(row.id)} onClick={stop}>
                {row.name}
              </MuiLink>
            )}
          />
          <TextField source="externalId" label="Seller id" sortable={false} />
          <MarketplaceField label="Marketplace" />
          <SellerStatusField label="Status" sortable={false} />
          <NumberField source="strikeCount" label="Active strikes" sortable={false} />
          <FunctionField<Related>
            label="Shares"
            render={(row) => (
              <Stack direction="row" spacing={0.5}>
                {row.shared.map((detail) => (
                  <Chip
                    key={detail}
                    size="small"
                    label={SHARED_DETAIL_LABELS[detail]}
                    color="warning"
                    variant="outlined"
                  />
                ))}
              </Stack>
            )}
          />
        </Datagrid>
      </ArrayField>
    </Section>
  );
}

function Strikes({ seller }: { seller: SellerDetail }) {
  return (
    <Section title={`Strikes (${seller.activeStrikes} active, ${seller.strikes.length} in all)`}>
      <ArrayField source="strikes">
        <Datagrid
          bulkActionButtons={false}
          rowClick={false}
          empty={<EmptyRows>The seller has never had a strike.</EmptyRows>}
        >
          <FunctionField<Strike>
            label="Listing"
            render={(strike) => <ListingCell listing={strike.listing} />}
          />
          <FunctionField<Strike>
            label="Removed for"
            render={(strike) => strike.brand?.name ?? 'No brand (proactive)'}
          />
          <ShortDateTimeField source="createdAt" label="Issued" />
          <ShortDateTimeField source="expiresAt" label="Expires" />
          <FunctionField<Strike>
            label="Counts now"
            render={(strike) => (
              <Chip
                size="small"
                variant="outlined"
                label={strike.active ? 'Active' : 'Expired'}
                color={strike.active ? 'error' : 'default'}
              />
            )}
          />
        </Datagrid>
      </ArrayField>
    </Section>
  );
}

function Appeals({ seller }: { seller: SellerDetail }) {
  return (
    <Section title={`Appeals (${seller.appeals.length})`}>
      <ArrayField source="appeals">
        <Datagrid
          bulkActionButtons={false}
          rowClick={(id) => `/appeals/${String(id)}/show`}
          empty={<EmptyRows>The seller has not disputed any removal.</EmptyRows>}
        >
          <FunctionField<Appeal>
            label="Listing"
            render={(appeal) => (
              <MuiLink component={Link} to={`/appeals/${appeal.id}/show`} onClick={stop} variant="body2">
                {appeal.listing.title}
              </MuiLink>
            )}
          />
          <FunctionField<Appeal> label="Brand" render={(appeal) => appeal.brand?.name ?? '—'} />
          <AppealStateField label="State" sortable={false} />
          <FunctionField<Appeal>
            label="Brand answer"
            render={(appeal) => <BrandAnswerChip appeal={appeal} />}
          />
          <ShortDateTimeField source="createdAt" label="Filed" />
          <ShortDateTimeField source="decidedAt" label="Decided" />
        </Datagrid>
      </ArrayField>
    </Section>
  );
}

function Removals({ seller }: { seller: SellerDetail }) {
  const shown = seller.removals.length;
  const title =
    shown < seller.removalsTotal
      ? `Removals (latest ${shown} of ${seller.removalsTotal})`
      : `Removals (${seller.removalsTotal})`;
  return (
    <Section title={title}>
      <ArrayField source="removals">
        <Datagrid
          bulkActionButtons={false}
          rowClick={false}
          empty={<EmptyRows>None of the seller’s listings has been removed.</EmptyRows>}
        >
          <FunctionField<Removal>
            label="Listing"
            render={(removal) => <ListingCell listing={removal.listing} />}
          />
          <FunctionField<Removal> label="Source" render={(removal) => SOURCE_LABELS[removal.source]} />
          <FunctionField<Removal> label="Brand" render={(removal) => removal.brand?.name ?? '—'} />
          <ShortDateTimeField source="requestedAt" label="Requested" />
          <ShortDateTimeField source="removedAt" label="Removed" />
          <ShortDateTimeField source="reinstatedAt" label="Reinstated" />
        </Datagrid>
      </ArrayField>
    </Section>
  );
}

function SellerPage() {
  const seller = useRecordContext<SellerDetail>();
  // The list row is in the cache first; the page waits for byId's history.
  if (!seller || !('strikes' in seller)) return null;
  return (
    <Box>
      <Box sx={{ p: 2 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="h5" component="h1" sx={{ overflowWrap: 'anywhere' }}>
            {seller.name}
          </Typography>
          <StatusChip value={seller.status} tones={SELLER_STATUS_TONES} />
        </Stack>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', color: 'text.secondary' }}>
          <Typography variant="body2">
            {marketplaceName(seller.marketplaceCode)} seller {seller.externalId}
          </Typography>
          <Typography variant="body2">{plural(seller.activeStrikes, 'active strike')}</Typography>
          <Typography variant="body2">
            Registered {new Date(seller.registeredAt).toLocaleDateString()}
          </Typography>
        </Stack>
      </Box>
      <RelatedAccounts seller={seller} />
      <Strikes seller={seller} />
      <Appeals seller={seller} />
      <Removals seller={seller} />
    </Box>
  );
}

/** A seller's record for appeal decisions: strikes, removals, appeals and the accounts that look like the same operator. */
export function SellerShow() {
  return (
    <Show title={<SellerTitle />} actions={<ShowActions />}>
      <SellerPage />
    </Show>
  );
}
