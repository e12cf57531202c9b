import { Datagrid, DateField, FunctionField, List, TextField } from 'react-admin';
import type { GftAuditRecord } from '../../providers/trpc';
import { humanize } from '../../ui/choices';
import { marketplaceName, NoticeItemPanel } from '../queue/notice-item-fields';
import { GftAuditActions } from './gft-audit-actions';

/** Good Faith removals drawn into the audit sample, oldest first, until a reviewer upholds or overturns each. */
export function GftAuditList() {
  return (
    <List title="GFT audit" perPage={25} exporter={false} empty={false} sort={{ field: 'createdAt', order: 'ASC' }}>
      <Datagrid
        rowClick="expand"
        expand={<NoticeItemPanel />}
        expandSingle
        bulkActionButtons={false}
        empty={<p style={{ padding: 16 }}>No Good Faith removal is waiting for audit.</p>}
      >
        <DateField source="createdAt" label="Submitted" showTime sortable={false} />
        <TextField source="brandName" label="Brand" sortable={false} />
        <FunctionField<GftAuditRecord> label="Marketplace" sortable={false} render={(item) => marketplaceName(item.listing.marketplace)} />
        <TextField source="listing.title" label="Listing" sortable={false} />
        <FunctionField<GftAuditRecord> label="Reason" sortable={false} render={(item) => humanize(item.reason)} />
        <GftAuditActions label="Audit" />
      </Datagrid>
    </List>
  );
}
