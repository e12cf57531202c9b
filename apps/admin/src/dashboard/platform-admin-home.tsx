import { useGetList } from 'react-admin';
import type { OverviewSummary } from '../providers/trpc';
import { NeedsAttention } from './needs-attention';
import { BrandsByGftStatus, CardRow, HomeSection } from './overview-parts';
import { StatCard } from './stat-card';

const staffFilteredBy = (filter: Record<string, string>) => `/staff?filter=${encodeURIComponent(JSON.stringify(filter))}`;

export function PlatformAdminHome({ summary }: { summary: OverviewSummary }) {
  // The server counts: a one-row page carries the total, so nothing is summed from a list here.
  const activeStaff = useGetList('staff', { pagination: { page: 1, perPage: 1 }, filter: { status: 'active' } });
  const brandTotal = Object.values(summary.brandsByGftStatus).reduce((total, count) => total + count, 0);
  return (
    <>
      <HomeSection title="Platform">
        <CardRow>
          <StatCard title="Active staff users" value={activeStaff.total ?? '…'} caption="Manage staff users" to={staffFilteredBy({ status: 'active' })} />
          <StatCard title="Brands" value={brandTotal} caption="All participating brands" to="/brands" />
          <StatCard title="Create a staff user" value="+" caption="E-mail, name, role and a first password" to="/staff/create" />
        </CardRow>
      </HomeSection>
      <HomeSection title="Needs attention, all brands">
        <NeedsAttention />
      </HomeSection>
      <HomeSection title="Good Faith Takedown programme">
        <CardRow>
          <BrandsByGftStatus counts={summary.brandsByGftStatus} />
        </CardRow>
      </HomeSection>
    </>
  );
}
