import { Datagrid, DateField, EmailField, List, SelectField, SelectInput, TextField, TextInput } from 'react-admin';
import { hasPermission } from '@jf/domain';
import { useStaffUser } from '../../providers/auth';
import { STAFF_ROLE_CHOICES, USER_STATUS_CHOICES, UserStatusField } from './staff-fields';

const staffFilters = [
  <TextInput key="q" source="q" label="Search" alwaysOn resettable />,
  <SelectInput key="role" source="role" label="Role" choices={STAFF_ROLE_CHOICES} alwaysOn />,
  <SelectInput key="status" source="status" label="Status" choices={USER_STATUS_CHOICES} alwaysOn />,
];

export function StaffList() {
  const staff = useStaffUser();
  const mayManage = staff !== null && hasPermission(staff.role, 'staff.manage');
  return (
    <List title="Staff users" filters={staffFilters} perPage={25} sort={{ field: 'name', order: 'ASC' }} exporter={false}>
      <Datagrid rowClick={mayManage ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="name" label="Name" />
        <EmailField source="email" label="E-mail" />
        <SelectField source="role" label="Role" choices={STAFF_ROLE_CHOICES} />
        <UserStatusField label="Status" sortBy="status" />
        <DateField source="lastSignInAt" label="Last sign-in" showTime sortable={false} emptyText="Never" />
      </Datagrid>
    </List>
  );
}
