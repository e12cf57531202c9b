import type { ResourceProps } from 'react-admin';
import RemoveCircleOutlineIcon from '@mui/icons-material/RemoveCircleOutline';
import { RemovalList } from './removal-list';

/** Every enforcement action on a listing, read-only: the list behind each point of the dashboard's charts. */
export const removalsResource = {
  name: 'removals',
  list: RemovalList,
  icon: RemoveCircleOutlineIcon,
  options: { label: 'Removals' },
} satisfies ResourceProps;
