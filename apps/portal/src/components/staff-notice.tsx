import { roleLabel } from '../format';
import type { Me } from '../trpc';

/** Staff accounts work in the back office; the portal only serves brand users. */
export function StaffNotice({ me }: { me: Me }) {
  return (
    <section className="card staff-notice" aria-labelledby="staff-notice-heading">
      <h1 id="staff-notice-heading">This portal is for brand users</h1>
      <p>
        You are signed in as <strong>{me.user.email}</strong> ({roleLabel(me.user.role)}), a Joint Force staff
        account. Brands use this portal to follow their enforcement work; staff work in the admin back office.
      </p>
      <p>
        <a className="button button-primary" href="/admin/">
          Go to the admin back office
        </a>
      </p>
    </section>
  );
}
