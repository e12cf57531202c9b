import type { ResourceProps } from 'react-admin';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { GftAuditList } from './gft-audit-list';

export const gftAuditResource = {
  name: 'gft-audit',
  list: GftAuditList,
  icon: FactCheckIcon,
  options: { label: 'GFT audit' },
} satisfies ResourceProps;
