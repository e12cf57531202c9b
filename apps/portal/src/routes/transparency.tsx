import { useState, type ReactNode } from 'react';
import { Form, Link, useLoaderData, useNavigation, type LoaderFunctionArgs } from 'react-router';
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { MARKETPLACE_CODES, TIME_BUCKET_UNITS, type RemovalSource, type TimeBucketUnit } from '@jf/domain';
import { formatCount, formatDuration, marketplaceLabel } from '../format';
import { brandLoader, useMe } from '../session';
import { trpc } from '../trpc';
import { periodName, periodTick, rangeName, RANGES, transparencyFilters, type TransparencyFilters } from '../transparency-filters';

/**
 * The brand's transparency page: what the marketplace removed for it (proactively, on its answers and on
 * its notices), how fast its notices were handled, the appeals against its removals and its GFT record.
 * This module carries recharts and is loaded only when the page is opened (see router.tsx).
 */
export const loader = brandLoader(async ({ request }: LoaderFunctionArgs) => {
  const filters = transparencyFilters(new URL(request.url).searchParams);
  const input = { from: filters.from, to: filters.to, unit: filters.unit, marketplace: filters.marketplace };
  // One batched request: the three series over the rollups and the live GFT record.
  const [removals, turnaround, appeals, standing] = await Promise.all([
    trpc.dashboard.removals.query(input),
    trpc.dashboard.turnaround.query(input),
    trpc.dashboard.appeals.query(input),
    trpc.brand.gftStanding.query(),
  ]);
  return { filters, removals, turnaround, appeals, standing };
});

type Data = NonNullable<Awaited<ReturnType<typeof loader>>>;

const SOURCE_NAMES: Record<RemovalSource, string> = {
  proactive: 'Found by our detection',
  authentication: 'Confirmed by your answers',
  notice_gft: 'Your GFT notices',
  notice_standard: 'Your reviewed notices',
};
const SOURCE_COLORS: Record<RemovalSource, string> = { proactive: '#15803d', authentication: '#4ade80', notice_gft: '#1d4ed8', notice_standard: '#60a5fa' };
const STACK: readonly RemovalSource[] = ['proactive', 'authentication', 'notice_gft', 'notice_standard'];
const UNIT_NAMES: Record<TimeBucketUnit, string> = { day: 'Day', week: 'Week', month: 'Month' };

const percent = (share: number | null, digits = 1) => (share === null ? '—' : `${(share * 100).toFixed(digits).replace(/\.0+$/, '')}%`);
/** Turnaround percentiles are read from duration buckets: "≤ 4 h" means in the bucket ending at 4 h. */
const bound = (ms: number | null, measured: boolean) => (ms !== null ? `≤ ${formatDuration(ms)}` : measured ? '> 30 d' : '—');

function Figure({ label, value, note }: { label: string; value: ReactNode; note?: ReactNode }) {
  return (
    <div className="figure" role="group" aria-label={label}>
      <span className="figure-label">{label}</span>
      <span className="figure-value">{value}</span>
      {note && <span className="figure-note">{note}</span>}
    </div>
  );
}

