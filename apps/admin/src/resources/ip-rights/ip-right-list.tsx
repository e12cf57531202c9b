import { Link as MuiLink } from '@mui/material';
import { Datagrid, DateField, FunctionField, List, TextField } from 'react-admin';
import { Link } from 'react-router';
import type { PendingIpRightRecord } from '../../providers/trpc';
import { humanize } from '../../ui/choices';
import { IpRightActions } from './ip-right-actions';

/** Rights brands registered that nobody has verified yet; a notice may cite a right only once it is verified. */
export function IpRightList() {
  return (
    // The procedure returns every pending right at once, oldest first, so there is one page and no sort.
    <List title="IP rights to verify" exporter={false} empty={false} pagination={false}>
      <Datagrid bulkActionButtons={false} rowClick={false} empty={<p style={{ padding: 16 }}>No IP right is waiting for verification.</p>}>
        <DateField source="createdAt" label="Submitted" sortable={false} />
        <FunctionField<PendingIpRightRecord>
          label="Brand"
          sortable={false}
          render={(right) => (
            <MuiLink component={Link} to={`/brands/${right.brandId}/show`}>
              {right.brandName}
            </MuiLink>
          )}
        />
        <FunctionField<PendingIpRightRecord> label="Kind" sortable={false} render={(right) => humanize(right.kind)} />
        <TextField source="registrationNumber" label="Registration number" sortable={false} />
        <TextField source="jurisdiction" label="Jurisdiction" sortable={false} />
        <DateField source="validFrom" label="Valid from" sortable={false} />
        <DateField source="validUntil" label="Valid until" sortable={false} />
        <IpRightActions label="Decision" />
      </Datagrid>
    </List>
  );
}
