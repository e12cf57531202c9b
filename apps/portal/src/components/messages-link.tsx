import { useEffect } from 'react';
import { NavLink, useFetcher, useLocation } from 'react-router';
import type { messagesLoader } from '../routes/messages';

const REFRESH_MS = 60_000;

/** "Messages" in the navigation, with the number of unread messages from the account manager. */
export function MessagesNavLink() {
  const fetcher = useFetcher<typeof messagesLoader>({ key: 'messages-count' });
  const { pathname } = useLocation();
  const { load } = fetcher;

  useEffect(() => {
    void load('/messages');
    const timer = window.setInterval(() => void load('/messages'), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load, pathname]);

  const unread = fetcher.data?.unread.messages ?? 0;
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
