import { Link as MuiLink, Typography } from '@mui/material';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Link } from 'react-router';
import { trpc, type AppealSeries } from '../providers/trpc';
import { ChartCard, Figure, FigureRow } from './chart-card';
import { fileNameOf, leadingColumns, periodAxis, RATIO_COLOR, tooltipPeriod, type Scope } from './chart-kit';
import type { CsvColumn } from './csv';
import { chartInput, type DashboardFilters } from './filters';
import { formatCount, formatPercent } from './format';
import { useChart } from './use-chart';

type Point = AppealSeries['points'][number];
const load = (input: ReturnType<typeof chartInput>) => trpc.admin.dashboards.appeals.query(input);

export function appealColumns(filters: DashboardFilters, scope: Scope): CsvColumn<Point>[] {
  return [
    ...leadingColumns<Point>(filters, scope),
    { header: 'Appeals', value: (point) => point.appeals },
    { header: 'Reinstated', value: (point) => point.reinstated },
    { header: 'Upheld', value: (point) => point.upheld },
    { header: 'Removals acknowledged', value: (point) => point.removals },
    { header: 'Appeal rate', value: (point) => formatPercent(point.appealRate, 2) },
  ];
}

/** Sellers' appeals against removals: how often they appeal, and how often the listing comes back. */
export function AppealsChart({ filters, scope }: { filters: DashboardFilters; scope: Scope }) {
  const state = useChart(load, chartInput(filters));
  const list = `/appeals?${new URLSearchParams({ filter: JSON.stringify(filters.brandId ? { brandId: filters.brandId } : {}) }).toString()}`;
  return (
    <ChartCard
      title="Appeals"
      caption="Appeals filed per period and their outcomes; the line is appeals per removal acknowledged in the period (every reason, whatever the reason filter)."
      state={state}
      table={(series) => ({ name: fileNameOf('appeals', filters, scope), columns: appealColumns(filters, scope), rows: series.points })}
    >
      {(series) => {
        const appeals = series.points.reduce((sum, point) => sum + point.appeals, 0);
        return (
          <>
            <FigureRow>
              <Figure label="Appeal rate" value={formatPercent(series.appealRate, 2)} caption="Appeals per acknowledged removal" />
              <Figure label="Reinstatement rate" value={formatPercent(series.reinstatementRate)} caption="Reinstated of decided appeals" />
              <Figure label="Appeals filed" value={formatCount(appeals)} />
            </FigureRow>
            <figure aria-label="Appeals per period with the appeal rate" style={{ margin: 0, width: '100%', height: 260 }}>
              <ResponsiveContainer width="100%" height="100%">
                <ComposedChart data={series.points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis {...periodAxis(filters.unit)} />
                  <YAxis yAxisId="count" allowDecimals={false} tickFormatter={formatCount} width={56} />
                  <YAxis yAxisId="rate" orientation="right" tickFormatter={(rate: number) => formatPercent(rate, 1)} width={56} />
                  <Tooltip itemSorter={() => 0} labelFormatter={tooltipPeriod(filters.unit)} formatter={(value, name) => (name === 'Appeal rate' ? formatPercent(value as number, 2) : formatCount(value as number))} />
                  <Legend itemSorter={null} />
                  <Bar yAxisId="count" dataKey="appeals" name="Appeals" fill="#5c6bc0" isAnimationActive={false} />
                  <Bar yAxisId="count" dataKey="reinstated" name="Reinstated" fill="#ef5350" isAnimationActive={false} />
                  <Bar yAxisId="count" dataKey="upheld" name="Upheld" fill="#66bb6a" isAnimationActive={false} />
                  <Line yAxisId="rate" dataKey="appealRate" name="Appeal rate" stroke={RATIO_COLOR} strokeWidth={2} dot={series.points.length <= 40 ? { r: 2 } : false} isAnimationActive={false} />
                </ComposedChart>
              </ResponsiveContainer>
            </figure>
            <Typography variant="body2" sx={{ mt: 1 }}>
              <MuiLink component={Link} to={list}>
                Open the appeals{filters.brandId ? ' of this brand' : ''}
              </MuiLink>
            </Typography>
          </>
        );
      }}
    </ChartCard>
  );
}
