import { AutocompleteInput, BooleanInput, CreateButton, Datagrid, DateField, List, ReferenceInput, TextField, TextInput, TopToolbar } from 'react-admin';
import type { ReactElement } from 'react';
import { useStaffUser } from '../../providers/auth';
import { AboutField, UnreadField, unreadRowSx } from './thread-fields';

/** An account manager only corresponds with their own brands, so the brand filter offers just those. */
function threadFilters(managerId: string | null): ReactElement[] {
  return [
    <TextInput key="q" source="q" label="Search subjects" alwaysOn resettable />,
    <ReferenceInput
      key="brandId"
      source="brandId"
      reference="brands"
      filter={managerId ? { accountManagerId: managerId } : {}}
      sort={{ field: 'name', order: 'ASC' }}
      alwaysOn
    >
      <AutocompleteInput label="Brand" optionText="name" sx={{ minWidth: 220 }} />
    </ReferenceInput>,
    <BooleanInput key="unread" source="unread" label="Unread only" alwaysOn />,
  ];
}

// The button hides itself for leadership, who may read but not write (the auth provider's canAccess).
const ListActions = () => (
  <TopToolbar>
    <CreateButton label="New message" />
  </TopToolbar>
);

/** Correspondence with brands, latest first; bold rows have brand messages nobody on staff has read. */
export function ThreadList() {
  const staff = useStaffUser();
  const managerId = staff?.role === 'account_manager' ? staff.id : null;
  return (
    <List
      title="Messages"
      filters={threadFilters(managerId)}
      actions={<ListActions />}
      perPage={25}
      sort={{ field: 'lastMessageAt', order: 'DESC' }}
      exporter={false}
      empty={false}
    >
      <Datagrid
        rowClick="show"
        rowSx={unreadRowSx}
        bulkActionButtons={false}
        empty={<p style={{ padding: 16 }}>No conversation matches these filters.</p>}
      >
        <TextField source="subject" label="Subject" />
        <TextField source="brandName" label="Brand" sortable={false} emptyText="—" />
        <AboutField label="About" sortable={false} />
        <DateField source="lastMessageAt" label="Last message" showTime />
        <UnreadField label="Unread" sortable={false} />
      </Datagrid>
    </List>
  );
}
