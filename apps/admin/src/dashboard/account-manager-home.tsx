import { Card } from '@mui/material';
import { Datagrid, DateField, FunctionField, ListBase, TextField } from 'react-admin';
import { Link } from 'react-router';
import type { BrandRecord } from '../providers/trpc';
import { BrandStatusField, formatAccuracy, GftStatusField } from '../resources/brands/brand-fields';
import { AnalyticsSection } from './analytics-section';
import { NeedsAttention } from './needs-attention';
import { brandsFilteredBy, HomeSection, QueueCards } from './overview-parts';
import type { OverviewSummary } from '../providers/trpc';

/**
 * What needs the manager first, then their own brands (a server-side filtered list), the enforcement
 * dashboard over those brands (the API scopes every figure to them), then platform-wide counts.
 */
export function AccountManagerHome({ summary, userId }: { summary: OverviewSummary; userId: string }) {
  return (
    <>
      <HomeSection title="Needs attention">
        <NeedsAttention managerId={userId} />
      </HomeSection>
      <HomeSection title="My brands">
        <Card>
          <ListBase resource="brands" filter={{ accountManagerId: userId }} sort={{ field: 'name', order: 'ASC' }} perPage={10} disableSyncWithLocation storeKey={false}>
            <Datagrid rowClick="show" bulkActionButtons={false} empty={<p style={{ padding: 16 }}>No brands are assigned to you yet.</p>}>
              <TextField source="name" label="Name" />
              <GftStatusField label="GFT status" sortBy="gftStatus" />
              <BrandStatusField label="Status" sortBy="status" />
              <FunctionField<BrandRecord> label="Accuracy (90 d)" sortBy="accuracy" render={(brand) => formatAccuracy(brand.accuracy)} />
              <DateField source="createdAt" label="Created" />
            </Datagrid>
          </ListBase>
        </Card>
        <p>
          <Link to={brandsFilteredBy({ accountManagerId: userId })}>All my brands, with filters</Link>
        </p>
      </HomeSection>
      <HomeSection title="Figures for my brands">
        <AnalyticsSection managerId={userId} />
      </HomeSection>
      <HomeSection title="Pending work, all brands">
        <QueueCards summary={summary} />
      </HomeSection>
    </>
  );
}
