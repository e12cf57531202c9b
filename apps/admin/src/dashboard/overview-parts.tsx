import type { ReactNode } from 'react';
import { Alert, Box, Card, CardContent, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import { Link } from 'react-router';
import { GFT_STATUSES } from '@jf/domain';
import type { OverviewSummary } from '../providers/trpc';
import { humanize } from '../ui/choices';
import { GFT_STATUS_TONES } from '../resources/brands/brand-fields';
import { StatCard } from './stat-card';
import { useOverview } from './use-overview';

/** Loads the summary once and hands it to the role's page; loading and errors look the same everywhere. */
export function WithOverview({ children }: { children: (summary: OverviewSummary) => ReactNode }) {
  const overview = useOverview();
  if (overview.status === 'loading') return <CircularProgress aria-label="Loading figures" />;
  if (overview.status === 'error') return <Alert severity="error">The figures could not be loaded: {overview.message}</Alert>;
  return <>{children(overview.summary)}</>;
}

export function HomeSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title} sx={{ mb: 3 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

export const CardRow = ({ children }: { children: ReactNode }) => (
  <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap' }}>
    {children}
  </Stack>
);

export const brandsFilteredBy = (filter: Record<string, string>) => `/brands?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** One card per GFT status, each leading to the brands list filtered to it. */
export function BrandsByGftStatus({ counts }: { counts: OverviewSummary['brandsByGftStatus'] }) {
  return (
    <Card component="section" aria-label="Brands by GFT status" sx={{ flex: '2 1 360px' }}>
      <CardContent>
        <Typography variant="overline" component="h3" color="text.secondary">
          Brands by GFT status
        </Typography>
        <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', mt: 1 }}>
          {GFT_STATUSES.map((status) => (
            <Chip
              key={status}
              component={Link}
              to={brandsFilteredBy({ gftStatus: status })}
              clickable
              color={GFT_STATUS_TONES[status]}
              variant="outlined"
              label={`${humanize(status)}: ${counts[status]}`}
            />
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
}

const QUEUE_NOTE = 'The queue arrives with later work.';

/**
 * The three work queues as counts. Pending items lead to the review queue for those who work it;
 * the other two queues are not built yet, so their cards say so.
 */
export function QueueCards({ summary, linkQueue = false }: { summary: OverviewSummary; linkQueue?: boolean }) {
  return (
    <CardRow>
      {linkQueue ? (
        <StatCard title="Pending notice items" value={summary.pendingNoticeItems} caption="Open the review queue" to="/queue" />
      ) : (
        <StatCard title="Pending notice items" value={summary.pendingNoticeItems} caption="Waiting for a reviewer or for the marketplace" />
      )}
      <StatCard
        title="Open authentication requests"
        value={summary.openAuthRequests}
        caption="Waiting for the brands’ verdicts"
        to={`/auth-requests?filter=${encodeURIComponent(JSON.stringify({ state: 'open' }))}`}
      />
      <StatCard title="Open appeals" value={summary.openAppeals} caption={QUEUE_NOTE} />
    </CardRow>
  );
}
