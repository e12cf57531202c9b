import type { ResourceProps } from 'react-admin';
import StoreIcon from '@mui/icons-material/Store';
import { SellerList } from './seller-list';
import { SellerShow } from './seller-show';

export const sellersResource = {
  name: 'sellers',
  list: SellerList,
  show: SellerShow,
  icon: StoreIcon,
  recordRepresentation: 'name',
  options: { label: 'Sellers' },
} satisfies ResourceProps;
