import { Form, Link, NavLink, useMatch } from 'react-router';
import { roleLabel } from '../format';
import type { Me } from '../trpc';
import { AuthRequestsNavLink } from './auth-requests-link';
import { MessagesNavLink } from './messages-link';
import { NotificationBell } from './notification-bell';

/** Brand, signed-in user, navigation and sign-out; shown on every signed-in page. */
export function TopBar({ me }: { me: Me }) {
  // "Notices" covers the list and each notice, but "New notice" has a link of its own.
  const inNotices = useMatch('/notices/*') !== null;
  const onNewNotice = useMatch('/notices/new') !== null;
  const brandUser = me.brand !== null && (me.user.role === 'brand_admin' || me.user.role === 'brand_agent');
  return (
    <header className="top-bar">
      <div className="top-bar-inner">
        <div className="top-bar-brand">
          <span className="product-name">Joint Force</span>
          {me.brand && <span className="brand-name">{me.brand.name}</span>}
        </div>
        {me.brand && (
          <nav aria-label="Main">
            <ul className="nav-links">
              <li>
                <NavLink to="/" end>
                  Home
                </NavLink>
              </li>
              <li>
                <NavLink to="/ip-rights">IP rights</NavLink>
              </li>
              <li>
                <NavLink to="/products">Products</NavLink>
              </li>
              <li>
                <Link to="/notices" aria-current={inNotices && !onNewNotice ? 'page' : undefined}>
                  Notices
                </Link>
              </li>
              <li>
                <NavLink to="/notices/new">New notice</NavLink>
              </li>
              <li>
                <NavLink to="/bulk-notices">Bulk notice</NavLink>
              </li>
              <li>
                <AuthRequestsNavLink />
              </li>
              <li>
                <NavLink to="/appeals">Appeals</NavLink>
              </li>
              <li>
                <NavLink to="/transparency">Transparency</NavLink>
              </li>
              <li>
                <MessagesNavLink />
              </li>
              <li>
                <NavLink to="/users">Users</NavLink>
              </li>
            </ul>
          </nav>
        )}
        <div className="top-bar-user">
          {/* A brand admin's setting beside their name, as the navigation row is full; agents are refused keys. */}
          {me.brand && me.user.role === 'brand_admin' && (
            <NavLink to="/api-keys" className="top-bar-link">
              API keys
            </NavLink>
          )}
          {brandUser && <NotificationBell />}
          <span className="user-identity">
            <span className="visually-hidden">Signed in as </span>
            <span className="user-name">{me.user.name ?? me.user.email}</span>
            <span className="user-role">{roleLabel(me.user.role)}</span>
          </span>
          <Form method="post" action="/sign-out" className="sign-out-form">
            <button type="submit" className="button button-quiet">
              Sign out
            </button>
            <button
              type="submit"
              name="scope"
              value="everywhere"
              className="button button-quiet"
              title="Ends your sessions in every browser and on every device"
            >
              Sign out everywhere
            </button>
          </Form>
        </div>
      </div>
    </header>
  );
}
