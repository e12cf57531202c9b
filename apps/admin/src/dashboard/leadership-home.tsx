import { lazy, Suspense } from 'react';
import { Card, CardContent, CircularProgress, Typography } from '@mui/material';
import type { OverviewSummary } from '../providers/trpc';
import { BrandsByGftStatus, CardRow, HomeSection } from './overview-parts';
import { StatCard } from './stat-card';

// Only leadership sees the chart, so the charting library loads on this page alone.
const RemovalsChart = lazy(() => import('./removals-chart').then((module) => ({ default: module.RemovalsChart })));

const formatRatio = (ratio: number | null) => (ratio === null ? '—' : `${ratio.toFixed(1)}×`);

export function LeadershipHome({ summary }: { summary: OverviewSummary }) {
  const { proactive, brandRequested, ratio } = summary.proactiveRatio;
  return (
    <>
      <HomeSection title="Removals, last 30 days">
        <CardRow>
          <StatCard title="Proactive removals" value={proactive} caption="Detection and brand-confirmed authentication" />
          <StatCard title="Brand-requested removals" value={brandRequested} caption="GFT and standard notices" />
          <StatCard
            title="Proactive ratio"
            value={formatRatio(ratio)}
            caption={ratio === null ? 'No brand-requested removals in the period' : 'Proactive removals per brand-requested removal'}
          />
        </CardRow>
      </HomeSection>
      <HomeSection title="Brands">
        <CardRow>
          <BrandsByGftStatus counts={summary.brandsByGftStatus} />
        </CardRow>
      </HomeSection>
      <HomeSection title="Removals by source">
        <Card>
          <CardContent>
            <Suspense fallback={<CircularProgress aria-label="Loading chart" />}>
              <RemovalsChart removalsBySource={summary.removalsBySource} />
            </Suspense>
            <Typography variant="caption" color="text.secondary">
              Green: proactive sources. Blue: brand-requested sources. Last 30 days, by request date.
            </Typography>
          </CardContent>
        </Card>
      </HomeSection>
    </>
  );
}
