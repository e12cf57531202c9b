import { Link as MuiLink, Typography } from '@mui/material';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Link } from 'react-router';
import { trpc, type AuthRequestSeries } from '../providers/trpc';
import { ChartCard, Figure, FigureRow } from './chart-card';
import { fileNameOf, leadingColumns, periodAxis, tooltipPeriod, type Scope } from './chart-kit';
import type { CsvColumn } from './csv';
import { chartInput, type DashboardFilters } from './filters';
import { formatBound, formatCount, formatPercent } from './format';
import { useChart } from './use-chart';

type Point = AuthRequestSeries['points'][number];
const load = (input: ReturnType<typeof chartInput>) => trpc.admin.dashboards.authRequests.query(input);

/** How the requests created in a period ended, stacked; requests still open are the gap up to the line. */
const OUTCOMES = [
  { key: 'counterfeit', label: 'Counterfeit', color: '#2e7d32' },
  { key: 'genuine', label: 'Genuine', color: '#90a4ae' },
  { key: 'unsure', label: 'Unsure', color: '#ffb74d' },
  { key: 'expired', label: 'Expired unanswered', color: '#c62828' },
] as const;

export function authRequestColumns(filters: DashboardFilters, scope: Scope): CsvColumn<Point>[] {
  return [
    ...leadingColumns<Point>(filters, scope),
    { header: 'Created', value: (point) => point.created },
    { header: 'Answered', value: (point) => point.answered },
    ...OUTCOMES.map(({ key, label }) => ({ header: label, value: (point: Point) => point[key] })),
  ];
}

/** Requests the marketplace sent brands to authenticate: volume, how they were answered, how fast, how many expired. */
export function AuthRequestsChart({ filters, scope }: { filters: DashboardFilters; scope: Scope }) {
  const state = useChart(load, chartInput(filters));
  const list = `/auth-requests?${new URLSearchParams({ filter: JSON.stringify(filters.brandId ? { brandId: filters.brandId } : {}) }).toString()}`;
  return (
    <ChartCard
      title="Authentication requests"
      caption="Requests by the day they were created, stacked by how they ended; the line is all requests created, so the gap is what is still open."
      state={state}
      table={(series) => ({ name: fileNameOf('authentication-requests', filters, scope), columns: authRequestColumns(filters, scope), rows: series.points })}
    >
      {(series) => (
        <>
          <FigureRow>
            <Figure label="Requests created" value={formatCount(series.created)} />
            <Figure label="Response time p50" value={formatBound(series.responseP50, series.responseP50 !== null || series.created > 0)} caption="Created to answered" />
            <Figure label="Response time p90" value={formatBound(series.responseP90, series.responseP90 !== null || series.created > 0)} />
            <Figure label="Expiry rate" value={formatPercent(series.expiryRate)} caption="Expired of answered and expired" />
          </FigureRow>
          <figure aria-label="Authentication requests per period by outcome" style={{ margin: 0, width: '100%', height: 280 }}>
            <ResponsiveContainer width="100%" height="100%">
              <ComposedChart data={series.points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis {...periodAxis(filters.unit)} />
                <YAxis allowDecimals={false} tickFormatter={formatCount} width={56} />
                <Tooltip itemSorter={() => 0} labelFormatter={tooltipPeriod(filters.unit)} formatter={(value) => formatCount(value as number)} />
                <Legend itemSorter={null} />
                {OUTCOMES.map(({ key, label, color }) => (
                  <Bar key={key} dataKey={key} name={label} stackId="outcome" fill={color} isAnimationActive={false} />
                ))}
                <Line dataKey="created" name="Created" stroke="#37474f" strokeWidth={2} dot={series.points.length <= 40 ? { r: 2 } : false} isAnimationActive={false} />
              </ComposedChart>
            </ResponsiveContainer>
          </figure>
          <Typography variant="body2" sx={{ mt: 1 }}>
            <MuiLink component={Link} to={list}>
              Open the authentication requests{filters.brandId ? ' of this brand' : ''}
            </MuiLink>
          </Typography>
        </>
      )}
    </ChartCard>
  );
}
