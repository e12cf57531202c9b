import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Card,
  CardContent,
  FormControlLabel,
  LinearProgress,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import StopIcon from '@mui/icons-material/Stop';
import { Button, Confirm } from 'react-admin';
import { trpc, type DetectionScanRecord } from '../providers/trpc';
import { formatDateTime } from '../resources/appeals/appeal-fields';
import { StatusChip } from '../ui/status-chip';
import { SCROLL_X, useDetectionAction } from './model-versions';

const POLL_MS = 2_000;
const SCAN_TONES = { running: 'info', completed: 'success', failed: 'error', cancelled: 'default' } as const;
const count = new Intl.NumberFormat();

/** Follows the running scan every two seconds until it stops, then hands the final state back. */
function useRunningScan(initial: DetectionScanRecord | undefined, onStopped: () => void): DetectionScanRecord | undefined {
  const [scan, setScan] = useState(initial);
  useEffect(() => setScan(initial), [initial]);
  const id = scan?.state === 'running' ? scan.id : null;
  useEffect(() => {
    if (!id) return;
    let live = true;
    const timer = window.setInterval(() => {
      trpc.admin.detection.scan.query({ id }).then(
        (next) => {
          if (!live) return;
          setScan(next);
          if (next.state !== 'running') onStopped();
        },
        // A failed poll (a restart, a blip) is retried on the next tick.
        () => undefined,
      );
    }, POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [id, onStopped]);
  return scan;
}

function ScanCounts({ scan }: { scan: DetectionScanRecord }) {
  const would = scan.dryRun ? 'would be ' : '';
  return (
    <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <Typography variant="body2">
        <strong>{count.format(scan.removed)}</strong> {would}removed
      </Typography>
      <Typography variant="body2">
        <strong>{count.format(scan.asked)}</strong> {scan.dryRun ? 'would be asked' : 'asked'} of brands
      </Typography>
      <Typography variant="body2">
        <strong>{count.format(scan.allowlisted)}</strong> spared (allowlisted seller)
      </Typography>
    </Stack>
  );
}

function RunningScan({ scan, canManage, onChanged }: { scan: DetectionScanRecord; canManage: boolean; onChanged: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const { run, pending } = useDetectionAction(onChanged);
  const share = scan.total > 0 ? Math.min(100, (scan.processed / scan.total) * 100) : 0;
  return (
    <Box component="section" aria-label="Running scan" sx={{ p: 2, mb: 2, border: 1, borderColor: 'info.light', borderRadius: 1 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="subtitle1" component="h3">
          {scan.dryRun ? 'Dry run' : 'Full scan'} with model v{scan.modelVersion}, started {formatDateTime(scan.startedAt)}
          {scan.startedBy ? ` by ${scan.startedBy.name}` : ''}
        </Typography>
        {canManage ? (
          <Button label="Cancel scan" color="error" variant="outlined" onClick={() => setConfirming(true)} disabled={pending}>
            <StopIcon />
          </Button>
        ) : null}
      </Stack>
      <LinearProgress variant="determinate" value={share} aria-label="Scan progress" sx={{ height: 10, borderRadius: 5, mb: 1 }} />
      <Typography variant="body2" sx={{ mb: 1, fontVariantNumeric: 'tabular-nums' }}>
        {count.format(scan.processed)} of {count.format(scan.total)} listings ({share.toFixed(1)}%)
      </Typography>
      <ScanCounts scan={scan} />
      <Confirm
        isOpen={confirming}
        loading={pending}
        title="Cancel the running scan?"
        content={`It stops after ${count.format(scan.processed)} of ${count.format(scan.total)} listings; what it already did stays done.`}
        confirm="Cancel scan"
        cancel="Keep scanning"
        confirmColor="warning"
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void run(() => trpc.admin.detection.cancelScan.mutate({ id: scan.id }), () => 'The scan is cancelled');
        }}
      />
    </Box>
  );
}

function StartScan({ onChanged, dryRunDefault }: { onChanged: () => void; dryRunDefault: boolean }) {
  const [dryRun, setDryRun] = useState(dryRunDefault);
  const [confirming, setConfirming] = useState(false);
  const { run, pending } = useDetectionAction(onChanged);
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }} useFlexGap>
      <Button label="Start full scan" variant="contained" onClick={() => setConfirming(true)} disabled={pending}>
        <PlayArrowIcon />
      </Button>
      <FormControlLabel control={<Switch checked={dryRun} onChange={(event) => setDryRun(event.target.checked)} />} label="Dry run (record what would happen, change nothing)" />
      <Confirm
        isOpen={confirming}
        loading={pending}
        title={dryRun ? 'Start a dry run over every live listing?' : 'Scan every live listing now?'}
        content={
          dryRun
            ? 'Every live listing is scored with the active model; the decision log records what would be removed or asked, and nothing changes.'
            : 'Every live listing is scored with the active model: those at or above the removal threshold are removed, those in the uncertain band are sent to their brands.'
        }
        confirm={dryRun ? 'Start dry run' : 'Start scan'}
        confirmColor={dryRun ? 'primary' : 'warning'}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void run(() => trpc.admin.detection.startScan.mutate({ dryRun }), (scan) => `${scan.dryRun ? 'Dry run' : 'Scan'} started over ${count.format(scan.total)} listings`);
        }}
      />
    </Stack>
  );
}

