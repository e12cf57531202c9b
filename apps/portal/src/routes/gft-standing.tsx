import { Link, useLoaderData } from 'react-router';
import { explainGft, formatDate, formatCount, NOTICE_REASON_LABELS } from '../format';
import { brandLoader, useMe } from '../session';
import { trpc, type GftStanding } from '../trpc';

export const gftStandingLoader = brandLoader(async (): Promise<GftStanding> => trpc.brand.gftStanding.query());

const percent = (ratio: number | null) => (ratio === null ? '—' : `${(ratio * 100).toFixed(1).replace(/\.0$/, '')}%`);

/** One figure against its threshold, in words and colour (the words carry the meaning). */
function Score({ value, bar, atLeast }: { value: number | null; bar: number; atLeast: boolean }) {
  if (value === null) return <span className="muted">No decided items yet</span>;
  const ok = atLeast ? value >= bar : value <= bar;
  return (
    <span className={ok ? 'score-ok' : 'score-short'}>
      {percent(value)} <span className="small">({atLeast ? (ok ? 'meets the minimum' : 'below the minimum') : ok ? 'within the maximum' : 'above the maximum'} of {percent(bar)})</span>
    </span>
  );
}

export function GftStandingPage() {
  const standing = useLoaderData<typeof gftStandingLoader>();
  const me = useMe();
  const gft = explainGft(me.brand!);
  const { thresholds, overall } = standing;
  const enrolled = standing.status === 'enrolled';
  const successBar = enrolled ? thresholds.suspendBelowSuccessRate : thresholds.minSuccessRate;
  const reasons = Object.entries(standing.perReason);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/">Home</Link>
      </p>
      <div className="page-header page-header-actions">
        <div>
          <h1>Your Good Faith Takedown record</h1>
          <p className="muted">
            The last {thresholds.windowDays} days, since {formatDate(standing.windowStart)}, as our policy judges it now. Recomputed every ten minutes; a
            brand {enrolled ? 'falling below these figures is suspended' : 'meeting them becomes eligible'} automatically.
          </p>
        </div>
        <span className={`badge badge-${gft.tone}`}>{gft.label}</span>
      </div>
      <section className={`card gft gft-${standing.qualifies ? 'positive' : 'warning'}`} aria-labelledby="verdict-heading">
        <h2 id="verdict-heading">{standing.qualifies ? (enrolled ? 'You keep the fast track' : 'Your record qualifies') : enrolled ? 'Your record is below the bar' : 'Your record does not qualify yet'}</h2>
        {standing.reasons.length > 0 ? (
          <ul>
            {standing.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        ) : (
          <p>Every figure below meets the programme’s thresholds.</p>
        )}
        {standing.cooldownEndsAt && <p className="small">The cooldown after your suspension ends on {formatDate(standing.cooldownEndsAt)}.</p>}
      </section>
      <section className="card" aria-labelledby="figures-heading">
        <h2 id="figures-heading">Figures against the thresholds</h2>
        <dl className="details">
          <dt>Decided items</dt>
          <dd>
            {formatCount(overall.decided)} <span className="muted small">(at least {thresholds.minDecided} needed{enrolled ? ' before a thin record can suspend you' : ''})</span>
          </dd>
          <dt>Takedown success rate</dt>
          <dd>
            <Score value={overall.successRate} bar={successBar} atLeast />
          </dd>
          <dt>Successful counter-notices</dt>
          <dd>
            <Score value={overall.counterNoticeRate} bar={thresholds.maxCounterNoticeRate} atLeast={false} />
          </dd>
        </dl>
      </section>
      {reasons.length > 0 && (
        <section className="card" aria-labelledby="reasons-heading">
          <h2 id="reasons-heading">By reason code</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Reason</th>
                  <th scope="col" className="numeric">
                    Decided
                  </th>
                  <th scope="col">Success rate</th>
                  <th scope="col">Counter-notices</th>
                </tr>
              </thead>
              <tbody>
                {reasons.map(([reason, stats]) => (
                  <tr key={reason}>
                    <th scope="row">
                      {NOTICE_REASON_LABELS[reason as keyof typeof NOTICE_REASON_LABELS] ?? reason}
                      {!stats!.checked && <span className="muted small block">Too few items to be judged on their own</span>}
                    </th>
                    <td className="numeric">{formatCount(stats!.decided)}</td>
                    <td>{stats!.checked ? <Score value={stats!.successRate} bar={successBar} atLeast /> : percent(stats!.successRate)}</td>
                    <td>{stats!.checked ? <Score value={stats!.counterNoticeRate} bar={thresholds.maxCounterNoticeRate} atLeast={false} /> : percent(stats!.counterNoticeRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
