import { alpha, Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography, type Theme } from '@mui/material';
import { useState } from 'react';
import { useListContext, useRecordContext } from 'react-admin';
import { Link } from 'react-router';
import type { AuditEventRecord } from '../../providers/trpc';
import { humanize } from '../../ui/choices';
import { diffRows, formatValue, type DiffRow } from './audit-diff';

type Side = 'gone' | 'new' | undefined;
const SIDES: Record<DiffRow['change'], { before: Side; after: Side }> = {
  added: { before: undefined, after: 'new' },
  removed: { before: 'gone', after: undefined },
  changed: { before: 'gone', after: 'new' },
  unchanged: { before: undefined, after: undefined },
};
/** Pale tints of the theme's error and success colours: the text stays the thing to read. */
const tint = (side: Side) => (theme: Theme) =>
  side ? alpha(side === 'gone' ? theme.palette.error.main : theme.palette.success.main, 0.12) : undefined;

/** Long ids are cut to their first characters in the table; the expanded row shows them whole. */
export const shortId = (id: string): string => (id.length > 14 ? `${id.slice(0, 8)}…` : id);

/** "Notice item 0193b6c2…" */
export function EntityField(_props: { label?: string; sortable?: boolean }) {
  const event = useRecordContext<AuditEventRecord>();
  if (!event) return null;
  return (
    <span title={event.entityId} style={{ whiteSpace: 'nowrap' }}>
      {humanize(event.entityType)} <code>{shortId(event.entityId)}</code>
    </span>
  );
}

/** The brand's name, linked to its page; the row does not expand when the link is followed. */
export function BrandLinkField(_props: { label?: string; sortable?: boolean }) {
  const event = useRecordContext<AuditEventRecord>();
  if (!event?.brandId) return <span>—</span>;
  return (
    <Link to={`/brands/${event.brandId}/show`} onClick={(click) => click.stopPropagation()}>
      {event.brandName ?? shortId(event.brandId)}
    </Link>
  );
}

function ValueCell({ value, present, side }: { value: unknown; present: boolean; side: Side }) {
  return (
    <TableCell sx={{ bgcolor: tint(side), verticalAlign: 'top' }}>
      <Box component="pre" sx={{ m: 0, fontFamily: 'monospace', fontSize: 13, whiteSpace: 'pre-wrap', wordBreak: 'break-word', textDecoration: side === 'gone' ? 'line-through' : undefined }}>
        {formatValue(value, present)}
      </Box>
    </TableCell>
  );
}

/** Before and after side by side, one line per field, removed values struck through and new ones in green. */
export function AuditDiff() {
  const event = useRecordContext<AuditEventRecord>();
  const { setFilters, filterValues } = useListContext();
  const [showUnchanged, setShowUnchanged] = useState(false);
  if (!event) return null;
  const allRows = diffRows(event.before, event.after);
  // Snapshots repeat every field; what changed comes first and the rest waits behind a button.
  const unchanged = allRows.filter((row) => row.change === 'unchanged').length;
  const rows = showUnchanged || unchanged === allRows.length ? allRows : allRows.filter((row) => row.change !== 'unchanged');
  const narrow = (filter: Record<string, string>) => setFilters({ ...filter, from: filterValues.from, to: filterValues.to }, {});
  return (
    <Stack spacing={1.5} sx={{ py: 1, px: 2 }}>
      <Typography variant="body2" color="text.secondary">
        {new Date(event.occurredAt).toISOString()} · event <code>{event.id}</code> · {humanize(event.entityType)} <code>{event.entityId}</code>
        {event.requestId ? (
          <>
            {' '}
            · request <code>{event.requestId}</code>
          </>
        ) : null}
      </Typography>
      {allRows.length === 0 ? (
        <Typography variant="body2">No before/after details were recorded for this event.</Typography>
      ) : (
        <Table size="small" aria-label="Changes" sx={{ tableLayout: 'fixed', maxWidth: 1100 }}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 220 }}>Field</TableCell>
              {event.before ? <TableCell>Before</TableCell> : null}
              {event.after ? <TableCell>After</TableCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.field}>
                <TableCell sx={{ verticalAlign: 'top', fontFamily: 'monospace', fontSize: 13, fontWeight: row.change === 'unchanged' ? 400 : 600 }}>{row.field}</TableCell>
                {event.before ? <ValueCell value={row.before} present={row.change !== 'added'} side={SIDES[row.change].before} /> : null}
                {event.after ? <ValueCell value={row.after} present={row.change !== 'removed'} side={SIDES[row.change].after} /> : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Stack direction="row" spacing={1}>
        {unchanged > 0 && unchanged < allRows.length ? (
          <Button size="small" onClick={() => setShowUnchanged(!showUnchanged)}>
            {showUnchanged ? 'Hide' : 'Show'} {unchanged} unchanged field{unchanged === 1 ? '' : 's'}
          </Button>
        ) : null}
        <Button size="small" onClick={() => narrow({ entityType: event.entityType, entityId: event.entityId })}>
          History of this {humanize(event.entityType).toLowerCase()}
        </Button>
        {event.actorLabel ? (
          <Button size="small" onClick={() => narrow({ actor: event.actorLabel })}>
            Everything by this actor
          </Button>
        ) : null}
      </Stack>
    </Stack>
  );
}
