import { Form, NavLink } from 'react-router';
import { roleLabel } from '../format';
import type { Me } from '../trpc';

/** Brand, signed-in user, navigation and sign-out; shown on every signed-in page. */
export function TopBar({ me }: { me: Me }) {
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
                <NavLink to="/users">Users</NavLink>
              </li>
            </ul>
          </nav>
        )}
        <div className="top-bar-user">
          <span className="user-identity">
            <span className="visually-hidden">Signed in as </span>
            <span className="user-name">{me.user.name ?? me.user.email}</span>
            <span className="user-role">{roleLabel(me.user.role)}</span>
          </span>
          <Form method="post" action="/sign-out">
            <button type="submit" className="button button-quiet">
              Sign out
            </button>
          </Form>
        </div>
      </div>
    </header>
  );
}
