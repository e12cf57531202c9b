import { Box, Typography } from '@mui/material';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useNavigate } from 'react-router';
import { GFT_STATUSES, type GftStatus } from '@jf/domain';
import { trpc, type GftDistribution } from '../providers/trpc';
import { humanize } from '../ui/choices';
import { brandsFilteredBy } from './overview-parts';
import { ChartCard } from './chart-card';
import { formatCount, formatPercent } from './format';
import { useChart } from './use-chart';

const load = () => trpc.admin.dashboards.gft.query();

const STATUS_COLORS: Record<GftStatus, string> = { not_eligible: '#90a4ae', eligible: '#42a5f5', enrolled: '#2e7d32', suspended: '#c62828' };
const BELOW = '#c62828';
const BETWEEN = '#f9a825';
const ABOVE = '#2e7d32';

interface Row {
  group: string;
  label: string;
  brands: number;
}

type Band = GftDistribution['accuracy'][number];
const bandLabel = (band: Band) => (band.above === 0 ? `≤ ${formatPercent(band.upTo, 0)}` : `${formatPercent(band.above, 0)}–${formatPercent(band.upTo, 0)}`);

/** A band wholly below the suspension line is red, wholly at or above eligibility green, in between amber. */
function bandColor(band: Band, thresholds: GftDistribution['thresholds']): string {
  if (band.upTo <= thresholds.suspendBelow) return BELOW;
  if (band.above >= thresholds.eligibleAt) return ABOVE;
  return BETWEEN;
}

function rowsOf(gft: GftDistribution): Row[] {
  return [
    ...GFT_STATUSES.map((status) => ({ group: 'GFT status', label: humanize(status), brands: gft.byStatus[status] ?? 0 })),
    ...gft.accuracy.map((band) => ({ group: 'Accuracy (90 days)', label: bandLabel(band), brands: band.brands })),
    { group: 'Accuracy (90 days)', label: 'Not yet known', brands: gft.unknownAccuracy },
  ];
}

/**
 * The Good Faith Takedown programme now: brands by status (a bar opens that list of brands) and by
 * rolling 90-day accuracy, coloured against the eligibility and suspension thresholds.
 */
export function GftChart({ managerId }: { managerId?: string }) {
  const state = useChart(load, null);
  const navigate = useNavigate();
  return (
    <ChartCard
      title="Good Faith Takedown"
      caption={`Brands as they stand today${managerId ? ' (your brands)' : ''}; the date range and filters do not apply. Click a status to open those brands.`}
      state={state}
      table={(gft) => ({
        name: `gft-${new Date().toISOString().slice(0, 10)}`,
        columns: [
          { header: 'Figure', value: (row: Row) => row.group },
          { header: 'Group', value: (row: Row) => row.label },
          { header: 'Brands', value: (row: Row) => row.brands },
        ],
        rows: rowsOf(gft),
      })}
    >
      {(gft) => {
        const statuses = GFT_STATUSES.map((status) => ({ status, label: humanize(status), brands: gft.byStatus[status] ?? 0 }));
        const bands = gft.accuracy.map((band) => ({ ...band, label: bandLabel(band) }));
        return (
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1.4fr' }, gap: 3 }}>
            <Box component="section" aria-label="Brands by GFT status">
              <Typography variant="subtitle2" component="h4">
                Brands by status
              </Typography>
              <figure style={{ margin: 0, width: '100%', height: 220 }}>
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart data={statuses} margin={{ top: 20, right: 8, bottom: 0, left: 0 }}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
                    <YAxis allowDecimals={false} width={40} />
                    <Tooltip itemSorter={() => 0} formatter={(value) => formatCount(value as number)} />
                    <Bar
                      dataKey="brands"
                      name="Brands"
                      isAnimationActive={false}
                      style={{ cursor: 'pointer' }}
                      onClick={(item) => {
                        const { status } = item.payload as (typeof statuses)[number];
                        navigate(brandsFilteredBy(managerId ? { gftStatus: status, accountManagerId: managerId } : { gftStatus: status }));
                      }}
                    >
                      {statuses.map((entry) => (
                        <Cell key={entry.status} fill={STATUS_COLORS[entry.status]} />
                      ))}
                      <LabelList dataKey="brands" position="top" fontSize={12} />
                    </Bar>
                  </BarChart>
                </ResponsiveContainer>
              </figure>
            </Box>
            <Box component="section" aria-label="Brands by accuracy">
              <Typography variant="subtitle2" component="h4">
                Accuracy over 90 days
              </Typography>
              <figure style={{ margin: 0, width: '100%', height: 220 }}>
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart data={bands} margin={{ top: 20, right: 8, bottom: 0, left: 0 }}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
                    <YAxis allowDecimals={false} width={40} />
                    <Tooltip itemSorter={() => 0} formatter={(value) => formatCount(value as number)} />
                    <Bar dataKey="brands" name="Brands" isAnimationActive={false}>
                      {bands.map((band) => (
                        <Cell key={band.upTo} fill={bandColor(band, gft.thresholds)} />
                      ))}
                      <LabelList dataKey="brands" position="top" fontSize={12} />
                    </Bar>
                  </BarChart>
                </ResponsiveContainer>
              </figure>
              <Typography variant="caption" color="text.secondary" component="p">
                <Box component="span" sx={{ color: BELOW, fontWeight: 600 }}>■</Box> below {formatPercent(gft.thresholds.suspendBelow)}: an enrolled brand is suspended ·{' '}
                {/* The two lines may be one (the default): then there is no band between them to explain. */}
                {gft.thresholds.suspendBelow < gft.thresholds.eligibleAt ? (
                  <>
                    <Box component="span" sx={{ color: BETWEEN, fontWeight: 600 }}>■</Box> between: kept if enrolled, not yet eligible ·{' '}
                  </>
                ) : null}
                <Box component="span" sx={{ color: ABOVE, fontWeight: 600 }}>■</Box> from {formatPercent(gft.thresholds.eligibleAt)}: eligible
                {gft.unknownAccuracy > 0 ? ` · ${formatCount(gft.unknownAccuracy)} without decided items yet` : ''}
              </Typography>
            </Box>
          </Box>
        );
      }}
    </ChartCard>
  );
}
