import { lazy, Suspense } from 'react';
import { Box, CircularProgress } from '@mui/material';

// recharts and the dashboard code (~0.5 MB) load only when a home with charts opens, not with the admin.
const DashboardCharts = lazy(() => import('./analytics'));

/** The enforcement dashboard, fetched on first use; `managerId` narrows the brand picker to the manager's brands. */
export function AnalyticsSection({ managerId }: { managerId?: string }) {
  return (
    <Suspense
      fallback={
        <Box sx={{ display: 'grid', placeItems: 'center', height: 240 }}>
          <CircularProgress aria-label="Loading the dashboard" />
        </Box>
      }
    >
      <DashboardCharts managerId={managerId} />
    </Suspense>
  );
}
