import type { ResourceProps } from 'react-admin';
import BalanceIcon from '@mui/icons-material/Balance';
import { AppealList } from './appeal-list';
import { AppealShow } from './appeal-show';

/** Sellers' counter-notices; the e2e tests open them through the "Appeals" menu item. */
export const appealsResource = {
  name: 'appeals',
  list: AppealList,
  show: AppealShow,
  icon: BalanceIcon,
  options: { label: 'Appeals' },
} satisfies ResourceProps;
