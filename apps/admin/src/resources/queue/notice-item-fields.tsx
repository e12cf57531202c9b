import type { ReactNode } from 'react';
import { Box, Chip, Divider, Grid, Typography } from '@mui/material';
import { MARKETPLACE_CODES, NOTICE_PATHS, NOTICE_REASONS, REJECTION_CODES, type MarketplaceCode } from '@jf/domain';
import { useRecordContext } from 'react-admin';
import { REVIEW_CLAIM_TIMEOUT_MS } from '@jf/domain';
import type { QueueItemRecord } from '../../providers/trpc';
import { choicesOf, humanize } from '../../ui/choices';

/** The review target for standard items; older ones are highlighted. The domain has no SLA setting yet. */
export const REVIEW_SLA_HOURS = 24;

const MARKETPLACE_NAMES: Record<MarketplaceCode, string> = {
  taobao: 'Taobao',
  tmall: 'Tmall',
  aliexpress: 'AliExpress',
  '1688': '1688',
  alibaba: 'Alibaba.com',
};
export const MARKETPLACE_CHOICES = choicesOf(MARKETPLACE_CODES, MARKETPLACE_NAMES);
export const NOTICE_REASON_CHOICES = choicesOf(NOTICE_REASONS);
export const NOTICE_PATH_CHOICES = choicesOf(NOTICE_PATHS, { good_faith: 'Good Faith Takedown' });
export const REJECTION_CODE_CHOICES = choicesOf(REJECTION_CODES);

export const marketplaceName = (code: string): string => MARKETPLACE_NAMES[code as MarketplaceCode] ?? code;

/** "45 min", "3 h", "2 d": hours up to two days, whole days beyond. */
export function formatAge(hours: number): string {
  if (hours < 1) return `${Math.floor(hours * 60)} min`;
  if (hours < 48) return `${Math.floor(hours)} h`;
  return `${Math.floor(hours / 24)} d`;
}

export const isOverSla = (hours: number) => hours > REVIEW_SLA_HOURS;

/** The item's age, in red once it is past the review target; the exact figure is in the tooltip. */
export function AgeField(_props: { label?: string; sortBy?: string }) {
  const item = useRecordContext<Pick<QueueItemRecord, 'ageHours'>>();
  if (!item) return null;
  const over = isOverSla(item.ageHours);
  const exact = `Waiting ${item.ageHours.toFixed(1)} hours${over ? `, over the ${REVIEW_SLA_HOURS} h target` : ''}`;
  return (
    <Chip
      size="small"
      label={formatAge(item.ageHours)}
      color={over ? 'error' : 'default'}
      variant={over ? 'filled' : 'outlined'}
      title={exact}
      aria-label={exact}
    />
  );
}

export const formatPrice = (cents: number, currency: string): string => {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
};

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

/** Past its lapse time a claim is anyone's again. */
const claimLapse = (claimedAt: string) =>
  new Date(new Date(claimedAt).getTime() + REVIEW_CLAIM_TIMEOUT_MS).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box component="div" sx={{ mb: 1 }}>
      <Typography variant="caption" color="text.secondary" component="dt">
        {label}
      </Typography>
      <Typography variant="body2" component="dd" sx={{ m: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Box>
  );
}

/**
 * Everything a reviewer needs to decide an item without leaving the list: the brand's evidence,
 * the listing as the marketplace shows it, and any information exchanged with the brand.
 */
export function NoticeItemPanel() {
  const item = useRecordContext<QueueItemRecord>();
  if (!item) return null;
  const { listing } = item;
  return (
    <Box component="section" aria-label={`Notice item: ${listing.title}`} sx={{ px: 2, py: 1 }}>
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Typography variant="subtitle2" component="h3" gutterBottom>
            Evidence from {item.brandName}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {item.evidence}
          </Typography>
          <Divider sx={{ my: 2 }} />
          <Box component="dl" sx={{ m: 0 }}>
            <Fact label="Reason">{humanize(item.reason)}</Fact>
            <Fact label="Path">{NOTICE_PATH_CHOICES.find((path) => path.id === item.path)?.name ?? item.path}</Fact>
            <Fact label="Notice">{item.noticeId}</Fact>
            <Fact label="Submitted">{when(item.createdAt)}</Fact>
            {item.claimedBy && item.claimedAt ? (
              <Fact label="Claimed">{`${item.claimedBy.name} since ${when(item.claimedAt)}; lapses at ${claimLapse(item.claimedAt)}`}</Fact>
            ) : null}
          </Box>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Typography variant="subtitle2" component="h3" gutterBottom>
            Listing
          </Typography>
          <Box component="dl" sx={{ m: 0 }}>
            <Fact label="Title">{listing.title}</Fact>
            <Fact label="Marketplace and listing id">{`${marketplaceName(listing.marketplace)} · ${listing.externalId}`}</Fact>
            <Fact label="Seller">{listing.sellerName ?? 'Unknown seller'}</Fact>
            <Fact label="Price">{formatPrice(listing.priceCents, listing.currency)}</Fact>
            <Fact label="Listing status">{humanize(listing.status)}</Fact>
          </Box>
          {item.infoRequest || item.infoResponse ? (
            <>
              <Divider sx={{ my: 2 }} />
              <Typography variant="subtitle2" component="h3" gutterBottom>
                Information exchanged with the brand
              </Typography>
              <Box component="dl" sx={{ m: 0 }}>
                <Fact label="We asked">{item.infoRequest ?? '—'}</Fact>
                <Fact label="The brand answered">{item.infoResponse ?? 'No answer yet'}</Fact>
              </Box>
            </>
          ) : null}
        </Grid>
      </Grid>
    </Box>
  );
}
