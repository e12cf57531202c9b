import { NavLink } from 'react-router';
import type { messagesLoader } from '../routes/messages';
import { useRefreshedLoader } from './use-refreshed-loader';

/** "Messages" in the navigation, with the number of unread messages from the account manager. */
export function MessagesNavLink() {
  const data = useRefreshedLoader<typeof messagesLoader>('messages-count', '/messages');
  const unread = data?.unread.messages ?? 0;
  return (
    <NavLink to="/messages" aria-label={unread ? `Messages, ${unread} unread` : undefined}>
      Messages
      {unread > 0 && (
        <span className="nav-count" aria-hidden="true">
          {unread}
        </span>
      )}
    </NavLink>
  );
}
