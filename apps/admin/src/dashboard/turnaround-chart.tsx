import { Box, Typography } from '@mui/material';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useNavigate } from 'react-router';
import type { RemovalSource } from '@jf/domain';
import { trpc, type TurnaroundSeries } from '../providers/trpc';
import { ChartCard, Figure, FigureRow } from './chart-card';
import { fileNameOf, leadingColumns, PERCENTILE_COLORS, periodAxis, SOURCE_LABELS, tooltipPeriod, type Scope } from './chart-kit';
import type { CsvColumn } from './csv';
import { removalsBehind } from './drill-down';
import { chartInput, type DashboardFilters } from './filters';
import { formatBound, formatCount, formatPercent, formatSpan, hoursOf, LAST_BOUND_MS } from './format';
import { useChart } from './use-chart';

type Point = TurnaroundSeries['points'][number];
type Figures = Point['bySource'][RemovalSource];
const load = (input: ReturnType<typeof chartInput>) => trpc.admin.dashboards.turnaround.query(input);

/** The order leadership reads them in: the notices first, then what the marketplace removed by itself. */
const SOURCES: readonly RemovalSource[] = ['notice_gft', 'notice_standard', 'authentication', 'proactive'];
const PERCENTILES = ['p50', 'p90', 'p99'] as const;

/** Public anchors of what good looks like (DESIGN "What today's programmes do"). */
export const ANCHORS = {
  within8h: { share: 0.95, label: 'Amazon: more than 95% within 8 h' },
  within24h: { share: 0.98, label: 'Alibaba: 98% within 24 h' },
} as const;

const WITHIN_COLORS = { within8h: '#1565c0', within24h: '#6a1b9a' } as const;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Where the axis may put its gridlines (all of them bucket bounds, so each value sits on one). */
const TICKS = [1000, 10_000, MINUTE, 10 * MINUTE, HOUR, 4 * HOUR, 8 * HOUR, DAY, 3 * DAY, 7 * DAY, LAST_BOUND_MS];
/** Percentiles above the last bound are drawn here and read "> 30 d". */
const OVER_LAST = 2 * LAST_BOUND_MS;

const plotted = (ms: number | null, figures: Figures) => (figures.count === 0 ? null : (ms ?? OVER_LAST));
const tickLabel = (ms: number) => (ms >= OVER_LAST ? `> ${formatSpan(LAST_BOUND_MS)}` : formatSpan(ms));

/** The smallest span of gridlines holding every value, on a log scale (which needs lower < upper). */
function durationDomain(values: number[]): { domain: [number, number]; ticks: number[] } {
  if (values.length === 0) return { domain: [HOUR, DAY], ticks: [HOUR, 4 * HOUR, 8 * HOUR, DAY] };
  const ticks = [...TICKS, OVER_LAST];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const lower = [...ticks].reverse().find((tick) => tick < min) ?? min / 2;
  const upper = ticks.find((tick) => tick >= max && tick > lower) ?? max * 2;
  return { domain: [lower, upper], ticks: ticks.filter((tick) => tick >= lower && tick <= upper) };
}

