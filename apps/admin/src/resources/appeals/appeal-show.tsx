import type { ReactNode } from 'react';
import { Alert, Box, Grid, Link as MuiLink, Paper, Stack, Typography } from '@mui/material';
import { ListButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import { Link } from 'react-router';
import { SOURCE_LABELS } from '../../ui/choices';
import type { AppealRecord } from '../../providers/trpc';
import { documentUrl } from '../../ui/upload-document';
import { StatusChip } from '../../ui/status-chip';
import { Fact, marketplaceName } from '../queue/notice-item-fields';
import { SELLER_STATUS_TONES } from '../sellers/seller-fields';
import { AppealDecisionButtons, useMayDecide } from './appeal-actions';
import { APPEAL_STATE_TONES, BrandAnswerChip, describeBrandAnswer, formatDateTime } from './appeal-fields';

const AppealTitle = () => {
  const appeal = useRecordContext<AppealRecord>();
  return <>{appeal ? `Appeal: ${appeal.listing.title}` : 'Appeal'}</>;
};

const ShowActions = () => (
  <TopToolbar>
    <ListButton label="All appeals" />
  </TopToolbar>
);

/** One side of the dispute, as a titled card; both sides get the same height on wide screens. */
function Side({ title, aside, children }: { title: string; aside?: ReactNode; children: ReactNode }) {
  return (
    <Paper component="section" aria-label={title} variant="outlined" sx={{ p: 2, height: '100%' }}>
      <Stack
        direction="row"
        spacing={1}
        sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}
      >
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        {aside}
      </Stack>
      {children}
    </Paper>
  );
}

const Statement = ({ children }: { children: ReactNode }) => (
  <Typography variant="body1" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', mb: 2 }}>
    {children}
  </Typography>
);

function LinkList({ label, links }: { label: string; links: { href: string; text: string }[] }) {
  return (
    <Box sx={{ mb: 1 }}>
      <Typography variant="caption" color="text.secondary" component="h3">
        {label}
      </Typography>
      {links.length === 0 ? (
        <Typography variant="body2">None attached</Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {links.map((link) => (
            <li key={link.href}>
              <MuiLink
                href={link.href}
                target="_blank"
                rel="noopener noreferrer"
                variant="body2"
                sx={{ overflowWrap: 'anywhere' }}
              >
                {link.text}
              </MuiLink>
            </li>
          ))}
        </Box>
      )}
    </Box>
  );
}

function SellerSide({ appeal }: { appeal: AppealRecord }) {
  return (
    <Side title="Seller’s counter-notice">
      <Statement>{appeal.statement}</Statement>
      <LinkList label="Seller’s evidence" links={appeal.evidence.map((url) => ({ href: url, text: url }))} />
      <Box component="dl" sx={{ m: 0 }}>
        <Fact label="Filed by">{`${appeal.seller.name} (${appeal.seller.externalId})`}</Fact>
        <Fact label="Filed">{formatDateTime(appeal.createdAt)}</Fact>
      </Box>
    </Side>
  );
}

function BrandSide({ appeal }: { appeal: AppealRecord }) {
  const { silent } = describeBrandAnswer(appeal);
  const answered = appeal.brandAnswer !== null || appeal.brandResponse !== null;
  return (
    <Side title={`${appeal.brandName ?? 'Brand'}’s answer`} aside={<BrandAnswerChip appeal={appeal} />}>
      {silent ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          The brand did not answer by {formatDateTime(appeal.brandDueAt)}; its silence counted as{' '}
          {appeal.brandAnswer === 'retract' ? 'a retraction' : 'contesting the appeal'}.
        </Alert>
      ) : null}
      {appeal.brandResponse ? <Statement>{appeal.brandResponse}</Statement> : null}
      {!answered ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {appeal.brandId
            ? `No answer yet. The brand has until ${formatDateTime(appeal.brandDueAt)}.`
            : 'The removal was made for no brand, so no brand answers.'}
        </Typography>
      ) : null}
      {answered && !silent ? (
        <LinkList
          label="Brand’s evidence"
          links={appeal.brandEvidence.map((id, index) => ({
            href: documentUrl(id),
            text: `Evidence document ${index + 1}`,
          }))}
        />
      ) : null}
      <Box component="dl" sx={{ m: 0 }}>
        {appeal.brandAnsweredBy ? <Fact label="Answered by">{appeal.brandAnsweredBy.name}</Fact> : null}
        {appeal.brandRespondedAt && !silent ? (
          <Fact label="Answered">{formatDateTime(appeal.brandRespondedAt)}</Fact>
        ) : null}
        <Fact label="Answer due">{formatDateTime(appeal.brandDueAt)}</Fact>
      </Box>
    </Side>
  );
}

