import type { ResourceProps } from 'react-admin';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { AuthRequestList } from './auth-request-list';
import { AuthRequestShow } from './auth-request-show';

/** Listings detection asked brands to authenticate; brands answer them in the portal. */
export const authRequestsResource = {
  name: 'auth-requests',
  list: AuthRequestList,
  show: AuthRequestShow,
  icon: FactCheckIcon,
  // The menu is narrow; the list's own title says "Authentication requests".
  options: { label: 'Auth requests' },
} satisfies ResourceProps;
