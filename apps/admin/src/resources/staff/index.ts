import type { ResourceProps } from 'react-admin';
import BadgeIcon from '@mui/icons-material/Badge';
import { StaffCreate } from './staff-create';
import { StaffEdit } from './staff-edit';
import { StaffList } from './staff-list';

export const staffResource = {
  name: 'staff',
  list: StaffList,
  create: StaffCreate,
  edit: StaffEdit,
  icon: BadgeIcon,
  recordRepresentation: 'name',
  options: { label: 'Staff users' },
} satisfies ResourceProps;
