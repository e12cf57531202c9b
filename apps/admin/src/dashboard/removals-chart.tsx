import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { PROACTIVE_SOURCES, REMOVAL_SOURCES } from '@jf/domain';
import type { OverviewSummary } from '../providers/trpc';
import { SOURCE_LABELS } from '../ui/choices';


/** Removals in the last 30 days by source; proactive sources in green, brand-requested in blue. */
export function RemovalsChart({ removalsBySource }: Pick<OverviewSummary, 'removalsBySource'>) {
  const data = REMOVAL_SOURCES.map((source) => ({ source, label: SOURCE_LABELS[source], removals: removalsBySource[source] }));
  return (
    <figure aria-label="Removals by source, last 30 days" style={{ margin: 0, width: '100%', height: 260 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="removals" name="Removals" isAnimationActive={false}>
            {data.map((entry) => (
              <Cell key={entry.source} fill={PROACTIVE_SOURCES.includes(entry.source) ? '#2e7d32' : '#1565c0'} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
