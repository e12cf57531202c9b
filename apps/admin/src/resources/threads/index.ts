import type { ResourceProps } from 'react-admin';
import ForumIcon from '@mui/icons-material/Forum';
import { ThreadCreate } from './thread-create';
import { ThreadList } from './thread-list';
import { ThreadShow } from './thread-show';

/** The name is part of the links in notification e-mails: `/admin/#/threads/<id>/show`. */
export const threadsResource = {
  name: 'threads',
  list: ThreadList,
  show: ThreadShow,
  create: ThreadCreate,
  icon: ForumIcon,
  recordRepresentation: 'subject',
  options: { label: 'Messages' },
} satisfies ResourceProps;
