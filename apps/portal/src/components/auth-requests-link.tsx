import { NavLink } from 'react-router';
import type { authOpenCountLoader } from '../routes/auth-requests';
import { useRefreshedLoader } from './use-refreshed-loader';

/** "Authentication requests" in the navigation, with the number of listings waiting for the brand's verdict. */
export function AuthRequestsNavLink() {
  const data = useRefreshedLoader<typeof authOpenCountLoader>('auth-requests-count', '/authentication/open-count');
  const open = data?.open ?? 0;
  return (
    // "Authentication" alone keeps the navigation on one row; the accessible name says what is counted.
    <NavLink to="/authentication" aria-label={open ? `Authentication requests, ${open} open` : 'Authentication requests'}>
      Authentication
      {open > 0 && (
        <span className="nav-count" aria-hidden="true">
          {open}
        </span>
      )}
    </NavLink>
  );
}
