import type { ResourceProps } from 'react-admin';
import BusinessCenterIcon from '@mui/icons-material/BusinessCenter';
import { AgentList } from './agent-list';

/** Agent organisations (law firms, brand-protection vendors) and their keys; platform admins only. */
export const agentsResource = {
  name: 'agents',
  list: AgentList,
  icon: BusinessCenterIcon,
  recordRepresentation: 'name',
  options: { label: 'Agents' },
} satisfies ResourceProps;
