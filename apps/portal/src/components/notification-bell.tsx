import { NavLink } from 'react-router';
import type { notificationsLoader } from '../routes/notifications';
import { useRefreshedLoader } from './use-refreshed-loader';

/** The unread count, refreshed on every page change and once a minute while the portal stays open. */
export function NotificationBell() {
  const data = useRefreshedLoader<typeof notificationsLoader>('notification-bell', '/notifications');
  const unread = data?.filter((notification) => !notification.readAt).length ?? 0;
  // The list holds the latest 50; more unread than that reads as "50+".
  const shown = unread >= 50 ? '50+' : String(unread);
  return (
    <NavLink
      to="/notifications"
      className="bell"
      aria-label={unread ? `Notifications, ${shown} unread` : 'Notifications'}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        width="20"
        height="20"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" strokeLinecap="round" strokeLinejoin="round" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {unread > 0 && (
        <span className="bell-count" aria-hidden="true">
          {shown}
        </span>
      )}
    </NavLink>
  );
}