/** The figures behind a chart as a table, for screen readers and for reading exact values. */
function FiguresTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: (string | number)[][] }) {
  return (
    <details className="chart-table">
      <summary>Show the figures as a table</summary>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {headers.map((header, index) => (
                <th key={header} scope="col" className={index > 0 ? 'numeric' : undefined}>
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([first, ...rest], index) => (
              <tr key={index}>
                <th scope="row">{first}</th>
                {rest.map((cell, column) => (
                  <td key={column} className="numeric">
                    {typeof cell === 'number' ? formatCount(cell) : cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function Filters({ filters }: { filters: TransparencyFilters }) {
  const [range, setRange] = useState(filters.range);
  return (
    <Form method="get" className="filter-bar card" aria-label="Filters">
      <div className="field">
        <label htmlFor="range">Period</label>
        <select id="range" name="range" value={range} onChange={(event) => setRange(event.target.value as TransparencyFilters['range'])}>
          {Object.entries(RANGES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {range === 'custom' && (
        <>
          <div className="field">
            <label htmlFor="from">From</label>
            <input id="from" name="from" type="date" defaultValue={filters.from} required />
          </div>
          <div className="field">
            <label htmlFor="to">To</label>
            <input id="to" name="to" type="date" defaultValue={filters.to} required />
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor="unit">Points per</label>
        <select id="unit" name="unit" defaultValue={filters.unit} key={filters.unit}>
          {TIME_BUCKET_UNITS.map((unit) => (
            <option key={unit} value={unit}>
              {UNIT_NAMES[unit]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="marketplace">Marketplace</label>
        <select id="marketplace" name="marketplace" defaultValue={filters.marketplace ?? ''} key={filters.marketplace ?? ''}>
          <option value="">All marketplaces</option>
          {MARKETPLACE_CODES.map((code) => (
            <option key={code} value={code}>
              {marketplaceLabel(code)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-primary">
        Show
      </button>
    </Form>
  );
}

const axis = (unit: TimeBucketUnit) => ({ dataKey: 'period', tickFormatter: (period: string) => periodTick(period, unit), tick: { fontSize: 12 }, minTickGap: 12 });
const tooltipLabel = (unit: TimeBucketUnit) => (label: unknown) => (typeof label === 'string' ? periodName(label, unit) : '');

function RemovalsSection({ data }: { data: Data }) {
  const { removals, filters } = data;
  const total = (pick: (point: (typeof removals)[number]) => number) => removals.reduce((sum, point) => sum + pick(point), 0);
  const forYou = total((point) => point.proactive);
  const onNotices = total((point) => point.brandRequested);
  return (
    <section className="card" aria-labelledby="removals-heading">
      <h2 id="removals-heading">What was removed for you</h2>
      <p className="muted">
        Listings infringing your rights that the marketplace removed, by the day the removal was requested: found by our own detection or confirmed by your answers to
        authentication requests, against those removed on your notices.
      </p>
      <div className="figures">
        <Figure label="Removed without a notice from you" value={formatCount(forYou)} note="Detection and your authentication answers" />
        <Figure label="Removed on your notices" value={formatCount(onNotices)} note="GFT and reviewed notices" />
        <Figure label="For each of your notices" value={onNotices === 0 ? '—' : `${(forYou / onNotices).toFixed(1)}×`} note="Removals without a notice per removal on a notice" />
        <Figure label="Reinstated" value={formatCount(total((point) => point.reinstated))} note="After an appeal" />
      </div>
      <figure className="chart" aria-label="Removals per period by how they came about">
        <ResponsiveContainer width="100%" height={300}>
          <BarChart data={removals} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis {...axis(filters.unit)} />
            <YAxis allowDecimals={false} tickFormatter={formatCount} width={56} />
            <Tooltip itemSorter={() => 0} labelFormatter={tooltipLabel(filters.unit)} formatter={(value) => formatCount(value as number)} />
            <Legend itemSorter={null} />
            {STACK.map((source) => (
              <Bar key={source} dataKey={(point: (typeof removals)[number]) => point.bySource[source]} name={SOURCE_NAMES[source]} stackId="removals" fill={SOURCE_COLORS[source]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <FiguresTable
        caption="Removals per period by source"
        headers={['Period', ...STACK.map((source) => SOURCE_NAMES[source]), 'Reinstated']}
        rows={removals.map((point) => [periodName(point.period, filters.unit), ...STACK.map((source) => point.bySource[source]), point.reinstated])}
      />
    </section>
  );
}

function TurnaroundSection({ data }: { data: Data }) {
  const { turnaround, filters } = data;
  const { overall } = turnaround;
  const gft = overall.bySource.notice_gft;
  const standard = overall.bySource.notice_standard;
  return (
    <section className="card" aria-labelledby="turnaround-heading">
      <h2 id="turnaround-heading">How fast your notices were handled</h2>
      <p className="muted">From your notice to the marketplace confirming the removal. Times are read from duration buckets, so “≤ 4 h” means within 4 hours.</p>
      <div className="figures">
        <Figure label="Within 8 hours" value={percent(overall.noticesWithin8h)} note="Of your notices’ removals" />
        <Figure label="Within 24 hours" value={percent(overall.noticesWithin24h)} />
        <Figure label="GFT notices" value={gft.count === 0 ? '—' : `p50 ${bound(gft.p50, true)}`} note={gft.count === 0 ? 'None in the period' : `p90 ${bound(gft.p90, true)} · ${formatCount(gft.count)} removals`} />
        <Figure
          label="Reviewed notices"
          value={standard.count === 0 ? '—' : `p50 ${bound(standard.p50, true)}`}
          note={standard.count === 0 ? 'None in the period' : `p90 ${bound(standard.p90, true)} · ${formatCount(standard.count)} removals`}
        />
      </div>
      <figure className="chart" aria-label="Share of your notices handled within 8 and 24 hours per period">
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={turnaround.points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis {...axis(filters.unit)} />
            <YAxis domain={[0, 1]} tickFormatter={(share: number) => percent(share, 0)} width={56} />
            <Tooltip itemSorter={() => 0} labelFormatter={tooltipLabel(filters.unit)} formatter={(value) => percent(value as number)} />
            <Legend itemSorter={null} />
            {/* The 24 h line is dashed over the 8 h one: where both are at 100% each stays visible. */}
            <Line dataKey="noticesWithin8h" name="Within 8 hours" stroke="#1d4ed8" strokeWidth={3} dot={turnaround.points.length <= 40} isAnimationActive={false} />
            <Line dataKey="noticesWithin24h" name="Within 24 hours" stroke="#c2410c" strokeWidth={2} strokeDasharray="6 4" dot={turnaround.points.length <= 40} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <FiguresTable
        caption="Notices handled within 8 and 24 hours, and GFT and reviewed notice times, per period"
        headers={['Period', 'Within 8 h', 'Within 24 h', 'GFT p50', 'GFT p90', 'Reviewed p50', 'Reviewed p90']}
        rows={turnaround.points.map((point) => [
          periodName(point.period, filters.unit),
          percent(point.noticesWithin8h),
          percent(point.noticesWithin24h),
          bound(point.bySource.notice_gft.p50, point.bySource.notice_gft.count > 0),
          bound(point.bySource.notice_gft.p90, point.bySource.notice_gft.count > 0),
          bound(point.bySource.notice_standard.p50, point.bySource.notice_standard.count > 0),
          bound(point.bySource.notice_standard.p90, point.bySource.notice_standard.count > 0),
        ])}
      />
    </section>
  );
}

function AppealsSection({ data }: { data: Data }) {
  const { appeals, filters } = data;
  const filed = appeals.points.reduce((sum, point) => sum + point.appeals, 0);
  return (
    <section className="card" aria-labelledby="appeals-heading">
      <h2 id="appeals-heading">Appeals against your removals</h2>
      <div className="figures">
        <Figure label="Appeal rate" value={percent(appeals.appealRate, 2)} note="Appeals per removal confirmed in the period" />
        <Figure label="Reinstatement rate" value={percent(appeals.reinstatementRate)} note="Listings restored of the appeals decided" />
        <Figure label="Appeals filed" value={formatCount(filed)} note={<Link to="/appeals">Your appeals</Link>} />
      </div>
      <figure className="chart" aria-label="Appeals per period and their outcomes">
        <ResponsiveContainer width="100%" height={240}>
          <ComposedChart data={appeals.points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis {...axis(filters.unit)} />
            <YAxis allowDecimals={false} width={48} />
            <Tooltip itemSorter={() => 0} labelFormatter={tooltipLabel(filters.unit)} />
            <Legend itemSorter={null} />
            <Bar dataKey="appeals" name="Appeals" fill="#6366f1" isAnimationActive={false} />
            <Bar dataKey="reinstated" name="Reinstated" fill="#dc2626" isAnimationActive={false} />
            <Bar dataKey="upheld" name="Removal upheld" fill="#16a34a" isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </figure>
      <FiguresTable
        caption="Appeals per period"
        headers={['Period', 'Appeals', 'Reinstated', 'Upheld', 'Appeal rate']}
        rows={appeals.points.map((point) => [periodName(point.period, filters.unit), point.appeals, point.reinstated, point.upheld, percent(point.appealRate, 2)])}
      />
    </section>
  );
}

/** The GFT record as bars against the lines the programme draws; the words carry the verdict too. */
function GftSection({ data }: { data: Data }) {
  const { standing } = data;
  const { thresholds, overall } = standing;
  const enrolled = standing.status === 'enrolled';
  const successBar = enrolled ? thresholds.suspendBelowSuccessRate : thresholds.minSuccessRate;
  const thinRecord = overall.decided < thresholds.minDecided;
  const rows = [
    { name: 'Takedown success rate', value: overall.successRate, bar: successBar, atLeast: true },
    { name: 'Successful counter-notices', value: overall.counterNoticeRate, bar: thresholds.maxCounterNoticeRate, atLeast: false },
  ];
  return (
    <section className="card" aria-labelledby="gft-scores-heading">
      <h2 id="gft-scores-heading">Your Good Faith Takedown scores</h2>
      <p className="muted">
        The last {thresholds.windowDays} days as the programme judges them now, whatever period is chosen above: {formatCount(overall.decided)} decided items
        {thinRecord ? `, fewer than the ${thresholds.minDecided} a record is judged on, so these figures do not count yet.` : '.'}
      </p>
      <div className="gft-scores">
        {rows.map((row) => {
          // A thin record is shown against the line but not judged: no red for a brand that is not measured yet.
          const ok = row.value === null || thinRecord ? null : row.atLeast ? row.value >= row.bar : row.value <= row.bar;
          return (
            <div key={row.name} className="gft-score">
              <div className="gft-score-title">
                <strong>{row.name}</strong>{' '}
                <span className={ok === null ? 'muted' : ok ? 'score-ok' : 'score-short'}>
                  {row.value === null
                    ? 'no decided items yet'
                    : `${percent(row.value)} (${row.atLeast ? 'at least' : 'at most'} ${percent(row.bar)}${ok === null ? '' : ok ? ' met' : ' not met'})`}
                </span>
              </div>
              <figure className="chart" aria-label={`${row.name} against the threshold`}>
                <ResponsiveContainer width="100%" height={72}>
                  <BarChart layout="vertical" data={[{ name: row.name, value: row.value ?? 0 }]} margin={{ top: 20, right: 24, bottom: 0, left: 8 }}>
                    <XAxis type="number" domain={[0, 1]} tickFormatter={(share: number) => percent(share, 0)} tick={{ fontSize: 11 }} />
                    <YAxis type="category" dataKey="name" hide />
                    <Bar dataKey="value" fill={ok === null ? '#6b7280' : ok ? '#16a34a' : '#dc2626'} barSize={16} isAnimationActive={false} />
                    <ReferenceLine x={row.bar} stroke="#111827" strokeWidth={2} strokeDasharray="4 2" label={{ value: `${row.atLeast ? 'minimum' : 'maximum'} ${percent(row.bar)}`, position: 'top', fontSize: 11 }} />
                  </BarChart>
                </ResponsiveContainer>
              </figure>
            </div>
          );
        })}
      </div>
      <p className="small">
        <Link to="/gft">Your full record, by reason code</Link>
      </p>
    </section>
  );
}

export function Component() {
  const data = useLoaderData<typeof loader>();
  const me = useMe();
  const navigation = useNavigation();
  if (!data) return null;
  const { filters } = data;
  return (
    <>
      <div className="page-header">
        <h1>Transparency</h1>
        <p className="muted">
          What the marketplace did for {me.brand?.name ?? 'your brand'}, {rangeName(filters.from, filters.to)}
          {filters.marketplace ? ` on ${marketplaceLabel(filters.marketplace)}` : ''} (UTC days).
        </p>
      </div>
      <Filters filters={filters} />
      {filters.problem && (
        <p className="alert alert-error" role="alert">
          {filters.problem} Showing the last 90 days instead.
        </p>
      )}
      <div className="stack-lg" aria-busy={navigation.state === 'loading' || undefined}>
        <RemovalsSection data={data} />
        <TurnaroundSection data={data} />
        <AppealsSection data={data} />
        <GftSection data={data} />
      </div>
    </>
  );
}
