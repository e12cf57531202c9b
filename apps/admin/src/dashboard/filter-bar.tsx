import { useEffect, useState } from 'react';
import { Autocomplete, Box, Button, MenuItem, Paper, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useGetList } from 'react-admin';
import { MARKETPLACE_CODES, NOTICE_REASONS, TIME_BUCKET_UNITS, type TimeBucketUnit } from '@jf/domain';
import type { BrandRecord } from '../providers/trpc';
import { humanize } from '../ui/choices';
import { marketplaceName } from '../resources/queue/notice-item-fields';
import {
  daysBetween,
  describeRange,
  MAX_DAILY_DAYS,
  RANGE_LABELS,
  RANGE_PRESETS,
  rangeProblem,
  type DashboardFilters,
  type RangeChoice,
  type ReasonFilter,
} from './filters';

const UNIT_LABELS: Record<TimeBucketUnit, string> = { day: 'Day', week: 'Week', month: 'Month' };
const REASON_LABELS: Record<ReasonFilter, string> = {
  ...(Object.fromEntries(NOTICE_REASONS.map((reason) => [reason, humanize(reason)])) as Record<ReasonFilter, string>),
  none: 'No reason (proactive, authentication)',
};

type Update = (change: Partial<DashboardFilters>) => void;

/** The custom range as typed; sent only when both days make a range the API accepts. */
function CustomRange({ filters, update }: { filters: DashboardFilters; update: Update }) {
  const [from, setFrom] = useState(filters.from);
  const [to, setTo] = useState(filters.to);
  useEffect(() => {
    setFrom(filters.from);
    setTo(filters.to);
  }, [filters.from, filters.to]);
  const problem = rangeProblem(from, to);
  const changed = from !== filters.from || to !== filters.to;
  return (
    <Stack
      component="form"
      direction="row"
      spacing={1}
      sx={{ alignItems: 'flex-start' }}
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem) update({ range: 'custom', from, to });
      }}
    >
            <TextField type="date" variant="outlined" size="small" label="From" value={from} onChange={(event) => setFrom(event.target.value)} error={problem?.field === 'from'} helperText={problem?.field === 'from' ? problem.message : undefined} slotProps={{ inputLabel: { shrink: true } }} />
      <TextField type="date" variant="outlined" size="small" label="To" value={to} onChange={(event) => setTo(event.target.value)} error={problem?.field === 'to'} helperText={problem?.field === 'to' ? problem.message : undefined} slotProps={{ inputLabel: { shrink: true } }} />
      <Button type="submit" variant="outlined" disabled={problem !== null || !changed}>
        Apply
      </Button>
    </Stack>
  );
}

/** Brands by name, searched on the server (an account manager is offered their own brands only). */
function BrandPicker({ brandId, brandName, managerId, update }: { brandId?: string; brandName?: string; managerId?: string; update: Update }) {
  const [search, setSearch] = useState('');
  const { data = [], isPending } = useGetList<BrandRecord>('brands', {
    pagination: { page: 1, perPage: 20 },
    sort: { field: 'name', order: 'ASC' },
    filter: { ...(search ? { q: search } : {}), ...(managerId ? { accountManagerId: managerId } : {}) },
  });
  const selected = brandId ? { id: brandId, name: brandName ?? '…' } : null;
  const options = selected && !data.some((brand) => brand.id === selected.id) ? [selected, ...data] : data;
  return (
    <Autocomplete
      size="small"
      sx={{ width: 200 }}
      options={options.map((brand) => ({ id: brand.id, name: brand.name }))}
      value={selected}
      loading={isPending}
      getOptionLabel={(option) => option.name}
      isOptionEqualToValue={(option, value) => option.id === value.id}
      filterOptions={(all) => all}
      onInputChange={(_event, value, reason) => {
        if (reason === 'input') setSearch(value);
        if (reason === 'clear') setSearch('');
      }}
      onChange={(_event, value) => {
        setSearch('');
        update({ brandId: value?.id });
      }}
      renderInput={(params) => <TextField {...params} variant="outlined" size="small" label="Brand" placeholder={managerId ? 'All my brands' : 'All brands'} InputLabelProps={{ ...params.InputLabelProps, shrink: true }} />}
    />
  );
}

/**
 * The filters every chart shares. Each change lands in the URL (see useDashboardFilters); the unit "day"
 * is offered only for ranges the API draws daily.
 */
export function FilterBar({ filters, update, brandName, managerId }: { filters: DashboardFilters; update: Update; brandName?: string; managerId?: string }) {
  const tooLongForDays = daysBetween(filters.from, filters.to) > MAX_DAILY_DAYS;
  return (
    <Paper component="section" aria-label="Filters" variant="outlined" sx={{ p: 2, mb: 2, position: 'sticky', top: 48, zIndex: 3 }}>
      <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <Box>
          <ToggleButtonGroup
            size="small"
            exclusive
            color="primary"
            aria-label="Date range"
            value={filters.range}
            onChange={(_event, range: RangeChoice | null) => range && update({ range })}
          >
            {[...RANGE_PRESETS, 'custom' as const].map((range) => (
              <ToggleButton key={range} value={range} sx={{ textTransform: 'none', px: 1.5 }}>
                {RANGE_LABELS[range]}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
            {filters.range === 'custom' ? '' : `Last ${RANGE_LABELS[filters.range]}: `}
            {describeRange(filters.from, filters.to)} (UTC)
          </Typography>
        </Box>
        {filters.range === 'custom' ? <CustomRange filters={filters} update={update} /> : null}
        <ToggleButtonGroup size="small" exclusive color="primary" aria-label="Period" value={filters.unit} onChange={(_event, unit: TimeBucketUnit | null) => unit && update({ unit })}>
          {TIME_BUCKET_UNITS.map((unit) => (
            <ToggleButton key={unit} value={unit} disabled={unit === 'day' && tooLongForDays} title={unit === 'day' && tooLongForDays ? `Daily points are for ranges of at most ${MAX_DAILY_DAYS} days` : undefined} sx={{ textTransform: 'none', px: 1.5 }}>
              {UNIT_LABELS[unit]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <TextField select fullWidth={false} size="small" label="Marketplace" value={filters.marketplace ?? ''} onChange={(event) => update({ marketplace: (event.target.value || undefined) as DashboardFilters['marketplace'] })} variant="outlined" sx={{ width: 170 }} slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}>
          <MenuItem value="">All marketplaces</MenuItem>
          {MARKETPLACE_CODES.map((code) => (
            <MenuItem key={code} value={code}>
              {marketplaceName(code)}
            </MenuItem>
          ))}
        </TextField>
        <BrandPicker brandId={filters.brandId} brandName={brandName} managerId={managerId} update={update} />
        <TextField select fullWidth={false} size="small" label="Reason" value={filters.reason ?? ''} onChange={(event) => update({ reason: (event.target.value || undefined) as ReasonFilter | undefined })} variant="outlined" sx={{ width: 190 }} slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}>
          <MenuItem value="">Any reason</MenuItem>
          {(Object.keys(REASON_LABELS) as ReasonFilter[]).map((reason) => (
            <MenuItem key={reason} value={reason}>
              {REASON_LABELS[reason]}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
    </Paper>
  );
}
