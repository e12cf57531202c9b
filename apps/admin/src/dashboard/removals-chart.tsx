import { useRef } from 'react';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useNavigate } from 'react-router';
import { trpc, type RemovalsSeries } from '../providers/trpc';
import { ChartCard, Figure, FigureRow } from './chart-card';
import { fileNameOf, leadingColumns, periodAxis, RATIO_COLOR, SOURCE_COLORS, SOURCE_LABELS, STACK_ORDER, tooltipPeriod, type Scope } from './chart-kit';
import type { CsvColumn } from './csv';
import { removalsBehind } from './drill-down';
import { chartInput, type DashboardFilters } from './filters';
import { formatCount, formatRatio } from './format';
import { useChart } from './use-chart';

type Point = RemovalsSeries[number];
const load = (input: ReturnType<typeof chartInput>) => trpc.admin.dashboards.removals.query(input);

/** Range totals: sums of the server's per-period counts (the ratio of the sums, not a mean of ratios). */
function totalsOf(points: RemovalsSeries) {
  const proactive = points.reduce((sum, point) => sum + point.proactive, 0);
  const brandRequested = points.reduce((sum, point) => sum + point.brandRequested, 0);
  const reinstated = points.reduce((sum, point) => sum + point.reinstated, 0);
  return { proactive, brandRequested, reinstated, ratio: brandRequested === 0 ? null : proactive / brandRequested };
}

export function removalsColumns(filters: DashboardFilters, scope: Scope): CsvColumn<Point>[] {
  return [
    ...leadingColumns<Point>(filters, scope),
    ...STACK_ORDER.map((source) => ({ header: SOURCE_LABELS[source], value: (point: Point) => point.bySource[source] })),
    { header: 'Proactive', value: (point) => point.proactive },
    { header: 'Brand-requested', value: (point) => point.brandRequested },
    { header: 'Proactive ratio', value: (point) => (point.ratio === null ? null : Math.round(point.ratio * 100) / 100) },
    { header: 'Reinstated', value: (point) => point.reinstated },
  ];
}

/**
 * Proactive against brand-requested removals per period: stacked bars by source (proactive sources at the
 * bottom, in greens) and the proactive ratio as a line on its own axis. A bar segment opens the removals
 * of that source in that period; anywhere else in a period's column opens all of them.
 */
export function RemovalsChart({ filters, scope }: { filters: DashboardFilters; scope: Scope }) {
  const state = useChart(load, chartInput(filters));
  const navigate = useNavigate();
  // A click on a bar reaches the chart too; the bar's own (more precise) target wins.
  const barClicked = useRef(false);
  return (
    <ChartCard
      title="Proactive vs brand-requested removals"
      caption="Removals by the day they were requested, stacked by source; the line is proactive removals per brand-requested removal. Click a bar to open the removals behind it."
      state={state}
      table={(points) => ({
        name: fileNameOf('removals', filters, scope),
        columns: removalsColumns(filters, scope),
        rows: points,
        linkOf: (point: Point) => removalsBehind(filters, point.period),
      })}
    >
      {(points) => {
        const totals = totalsOf(points);
        return (
          <>
            <FigureRow>
              <Figure label="Proactive removals" value={formatCount(totals.proactive)} caption="Detection and brand-confirmed authentication" />
              <Figure label="Brand-requested removals" value={formatCount(totals.brandRequested)} caption="GFT and standard notices" />
              <Figure label="Proactive ratio" value={formatRatio(totals.ratio)} caption="Proactive per brand-requested removal" />
              <Figure label="Reinstated" value={formatCount(totals.reinstated)} caption="Of the removals requested in the range" />
            </FigureRow>
            <figure aria-label="Removals per period by source, with the proactive ratio" style={{ margin: 0, width: '100%', height: 320 }}>
              <ResponsiveContainer width="100%" height="100%">
                <ComposedChart
                  data={points}
                  margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
                  onClick={(event) => {
                    if (barClicked.current) {
                      barClicked.current = false;
                      return;
                    }
                    if (typeof event.activeLabel === 'string') navigate(removalsBehind(filters, event.activeLabel));
                  }}
                  style={{ cursor: 'pointer' }}
                >
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis {...periodAxis(filters.unit)} />
                  <YAxis yAxisId="count" allowDecimals={false} tickFormatter={formatCount} width={64} />
                  <YAxis yAxisId="ratio" orientation="right" tickFormatter={(ratio: number) => `${ratio}×`} width={48} />
                  <Tooltip itemSorter={() => 0} labelFormatter={tooltipPeriod(filters.unit)} formatter={(value, name) => (name === 'Proactive ratio' ? formatRatio(value as number) : formatCount(value as number))} />
                  <Legend itemSorter={null} />
                  {STACK_ORDER.map((source) => (
                    <Bar
                      key={source}
                      yAxisId="count"
                      dataKey={(point: Point) => point.bySource[source]}
                      name={SOURCE_LABELS[source]}
                      stackId="removals"
                      fill={SOURCE_COLORS[source]}
                      isAnimationActive={false}
                      onClick={(item) => {
                        barClicked.current = true;
                        navigate(removalsBehind(filters, (item.payload as Point).period, { source }));
                      }}
                    />
                  ))}
                  <Line yAxisId="ratio" dataKey="ratio" name="Proactive ratio" stroke={RATIO_COLOR} strokeWidth={2} dot={points.length <= 40} isAnimationActive={false} connectNulls={false} />
                </ComposedChart>
              </ResponsiveContainer>
            </figure>
          </>
        );
      }}
    </ChartCard>
  );
}
