import type { ResourceProps } from 'react-admin';
import InboxIcon from '@mui/icons-material/Inbox';
import { QueueList } from './queue-list';

export const queueResource = {
  name: 'queue',
  list: QueueList,
  icon: InboxIcon,
  options: { label: 'Review queue' },
} satisfies ResourceProps;
