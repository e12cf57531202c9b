import { DateField, EditButton, FunctionField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import type { BrandRecord } from '../../providers/trpc';
import { AccountManagerPanel } from './account-manager-panel';
import { AllowlistPanel } from './allowlist-panel';
import { BrandStatusField, formatAccuracy, GftStatusField, JOINT_FORCE_PHASE_CHOICES } from './brand-fields';
import { BrandThreadsPanel, MessageBrandButton } from './brand-threads';
import { GftPanel } from './gft-panel';

const ShowActions = () => (
  <TopToolbar>
    <MessageBrandButton />
    <EditButton />
  </TopToolbar>
);

export function BrandShow() {
  return (
    <Show actions={<ShowActions />} aside={<GftPanel />}>
      <SimpleShowLayout>
        <TextField source="name" label="Name" />
        <TextField source="slug" label="Slug" />
        <BrandStatusField label="Status" />
        <GftStatusField label="GFT status" />
        <DateField source="gftStatusChangedAt" label="GFT status changed" showTime emptyText="Never" />
        <DateField source="gftSuspendedAt" label="Last GFT suspension" showTime emptyText="Never" />
        <SelectField source="jointForcePhase" label="Joint-force phase" choices={JOINT_FORCE_PHASE_CHOICES} />
        <FunctionField<BrandRecord> source="accuracy" label="Accuracy (rolling 90 days)" render={(brand) => formatAccuracy(brand.accuracy)} />
        <DateField source="createdAt" label="Created" showTime />
        <DateField source="updatedAt" label="Updated" showTime />
      </SimpleShowLayout>
      <AccountManagerPanel />
      <AllowlistPanel />
      <BrandThreadsPanel />
    </Show>
  );
}
