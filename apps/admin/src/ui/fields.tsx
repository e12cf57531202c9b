import { Typography } from '@mui/material';
import { SelectField, useRecordContext } from 'react-admin';
import { formatShortDateTime } from '../resources/appeals/appeal-fields';
import { MARKETPLACE_CHOICES } from '../resources/queue/notice-item-fields';

/** A date column of a table: day and time on one line, the year only when it is not this year's. */
export function ShortDateTimeField({ source }: { source: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext<Record<string, string | null>>();
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {formatShortDateTime(record?.[source] ?? null)}
    </Typography>
  );
}

/**
 * The marketplace a row belongs to, by name. The table reads its header from the element's own props,
 * so callers pass `label`.
 */
export function MarketplaceField({ source = 'marketplaceCode', label }: { source?: string; label: string }) {
  return <SelectField source={source} label={label} choices={MARKETPLACE_CHOICES} sortable={false} emptyText="—" />;
}
