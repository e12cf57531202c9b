import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Chip,
  CircularProgress,
  Link as MuiLink,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  type ChipProps,
} from '@mui/material';
import { Link } from 'react-router';
import { RECENT_REJECTION_DAYS, type AttentionReason } from '@jf/domain';
import { toHttpError } from '../providers/data';
import { trpc, type WorkspaceRow } from '../providers/trpc';
import { formatAccuracy, GFT_STATUS_TONES } from '../resources/brands/brand-fields';
import { StatusChip } from '../ui/status-chip';
import { brandsFilteredBy } from './overview-parts';

type Workspace = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; rows: WorkspaceRow[] };

/** The first rows shown; the rest open on request so the home page stays short. */
const FIRST_ROWS = 8;

const count = (value: number, one: string, many: string) => `${value} ${value === 1 ? one : many}`;

/** Each reason in plain words with its figure, coloured by how soon it needs acting on. */
const REASONS: Record<AttentionReason, { tone: ChipProps['color']; label: (row: WorkspaceRow) => string }> = {
  gft_at_risk: { tone: 'error', label: (row) => `GFT at risk: accuracy ${formatAccuracy(row.accuracy)}` },
  unread_messages: { tone: 'warning', label: (row) => count(row.unreadThreads, 'unread conversation', 'unread conversations') },
  overdue_auth_requests: {
    tone: 'warning',
    label: (row) => count(row.overdueAuthRequests, 'overdue authentication request', 'overdue authentication requests'),
  },
  pending_appeals: { tone: 'info', label: (row) => count(row.pendingAppeals, 'pending appeal', 'pending appeals') },
  recent_rejections: {
    tone: 'default',
    label: (row) => `${count(row.recentRejections, 'rejection', 'rejections')} in ${RECENT_REJECTION_DAYS} days`,
  },
  open_notice_items: { tone: 'default', label: (row) => count(row.openNoticeItems, 'open notice item', 'open notice items') },
};

/** Unknown reasons (a newer API) still show, in the API's own words. */
function ReasonChip({ reason, row }: { reason: string; row: WorkspaceRow }) {
  const known = REASONS[reason as AttentionReason];
  return <Chip size="small" color={known?.tone ?? 'default'} variant={known?.tone === 'default' ? 'outlined' : 'filled'} label={known ? known.label(row) : reason.replace(/_/g, ' ')} />;
}

const unreadThreadsOf = (brandId: string) => `/threads?filter=${encodeURIComponent(JSON.stringify({ brandId, unread: true }))}`;

/**
 * The caller's brands in the order the server ranked them (a brand about to lose the fast track
 * first, then unanswered messages, then backlog); brands with nothing waiting are only counted.
 */
export function NeedsAttention({ managerId }: { managerId?: string }) {
  const [workspace, setWorkspace] = useState<Workspace>({ status: 'loading' });
  const [showAll, setShowAll] = useState(false);

  useEffect(() => {
    let live = true;
    trpc.admin.accounts.workspace.query().then(
      (rows) => live && setWorkspace({ status: 'ready', rows }),
      (error: unknown) => live && setWorkspace({ status: 'error', message: toHttpError(error).message }),
    );
    return () => {
      live = false;
    };
  }, []);

  if (workspace.status === 'loading') return <CircularProgress aria-label="Loading the brands that need attention" />;
  if (workspace.status === 'error') return <Alert severity="error">The workspace could not be loaded: {workspace.message}</Alert>;

  const waiting = workspace.rows.filter((row) => row.reasons.length > 0);
  const quiet = workspace.rows.length - waiting.length;
  const shown = showAll ? waiting : waiting.slice(0, FIRST_ROWS);
  const allBrands = managerId ? brandsFilteredBy({ accountManagerId: managerId }) : '/brands';

  return (
    <Card component="section" aria-label="Needs attention">
      {waiting.length === 0 ? (
        <Alert severity="success" sx={{ m: 2 }}>
          Nothing is waiting on {managerId ? 'your brands' : 'any brand'} right now.
        </Alert>
      ) : (
        <Table size="small" aria-label="Brands that need attention">
          <TableHead>
            <TableRow>
              <TableCell>Brand</TableCell>
              <TableCell>GFT status</TableCell>
              <TableCell>Accuracy (90 d)</TableCell>
              <TableCell>Why</TableCell>
              <TableCell>Messages</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((row) => (
              <TableRow key={row.brandId} sx={row.gftAtRisk ? { bgcolor: 'rgba(211, 47, 47, 0.05)' } : undefined}>
                <TableCell component="th" scope="row">
                  <MuiLink component={Link} to={`/brands/${row.brandId}/show`}>
                    {row.brandName}
                  </MuiLink>
                </TableCell>
                <TableCell>
                  <StatusChip value={row.gftStatus} tones={GFT_STATUS_TONES} />
                </TableCell>
                <TableCell>{formatAccuracy(row.accuracy)}</TableCell>
                <TableCell>
                  <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                    {row.reasons.map((reason) => (
                      <ReasonChip key={reason} reason={reason} row={row} />
                    ))}
                  </Stack>
                </TableCell>
                <TableCell>
                  {row.unreadThreads > 0 ? (
                    <MuiLink component={Link} to={unreadThreadsOf(row.brandId)}>
                      {`Read ${count(row.unreadThreads, 'unread conversation', 'unread conversations')}`}
                    </MuiLink>
                  ) : (
                    <Typography variant="body2" color="text.secondary">
                      Nothing unread
                    </Typography>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Stack direction="row" spacing={2} sx={{ px: 2, py: 1, alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        {waiting.length > FIRST_ROWS ? (
          <Button size="small" onClick={() => setShowAll(!showAll)}>
            {showAll ? 'Show fewer' : `Show all ${waiting.length} brands that need attention`}
          </Button>
        ) : null}
        <Typography variant="body2" color="text.secondary">
          {quiet > 0 ? `${count(quiet, 'other brand needs', 'other brands need')} nothing right now. ` : ''}
          <MuiLink component={Link} to={allBrands}>
            {managerId ? 'All my brands' : 'All brands'}
          </MuiLink>
        </Typography>
      </Stack>
    </Card>
  );
}