function SellerPanel({ appeal }: { appeal: AppealRecord }) {
  const { seller } = appeal;
  return (
    <Side title="Seller" aside={<StatusChip value={seller.status} tones={SELLER_STATUS_TONES} />}>
      <Box component="dl" sx={{ m: 0 }}>
        <Fact label="Name and marketplace id">{`${seller.name} · ${seller.externalId}`}</Fact>
        <Fact label="Active strikes">{String(seller.activeStrikes)}</Fact>
      </Box>
      <MuiLink component={Link} to={`/sellers/${seller.id}/show`} variant="body2">
        Seller page: strikes, removals and related accounts
      </MuiLink>
    </Side>
  );
}

function RemovalPanel({ appeal }: { appeal: AppealRecord }) {
  const { removal, listing } = appeal;
  return (
    <Side title="Removal">
      <Box component="dl" sx={{ m: 0 }}>
        <Fact label="Listing">{`${listing.title} · ${marketplaceName(appeal.marketplaceCode)} ${listing.externalId}`}</Fact>
        <Fact label="Source">{SOURCE_LABELS[removal.source]}</Fact>
        <Fact label="Requested">{formatDateTime(removal.requestedAt)}</Fact>
        <Fact label="Removed">
          {removal.removedAt ? formatDateTime(removal.removedAt) : 'Not acknowledged by the marketplace yet'}
        </Fact>
        {removal.reinstatedAt ? <Fact label="Reinstated">{formatDateTime(removal.reinstatedAt)}</Fact> : null}
      </Box>
    </Side>
  );
}

/** Where the appeal stands, and for a contested one the reviewer's two ways out. */
function Outcome({ appeal }: { appeal: AppealRecord }) {
  const mayDecide = useMayDecide(appeal);
  if (appeal.decidedAt) {
    return (
      <Alert severity={appeal.state === 'reinstated' ? 'success' : 'info'} sx={{ mb: 2 }}>
        {appeal.state === 'reinstated' ? 'Reinstated' : 'Removal upheld'} by{' '}
        {appeal.decidedBy?.name ?? 'a reviewer'} on {formatDateTime(appeal.decidedAt)}
        {appeal.decisionReason ? `: ${appeal.decisionReason}` : '.'}
      </Alert>
    );
  }
  if (appeal.state === 'reinstated') {
    return (
      <Alert severity="success" sx={{ mb: 2 }}>
        Reinstated without review: the brand{' '}
        {appeal.brandAnsweredBy ? 'retracted its removal' : 'let its window pass'}.
      </Alert>
    );
  }
  if (appeal.state === 'open') {
    return (
      <Alert severity="info" sx={{ mb: 2 }}>
        Waiting for the brand until {formatDateTime(appeal.brandDueAt)}; it retracts (the listing comes back)
        or contests (a reviewer decides).
      </Alert>
    );
  }
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2, alignItems: 'center' }}
      action={mayDecide ? <AppealDecisionButtons appeal={appeal} /> : undefined}
    >
      {mayDecide
        ? 'The brand contests this appeal: weigh both sides and decide.'
        : 'The brand contests this appeal; a reviewer decides.'}
    </Alert>
  );
}

function AppealPage() {
  const appeal = useRecordContext<AppealRecord>();
  if (!appeal) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Stack
        direction="row"
        spacing={2}
        sx={{ alignItems: 'flex-start', justifyContent: 'space-between', mb: 1 }}
      >
        <Typography variant="h5" component="h1" sx={{ overflowWrap: 'anywhere' }}>
          {appeal.listing.title}
        </Typography>
        <StatusChip value={appeal.state} tones={APPEAL_STATE_TONES} />
      </Stack>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', color: 'text.secondary', mb: 2 }}>
        <Typography variant="body2">
          {marketplaceName(appeal.marketplaceCode)} listing {appeal.listing.externalId}
        </Typography>
        {appeal.brandId ? (
          <Typography variant="body2">
            Removed for{' '}
            <MuiLink component={Link} to={`/brands/${appeal.brandId}/show`}>
              {appeal.brandName}
            </MuiLink>
          </Typography>
        ) : null}
        <Typography variant="body2">
          Seller{' '}
          <MuiLink component={Link} to={`/sellers/${appeal.seller.id}/show`}>
            {appeal.seller.name}
          </MuiLink>
        </Typography>
        <Typography variant="body2">Filed {formatDateTime(appeal.createdAt)}</Typography>
      </Stack>
      <Outcome appeal={appeal} />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <SellerSide appeal={appeal} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <BrandSide appeal={appeal} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <SellerPanel appeal={appeal} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <RemovalPanel appeal={appeal} />
        </Grid>
      </Grid>
    </Box>
  );
}

/** A counter-notice and the brand's answer side by side, with the seller's record and, when contested, the decision. */
export function AppealShow() {
  return (
    <Show title={<AppealTitle />} actions={<ShowActions />}>
      <AppealPage />
    </Show>
  );
}