/** p50/p90/p99 over time for one source, on a log scale of durations; a point opens that period's removals. */
function SourcePanel({ source, points, overall, filters }: { source: RemovalSource; points: Point[]; overall: Figures; filters: DashboardFilters }) {
  const navigate = useNavigate();
  const rows = points.map((point) => {
    const figures = point.bySource[source];
    return { period: point.period, count: figures.count, p50: plotted(figures.p50, figures), p90: plotted(figures.p90, figures), p99: plotted(figures.p99, figures) };
  });
  const values = rows.flatMap((row) => [row.p50, row.p90, row.p99]).filter((value): value is number => value !== null);
  const { domain, ticks } = durationDomain(values);
  const title = SOURCE_LABELS[source];
  return (
    <Box component="section" aria-label={`Turnaround: ${title}`} sx={{ minWidth: 0 }}>
      <Typography variant="subtitle2" component="h4">
        {title}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p">
        {overall.count === 0
          ? 'Nothing acknowledged in the range'
          : `${formatCount(overall.count)} removals · p50 ${formatBound(overall.p50)} · p90 ${formatBound(overall.p90)} · p99 ${formatBound(overall.p99)}`}
      </Typography>
      <figure aria-label={`${title}: turnaround p50, p90 and p99 per period`} style={{ margin: 0, width: '100%', height: 200 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={rows}
            margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
            onClick={(event) => {
              if (typeof event.activeLabel === 'string') navigate(removalsBehind(filters, event.activeLabel, { source }));
            }}
            style={{ cursor: 'pointer' }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis {...periodAxis(filters.unit)} />
            <YAxis scale="log" domain={domain} ticks={ticks} tickFormatter={tickLabel} width={56} allowDataOverflow />
            <Tooltip
              itemSorter="dataKey"
              labelFormatter={tooltipPeriod(filters.unit)}
              formatter={(value) => (typeof value === 'number' && value >= OVER_LAST ? `> ${formatSpan(LAST_BOUND_MS)}` : formatBound(value as number))}
            />
            {/* Drawn p99 first and dashed: where percentiles share a bucket, the lower one stays visible on top. */}
            {[...PERCENTILES].reverse().map((percentile) => (
              <Line
                key={percentile}
                dataKey={percentile}
                name={percentile}
                stroke={PERCENTILE_COLORS[percentile]}
                strokeWidth={percentile === 'p50' ? 2 : 1.5}
                strokeDasharray={percentile === 'p99' ? '5 3' : undefined}
                dot={rows.length <= 40 ? { r: 2 } : false}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
            <Legend itemSorter="dataKey" />
          </LineChart>
        </ResponsiveContainer>
      </figure>
    </Box>
  );
}

/** Share of notices acknowledged within 8 h and 24 h per period, against the two public anchors. */
function WithinPanel({ points, filters }: { points: Point[]; filters: DashboardFilters }) {
  const navigate = useNavigate();
  const shares = points.flatMap((point) => [point.noticesWithin8h, point.noticesWithin24h]).filter((share): share is number => share !== null);
  const lower = Math.max(0, Math.floor((Math.min(0.9, ...shares) - 0.02) * 20) / 20);
  return (
    <>
      <figure aria-label="Share of notices handled within 8 h and 24 h per period" style={{ margin: 0, width: '100%', height: 240 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={points}
            margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
            onClick={(event) => {
              if (typeof event.activeLabel === 'string') navigate(removalsBehind(filters, event.activeLabel, { group: 'brand_requested' }));
            }}
            style={{ cursor: 'pointer' }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis {...periodAxis(filters.unit)} />
            <YAxis domain={[lower, 1]} tickFormatter={(share: number) => formatPercent(share, 0)} width={48} allowDataOverflow />
            <Tooltip itemSorter={() => 0} labelFormatter={tooltipPeriod(filters.unit)} formatter={(value) => formatPercent(value as number)} />
            {/* Each anchor is drawn in its series' colour, dashed: the 8 h line is judged by Amazon's, the 24 h by Alibaba's. */}
            <ReferenceLine y={ANCHORS.within8h.share} stroke={WITHIN_COLORS.within8h} strokeDasharray="6 3" />
            <ReferenceLine y={ANCHORS.within24h.share} stroke={WITHIN_COLORS.within24h} strokeDasharray="6 3" />
            <Line dataKey="noticesWithin8h" name="Within 8 h" stroke={WITHIN_COLORS.within8h} strokeWidth={2} dot={points.length <= 40 ? { r: 2 } : false} isAnimationActive={false} connectNulls={false} />
            <Line dataKey="noticesWithin24h" name="Within 24 h" stroke={WITHIN_COLORS.within24h} strokeWidth={2} dot={points.length <= 40 ? { r: 2 } : false} isAnimationActive={false} connectNulls={false} />
            <Legend itemSorter={null} />
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <Typography variant="caption" color="text.secondary" component="p">
        Dashed, in the colour of the line they judge: {ANCHORS.within8h.label} (blue); {ANCHORS.within24h.label} (purple). A point opens that period’s notice removals.
      </Typography>
    </>
  );
}

export function turnaroundColumns(filters: DashboardFilters, scope: Scope): CsvColumn<Point>[] {
  const perSource = SOURCES.flatMap((source): CsvColumn<Point>[] => [
    { header: `${SOURCE_LABELS[source]}: acknowledged`, value: (point) => point.bySource[source].count },
    ...PERCENTILES.map((percentile) => ({
      header: `${SOURCE_LABELS[source]}: ${percentile}`,
      value: (point: Point) => formatBound(point.bySource[source][percentile], point.bySource[source].count > 0),
    })),
    // Numbers a spreadsheet can compute with; empty above the last bound (see the column before).
    ...PERCENTILES.map((percentile) => ({
      header: `${SOURCE_LABELS[source]}: ${percentile} at most (hours)`,
      value: (point: Point) => hoursOf(point.bySource[source][percentile]),
      fileOnly: true,
    })),
  ]);
  return [
    ...leadingColumns<Point>(filters, scope),
    { header: 'Notices within 8 h', value: (point) => formatPercent(point.noticesWithin8h) },
    { header: 'Notices within 24 h', value: (point) => formatPercent(point.noticesWithin24h) },
    ...perSource,
  ];
}

export function TurnaroundChart({ filters, scope }: { filters: DashboardFilters; scope: Scope }) {
  const state = useChart(load, chartInput(filters));
  return (
    <ChartCard
      title="Takedown turnaround"
      caption="From the request to the marketplace's acknowledgement, by the day requested. Percentiles are read from duration buckets, so “≤ 4 h” means within the bucket ending at 4 h. Click a point to open the removals behind it."
      state={state}
      table={(series) => ({
        name: fileNameOf('turnaround', filters, scope),
        columns: turnaroundColumns(filters, scope),
        rows: series.points,
        linkOf: (point: Point) => removalsBehind(filters, point.period),
      })}
    >
      {({ points, overall }) => (
        <>
          <FigureRow>
            <Figure
              label="Notices within 8 h"
              value={formatPercent(overall.noticesWithin8h)}
              caption={ANCHORS.within8h.label}
              tone={overall.noticesWithin8h === null ? undefined : overall.noticesWithin8h > ANCHORS.within8h.share ? 'good' : 'bad'}
            />
            <Figure
              label="Notices within 24 h"
              value={formatPercent(overall.noticesWithin24h)}
              caption={ANCHORS.within24h.label}
              tone={overall.noticesWithin24h === null ? undefined : overall.noticesWithin24h >= ANCHORS.within24h.share ? 'good' : 'bad'}
            />
            {(['notice_gft', 'notice_standard'] as const).map((source) => (
              <Figure
                key={source}
                label={`${SOURCE_LABELS[source]} p90`}
                value={formatBound(overall.bySource[source].p90, overall.bySource[source].count > 0)}
                caption={`p50 ${formatBound(overall.bySource[source].p50, overall.bySource[source].count > 0)}`}
              />
            ))}
          </FigureRow>
          <Typography variant="subtitle2" component="h4">
            Notices handled within 8 h and 24 h
          </Typography>
          <WithinPanel points={points} filters={filters} />
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2, mt: 2 }}>
            {SOURCES.map((source) => (
              <SourcePanel key={source} source={source} points={points} overall={overall.bySource[source]} filters={filters} />
            ))}
          </Box>
        </>
      )}
    </ChartCard>
  );
}
