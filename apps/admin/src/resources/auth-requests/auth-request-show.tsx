import type { ReactNode } from 'react';
import { Alert, Box, Grid, Link as MuiLink, Paper, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { ListButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import { Link } from 'react-router';
import type { AuthRequestRecord } from '../../providers/trpc';
import { StatusChip } from '../../ui/status-chip';
import { formatDateTime } from '../appeals/appeal-fields';
import { Fact, formatPrice, marketplaceName } from '../queue/notice-item-fields';
import { AUTH_ANSWER_TONES, AUTH_STATE_TONES, dueIn, formatPercent, priceAgainstMsrp, readableSignals, sellerAge } from './auth-request-fields';

const Title = () => {
  const request = useRecordContext<AuthRequestRecord>();
  return <>{request ? `Authentication request: ${request.listing.title}` : 'Authentication request'}</>;
};

const ShowActions = () => (
  <TopToolbar>
    <ListButton label="All requests" />
  </TopToolbar>
);

function Panel({ title, aside, children }: { title: string; aside?: ReactNode; children: ReactNode }) {
  return (
    <Paper component="section" aria-label={title} variant="outlined" sx={{ p: 2, height: '100%' }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        {aside}
      </Stack>
      {children}
    </Paper>
  );
}

/** Where the request stands: waiting (and for how long still), expired, or the brand's verdict with its consequence. */
function Outcome({ request }: { request: AuthRequestRecord }) {
  if (request.state === 'open') {
    const { text, late } = dueIn(request.dueAt);
    return (
      <Alert severity={late ? 'warning' : 'info'} sx={{ mb: 2 }}>
        Waiting for {request.brandName}: due {formatDateTime(request.dueAt)} ({text}).
      </Alert>
    );
  }
  if (request.state === 'expired') {
    return (
      <Alert severity="warning" sx={{ mb: 2 }}>
        {request.brandName} did not answer by {formatDateTime(request.dueAt)}; the request expired and the listing was left as it is.
      </Alert>
    );
  }
  return (
    <Alert severity={request.answer === 'counterfeit' ? 'error' : request.answer === 'genuine' ? 'success' : 'info'} sx={{ mb: 2 }}>
      Answered <strong>{request.answer}</strong> by {request.answeredBy?.name ?? 'the brand'} on {formatDateTime(request.answeredAt)}
      {request.answerReason ? `: “${request.answerReason}”` : '.'}
    </Alert>
  );
}

function RemovalFacts({ removal }: { removal: NonNullable<AuthRequestRecord['removal']> }) {
  return (
    <>
      <Fact label="Removal requested">{formatDateTime(removal.requestedAt)}</Fact>
      <Fact label="Removed">{removal.removedAt ? formatDateTime(removal.removedAt) : 'Not acknowledged by the marketplace yet'}</Fact>
    </>
  );
}

function RequestPage() {
  const request = useRecordContext<AuthRequestRecord>();
  if (!request) return null;
  const { listing, seller, product } = request;
  // The score heads the panel; every other signal is listed, zero ones included, as detection sent them.
  const signals = readableSignals(request.signals, { skip: ['score'] });
  return (
    <Box sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="h5" component="h1" sx={{ overflowWrap: 'anywhere' }}>
          {listing.title}
        </Typography>
        <Stack direction="row" spacing={1}>
          <StatusChip value={request.state} tones={AUTH_STATE_TONES} />
          {request.answer ? <StatusChip value={request.answer} tones={AUTH_ANSWER_TONES} /> : null}
        </Stack>
      </Stack>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', color: 'text.secondary', mb: 2 }}>
        <Typography variant="body2">
          {marketplaceName(request.marketplaceCode)} listing {listing.externalId}
        </Typography>
        <Typography variant="body2">
          Asked of{' '}
          <MuiLink component={Link} to={`/brands/${request.brandId}/show`}>
            {request.brandName}
          </MuiLink>
        </Typography>
        <Typography variant="body2">Asked {formatDateTime(request.createdAt)}</Typography>
      </Stack>
      <Outcome request={request} />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Panel title="Why detection asked" aside={<Typography variant="h6">{formatPercent(request.score)}</Typography>}>
            <Table size="small" aria-label="Signals">
              <TableBody>
                {signals.map((signal) => (
                  <TableRow key={signal.name}>
                    <TableCell component="th" scope="row" sx={{ color: 'text.secondary', pl: 0 }}>
                      {signal.label}
                    </TableCell>
                    <TableCell>{signal.value}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Panel title="Listing and product">
            <Box component="dl" sx={{ m: 0 }}>
              <Fact label="Price">{formatPrice(listing.priceCents, listing.currency)}</Fact>
              <Fact label="Matched product">{product ? `${product.name} · ${priceAgainstMsrp(request)}` : 'None of the brand’s products'}</Fact>
              <Fact label="Category">{listing.category}</Fact>
              <Fact label="Listing status">{listing.status}</Fact>
              {request.removal ? <RemovalFacts removal={request.removal} /> : null}
            </Box>
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Panel title="Seller">
            <Box component="dl" sx={{ m: 0 }}>
              <Fact label="Name and marketplace id">{`${seller.name} · ${seller.externalId}`}</Fact>
              <Fact label="Account age">{`${sellerAge(seller.registeredAt)} (registered ${formatDateTime(seller.registeredAt)})`}</Fact>
              <Fact label="Active strikes">{String(seller.strikes)}</Fact>
            </Box>
            <MuiLink component={Link} to={`/sellers/${seller.id}/show`} variant="body2">
              Seller page: strikes, removals and related accounts
            </MuiLink>
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Panel title="Brand’s verdict">
            <Box component="dl" sx={{ m: 0 }}>
              <Fact label="Verdict">{request.answer ?? (request.state === 'expired' ? 'None: expired' : 'Not yet')}</Fact>
              {request.answeredBy ? <Fact label="Answered by">{request.answeredBy.name}</Fact> : null}
              {request.answeredAt ? <Fact label="Answered">{formatDateTime(request.answeredAt)}</Fact> : null}
              {request.answerReason ? <Fact label="Reason">{request.answerReason}</Fact> : null}
              <Fact label="Due">{formatDateTime(request.dueAt)}</Fact>
            </Box>
          </Panel>
        </Grid>
      </Grid>
    </Box>
  );
}

/** One request as staff read it: the signals, the listing, the seller and the brand's verdict. */
export function AuthRequestShow() {
  return (
    <Show title={<Title />} actions={<ShowActions />}>
      <RequestPage />
    </Show>
  );
}
