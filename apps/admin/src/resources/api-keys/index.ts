import type { ResourceProps } from 'react-admin';
import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { ApiKeyList } from './api-key-list';

/** Keys marketplaces use on the integration API (counter-notices); platform admins only. */
export const apiKeysResource = {
  name: 'api-keys',
  list: ApiKeyList,
  icon: VpnKeyIcon,
  recordRepresentation: 'name',
  options: { label: 'Marketplace keys' },
} satisfies ResourceProps;
