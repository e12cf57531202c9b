import { Link, useLoaderData } from 'react-router';
import { DueLabel } from '../components/auth-request-parts';
import { explainGft, formatDate, plural, roleLabel } from '../format';
import { brandLoader, useMe } from '../session';
import { trpc } from '../trpc';

const PHASE_LABELS: Record<string, string> = {
  onboarding: 'Onboarding',
  notice_and_takedown: 'Notice and takedown',
  authentication: 'Authentication',
  joint_force: 'Joint force',
};

/** The open authentication requests, soonest due first: one row says how many and the nearest due time. */
export const brandHomeLoader = brandLoader(async () => ({
  openRequests: await trpc.authRequests.list.query({ state: 'open', page: 1, perPage: 1 }),
}));

/** The brand's front page: who it is, how its notices are handled, and whom to ask. */
export function BrandHomePage() {
  const me = useMe();
  const home = useLoaderData<typeof brandHomeLoader>();
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

        <AuthRequestsCard
          asked={brand.jointForcePhase === 'authentication' || brand.jointForcePhase === 'joint_force'}
          open={home?.openRequests.total ?? 0}
          nextDueAt={home?.openRequests.data[0]?.dueAt ?? null}
        />

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

/** Listings the marketplace asks the brand to authenticate; shown once the brand is asked at all. */
function AuthRequestsCard({ asked, open, nextDueAt }: { asked: boolean; open: number; nextDueAt: string | null }) {
  if (!asked && open === 0) return null;
  return (
    <section className={`card auth-home${open > 0 ? ' auth-home-waiting' : ''}`} aria-labelledby="auth-home-heading">
      <h2 id="auth-home-heading">Authentication requests</h2>
      {open > 0 ? (
        <>
          <p className="gft-headline">
            {open === 1 ? '1 listing waits for your verdict' : `${plural(open, 'listing')} wait for your verdict`}
          </p>
          {nextDueAt && (
            <p className="small">
              The first is <DueLabel dueAt={nextDueAt} />. Unanswered requests expire and the listings stay up.
            </p>
          )}
          <p>
            <Link to="/authentication" className="button button-primary">
              Answer them
            </Link>
          </p>
        </>
      ) : (
        <>
          <p>No listing waits for your verdict.</p>
          <p className="small">
            <Link to="/authentication?state=answered">Your past verdicts</Link>
          </p>
        </>
      )}
    </section>
  );
}

/** Accuracy is a 0–1 ratio of valid to decided items. */
function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(1).replace(/\.0$/, '')}%`;
}
