import { Link as MuiLink } from '@mui/material';
import MailIcon from '@mui/icons-material/Mail';
import { Button, Datagrid, DateField, Pagination, ReferenceManyField, TextField, useRecordContext } from 'react-admin';
import { Link } from 'react-router';
import { hasPermission, scopeMayWrite, staffThreadScope } from '@jf/domain';
import { useStaffUser } from '../../providers/auth';
import type { BrandRecord } from '../../providers/trpc';
import { AboutField, UnreadField, unreadRowSx } from '../threads/thread-fields';
import { BrandSection, EmptyRows } from './brand-section';

/** The create page reads its defaults from `?source=`, so the brand is already chosen there. */
export const newThreadPath = (brandId: string) => `/threads/create?source=${encodeURIComponent(JSON.stringify({ brandId }))}`;

/** Whether the signed-in staff member may write to this brand (its manager or a platform admin). */
export function useMayMessageBrand(brand: BrandRecord | undefined): boolean {
  const staff = useStaffUser();
  return brand !== undefined && staff !== null && scopeMayWrite(staffThreadScope(staff.role, staff.id), brand.accountManagerId);
}

export function MessageBrandButton() {
  const brand = useRecordContext<BrandRecord>();
  const mayWrite = useMayMessageBrand(brand);
  if (!brand || !mayWrite) return null;
  return (
    <Button label="Message this brand" component={Link} to={newThreadPath(brand.id)}>
      <MailIcon />
    </Button>
  );
}

/** The brand's conversations, latest first; shown to those who read correspondence. */
export function BrandThreadsPanel() {
  const brand = useRecordContext<BrandRecord>();
  const staff = useStaffUser();
  if (!brand || !staff || !hasPermission(staff.role, 'messages.read')) return null;
  const allThreads = `/threads?filter=${encodeURIComponent(JSON.stringify({ brandId: brand.id }))}`;
  return (
    // "Message this brand" sits in the page's toolbar, once.
    <BrandSection title="Messages">
      <ReferenceManyField reference="threads" target="brandId" sort={{ field: 'lastMessageAt', order: 'DESC' }} perPage={5} pagination={<Pagination rowsPerPageOptions={[5, 10, 25]} />}>
        <Datagrid
          rowClick="show"
          rowSx={unreadRowSx}
          bulkActionButtons={false}
          empty={<EmptyRows>No conversation with this brand{staff.role === 'account_manager' ? ' that you can see' : ''} yet.</EmptyRows>}
        >
          <TextField source="subject" label="Subject" sortable={false} />
          <AboutField label="About" sortable={false} />
          <DateField source="lastMessageAt" label="Last message" showTime sortable={false} sx={{ whiteSpace: 'nowrap' }} />
          <UnreadField label="Unread" sortable={false} />
        </Datagrid>
      </ReferenceManyField>
      <MuiLink component={Link} to={allThreads} variant="body2">
        All messages with {brand.name}, with search
      </MuiLink>
    </BrandSection>
  );
}
