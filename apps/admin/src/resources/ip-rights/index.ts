import type { ResourceProps } from 'react-admin';
import VerifiedIcon from '@mui/icons-material/VerifiedUser';
import { IpRightList } from './ip-right-list';

export const ipRightsResource = {
  name: 'ip-rights',
  list: IpRightList,
  icon: VerifiedIcon,
  options: { label: 'IP rights' },
} satisfies ResourceProps;
