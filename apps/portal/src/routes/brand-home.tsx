import { Link } from 'react-router';
import { explainGft, formatDate, roleLabel } from '../format';
import { useMe } from '../session';

const PHASE_LABELS: Record<string, string> = {
  onboarding: 'Onboarding',
  notice_and_takedown: 'Notice and takedown',
  authentication: 'Authentication',
  joint_force: 'Joint force',
};

/** The brand's front page: who it is, how its notices are handled, and whom to ask. */
export function BrandHomePage() {
  const me = useMe();
  const brand = me.brand!;
  const gft = explainGft(brand);
  const manager = brand.accountManager;
  const changedAt = formatDate(brand.gftStatusChangedAt);
  return (
    <>
      <div className="page-header">
        <h1>{brand.name}</h1>
        <p className="muted">
          Welcome, {me.user.name ?? me.user.email} · {roleLabel(me.user.role)}
        </p>
      </div>

      <div className="grid">
        <section className={`card gft gft-${gft.tone}`} aria-labelledby="gft-heading">
          <div className="card-title-row">
            <h2 id="gft-heading">How your notices are handled</h2>
            <span className={`badge badge-${gft.tone}`}>{gft.label}</span>
          </div>
          <p className="gft-headline">{gft.headline}</p>
          <p>{gft.detail}</p>
          {changedAt && brand.gftStatus !== 'suspended' && (
            <p className="muted small">Status since {changedAt}.</p>
          )}
          <p className="small">
            <Link to="/gft">See your record against the thresholds</Link>
          </p>
        </section>

        <section className="card" aria-labelledby="manager-heading">
          <h2 id="manager-heading">Your account manager</h2>
          {manager ? (
            <dl className="details">
              <dt>Name</dt>
              <dd>{manager.name}</dd>
              <dt>E-mail</dt>
              <dd>
                <a href={`mailto:${manager.email}`}>{manager.email}</a>
              </dd>
            </dl>
          ) : (
            <p>No account manager is assigned yet. One will be in touch shortly after onboarding.</p>
          )}
          <p className="small">
            <Link to="/messages/new">Write to your account manager</Link> · <Link to="/messages">All messages</Link>
          </p>
        </section>

        <section className="card" aria-labelledby="brand-heading">
          <h2 id="brand-heading">Your programme</h2>
          <dl className="details">
            <dt>Joint-force phase</dt>
            <dd>{PHASE_LABELS[brand.jointForcePhase] ?? brand.jointForcePhase}</dd>
            <dt>Accuracy (last 90 days)</dt>
            <dd>
              {brand.accuracy === null
                ? 'Not enough decided notices yet'
                : `${formatPercent(brand.accuracy)} valid`}
            </dd>
          </dl>
          {me.user.role === 'brand_admin' && (
            <p className="small">
              <Link to="/users">Manage who can use this portal</Link>
            </p>
          )}
        </section>
      </div>
    </>
  );
}

/** Accuracy is a 0–1 ratio of valid to decided items. */
function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(1).replace(/\.0$/, '')}%`;
}