/** Full scans: start one (platform admins), follow the running one, and the latest ones' outcomes. */
export function ScansPanel({ scans, canManage, dryRunSetting, onChanged }: { scans: DetectionScanRecord[]; canManage: boolean; dryRunSetting: boolean; onChanged: () => void }) {
  const running = useRunningScan(
    scans.find((scan) => scan.state === 'running'),
    onChanged,
  );
  const isRunning = running?.state === 'running';
  const past = scans.filter((scan) => scan.id !== running?.id || !isRunning);
  return (
    <Card component="section" aria-labelledby="scans-heading" sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2" id="scans-heading">
          Full scans
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          New and changed listings are scored as they arrive; a full scan rescores every live listing, e.g. after a new version is promoted.
        </Typography>
        {isRunning && running ? <RunningScan scan={running} canManage={canManage} onChanged={onChanged} /> : null}
        {canManage && !isRunning ? <StartScan onChanged={onChanged} dryRunDefault={dryRunSetting} /> : null}
        {past.length === 0 ? (
          isRunning ? null : <Alert severity="info">No full scan has run yet.</Alert>
        ) : (
          <Box sx={SCROLL_X}>
            <Table size="small" aria-label="Recent scans">
              <TableHead>
                <TableRow>
                  <TableCell>Started</TableCell>
                  <TableCell>By</TableCell>
                  <TableCell>State</TableCell>
                  <TableCell>Model</TableCell>
                  <TableCell align="right">Processed</TableCell>
                  <TableCell align="right">Removed</TableCell>
                  <TableCell align="right">Asked</TableCell>
                  <TableCell align="right">Allowlisted</TableCell>
                  <TableCell>Finished</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {past.map((scan) => (
                  <TableRow key={scan.id}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(scan.startedAt)}</TableCell>
                    <TableCell>{scan.startedBy?.name ?? 'system'}</TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={0.5}>
                        <StatusChip value={scan.state} tones={SCAN_TONES} />
                        {scan.dryRun ? <StatusChip value="dry_run" tones={{}} /> : null}
                      </Stack>
                      {scan.error ? (
                        <Typography variant="caption" color="error">
                          {scan.error}
                        </Typography>
                      ) : null}
                    </TableCell>
                    <TableCell>v{scan.modelVersion}</TableCell>
                    <TableCell align="right">
                      {count.format(scan.processed)} / {count.format(scan.total)}
                    </TableCell>
                    <TableCell align="right">{count.format(scan.removed)}</TableCell>
                    <TableCell align="right">{count.format(scan.asked)}</TableCell>
                    <TableCell align="right">{count.format(scan.allowlisted)}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(scan.finishedAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
