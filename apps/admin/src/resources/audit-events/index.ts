import type { ResourceProps } from 'react-admin';
import HistoryIcon from '@mui/icons-material/History';
import { AuditEventList } from './audit-event-list';

/** Read-only: the trail is append-only in the database, so there is nothing to edit or delete. */
export const auditEventsResource = {
  name: 'audit-events',
  list: AuditEventList,
  icon: HistoryIcon,
  options: { label: 'Audit log' },
} satisfies ResourceProps;
