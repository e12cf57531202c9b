import { Alert, Box, Typography } from '@mui/material';
import { useGetOne } from 'react-admin';
import type { BrandRecord } from '../providers/trpc';
import { AppealsChart } from './appeals-chart';
import { AuthRequestsChart } from './auth-requests-chart';
import { FilterBar } from './filter-bar';
import { GftChart } from './gft-chart';
import { RemovalsChart } from './removals-chart';
import { TurnaroundChart } from './turnaround-chart';
import { useDashboardFilters } from './use-dashboard-filters';

/**
 * The enforcement dashboard: shared filters (kept in the URL) over the removals, turnaround,
 * authentication, appeals and GFT charts. The server scopes every figure to the caller (an account
 * manager sees their brands only), so leadership and account managers share this page. It is loaded
 * lazily, with recharts, by the homes that show it.
 */
export default function DashboardCharts({ managerId }: { managerId?: string }) {
  const [filters, update] = useDashboardFilters();
  const brand = useGetOne<BrandRecord>('brands', { id: filters.brandId ?? '' }, { enabled: Boolean(filters.brandId) });
  const scope = { brandName: brand.data?.name };
  return (
    <Box component="section" aria-label="Enforcement figures">
      <FilterBar filters={filters} update={update} brandName={scope.brandName} managerId={managerId} />
      {filters.reason ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          The reason filter applies to removals and turnaround; authentication requests and appeals have no reason, and the removals list behind a point shows every reason.
        </Alert>
      ) : null}
      <RemovalsChart filters={filters} scope={scope} />
      <TurnaroundChart filters={filters} scope={scope} />
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', xl: '1fr 1fr' }, columnGap: 2 }}>
        <AuthRequestsChart filters={filters} scope={scope} />
        <AppealsChart filters={filters} scope={scope} />
      </Box>
      <GftChart managerId={managerId} />
      <Typography variant="caption" color="text.secondary" component="p">
        Figures come from rollups kept current with every removal, request and appeal; periods are UTC days, ISO weeks (from Monday) and calendar months.
      </Typography>
    </Box>
  );
}
