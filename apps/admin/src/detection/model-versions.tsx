import { Fragment, useState } from 'react';
import {
  Alert,
  Box,
  Card,
  CardContent,
  CircularProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import ModelTrainingIcon from '@mui/icons-material/ModelTraining';
import PublishIcon from '@mui/icons-material/Publish';
import RestoreIcon from '@mui/icons-material/Restore';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip as ChartTooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Button, Confirm, useNotify } from 'react-admin';
import { toHttpError } from '../providers/data';
import { trpc, type ModelVersionRecord } from '../providers/trpc';
import { formatShortDateTime } from '../resources/appeals/appeal-fields';
import { StatusChip } from '../ui/status-chip';
import { formatRatio, metricsOf } from './model-metrics';

/**
 * A wide table scrolls inside its card: width 0 keeps it out of the page's intrinsic width (the layout's
 * flex content would otherwise grow past the window), min-width 100% gives it the card's width back.
 */
export const SCROLL_X = { width: 0, minWidth: '100%', overflowX: 'auto' } as const;

const STATUS_TONES = {
  active: 'success',
  candidate: 'info',
  retired: 'default',
  rejected: 'warning',
} as const;

/** Runs one detection mutation, says how it went, and reloads what it changed. */
export function useDetectionAction(onDone: () => void) {
  const notify = useNotify();
  const [pending, setPending] = useState(false);
  async function run<T>(request: () => Promise<T>, success: (result: T) => string): Promise<boolean> {
    setPending(true);
    try {
      const result = await request();
      notify(success(result), { type: 'success', autoHideDuration: 8_000 });
      return true;
    } catch (error) {
      notify(toHttpError(error).message, { type: 'error', autoHideDuration: 10_000 });
      return false;
    } finally {
      setPending(false);
      onDone();
    }
  }
  return { run, pending };
}

export function RetrainButton({
  active,
  onDone,
}: {
  active: ModelVersionRecord | undefined;
  onDone: () => void;
}) {
  const [open, setOpen] = useState(false);
  const { run, pending } = useDetectionAction(onDone);
  return (
    <>
      <Button label="Retrain now" variant="contained" onClick={() => setOpen(true)} disabled={pending}>
        {pending ? <CircularProgress size={16} /> : <ModelTrainingIcon />}
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title="Retrain the detection model now?"
        content={`A new version is trained from every label gathered so far and evaluated on held-out labels. It replaces ${
          active ? `version ${active.version}` : 'the current model'
        } only if it does better; otherwise it is kept as rejected.`}
        confirm="Retrain"
        onClose={() => setOpen(false)}
        onConfirm={() => {
          setOpen(false);
          void run(
            () => trpc.admin.detection.retrain.mutate(),
            (outcome) =>
              `Version ${outcome.version} ${outcome.promoted ? 'is trained and now active' : 'is trained but not promoted'}: ${outcome.reason}`,
          );
        }}
      />
    </>
  );
}

/** Makes an older version active again (roll back) or a newer one (promote), after a confirmation. */
function PromoteButton({
  version,
  active,
  onDone,
}: {
  version: ModelVersionRecord;
  active: ModelVersionRecord | undefined;
  onDone: () => void;
}) {
  const [open, setOpen] = useState(false);
  const { run, pending } = useDetectionAction(onDone);
  const rollback = active !== undefined && version.version < active.version;
  const label = rollback ? `Roll back to v${version.version}` : `Promote v${version.version}`;
  return (
    <>
      <Button
        label={label}
        size="small"
        variant="outlined"
        color={rollback ? 'warning' : 'primary'}
        onClick={() => setOpen(true)}
        disabled={pending}
        sx={{ whiteSpace: 'nowrap' }}
      >
        {rollback ? <RestoreIcon /> : <PublishIcon />}
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title={`${label}?`}
        content={`Version ${version.version} scores every listing from now on${active ? `; version ${active.version} is retired` : ''}. Listings already removed or asked about stay as they are.`}
        confirm={rollback ? 'Roll back' : 'Promote'}
        confirmColor={rollback ? 'warning' : 'primary'}
        onClose={() => setOpen(false)}
        onConfirm={() => {
          setOpen(false);
          void run(
            () => trpc.admin.detection.promote.mutate({ version: version.version }),
            (result) =>
              `Version ${result.active} is active${result.previous !== null ? ` (was ${result.previous})` : ''}`,
          );
        }}
      />
    </>
  );
}

const pct = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

/** Every version, newest first, with its held-out (and, where the simulator's truth was used, true) quality. */
export function ModelVersionsTable({
  versions,
  canManage,
  onChanged,
}: {
  versions: ModelVersionRecord[];
  canManage: boolean;
  onChanged: () => void;
}) {
  const active = versions.find((version) => version.status === 'active');
  return (
    <Box sx={SCROLL_X}>
      <Table size="small" aria-label="Model versions">
        <TableHead>
          <TableRow>
            <TableCell>Version</TableCell>
            <TableCell>Status</TableCell>
            <TableCell align="right">Precision</TableCell>
            <TableCell align="right">Recall</TableCell>
            <TableCell align="right">F1</TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
              True P / R
            </TableCell>
            <TableCell>Thresholds</TableCell>
            <TableCell>Labels</TableCell>
            <TableCell>Trained, promoted</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {versions.map((version) => {
            const metrics = metricsOf(version);
            const hasTruth = metrics.truePrecision !== null || metrics.trueRecall !== null;
            const explained = metrics.decision !== null || metrics.askRate !== null;
            return (
              <Fragment key={version.id}>
                <TableRow
                  selected={version.status === 'active'}
                  sx={explained ? { '& > *': { borderBottom: 0 } } : undefined}
                >
                  <TableCell component="th" scope="row" rowSpan={explained ? 2 : 1} sx={{ fontWeight: 600 }}>
                    v{version.version}
                  </TableCell>
                  <TableCell>
                    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
                      <StatusChip value={version.status} tones={STATUS_TONES} />
                      {/* Beside the status, so the action stays in view when the table scrolls. */}
                      {canManage && version.status !== 'active' ? (
                        <PromoteButton version={version} active={active} onDone={onChanged} />
                      ) : null}
                    </Stack>
                  </TableCell>
                  <TableCell align="right">{formatRatio(metrics.precision)}</TableCell>
                  <TableCell align="right">{formatRatio(metrics.recall)}</TableCell>
                  <TableCell align="right">{formatRatio(metrics.f1)}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {hasTruth
                      ? `${formatRatio(metrics.truePrecision)} / ${formatRatio(metrics.trueRecall)}`
                      : '—'}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Typography variant="body2">remove ≥ {version.thresholds.removeAt.toFixed(2)}</Typography>
                    <Typography variant="body2">ask ≥ {version.thresholds.askAt.toFixed(2)}</Typography>
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Typography variant="body2">
                      {version.labelCounts.counterfeit ?? 0} counterfeit
                    </Typography>
                    <Typography variant="body2">{version.labelCounts.genuine ?? 0} genuine</Typography>
                    <Typography variant="caption" color="text.secondary">
                      {version.labelCounts.heldOut ?? metrics.heldOutExamples ?? 0} held out
                    </Typography>
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Typography variant="body2">{formatShortDateTime(version.trainedAt)}</Typography>
                    <Typography variant="caption" color="text.secondary">
                      {version.promotedAt
                        ? `promoted ${formatShortDateTime(version.promotedAt)}`
                        : 'never promoted'}
                    </Typography>
                  </TableCell>
                </TableRow>
                {/* The trainer's reason reads as a sentence: a line of its own under its version, not a narrow column. */}
                {explained ? (
                  <TableRow selected={version.status === 'active'}>
                    <TableCell colSpan={8} sx={{ pt: 0 }}>
                      <Typography variant="body2" color="text.secondary">
                        {metrics.decision ? `Decision: ${metrics.decision}` : ''}
                        {metrics.askRate !== null
                          ? ` Asks brands about ${pct(metrics.askRate)} of held-out listings.`
                          : ''}
                      </Typography>
                    </TableCell>
                  </TableRow>
                ) : null}
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}

/** Precision and recall per version, oldest left; the true figures dashed where the demo measured them. */
export function QualityChart({ versions }: { versions: ModelVersionRecord[] }) {
  const data = [...versions]
    .sort((a, b) => a.version - b.version)
    .map((version) => {
      const metrics = metricsOf(version);
      return {
        name: `v${version.version}`,
        precision: metrics.precision,
        recall: metrics.recall,
        truePrecision: metrics.truePrecision,
        trueRecall: metrics.trueRecall,
      };
    });
  const truth = data.some((point) => point.truePrecision !== null || point.trueRecall !== null);
  return (
    <figure
      aria-label="Precision and recall by model version"
      style={{ margin: 0, width: '100%', height: 240 }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" padding={{ left: 40, right: 40 }} />
          <YAxis
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            tickFormatter={(value: number) => value.toFixed(2)}
          />
          <ChartTooltip
            formatter={(value) => (typeof value === 'number' ? value.toFixed(3) : String(value))}
          />
          <Legend />
          <Line
            type="monotone"
            dataKey="precision"
            name="Precision"
            stroke="#1565c0"
            strokeWidth={2}
            isAnimationActive={false}
            connectNulls
          />
          <Line
            type="monotone"
            dataKey="recall"
            name="Recall"
            stroke="#2e7d32"
            strokeWidth={2}
            isAnimationActive={false}
            connectNulls
          />
          {truth ? (
            <Line
              type="monotone"
              dataKey="truePrecision"
              name="True precision"
              stroke="#1565c0"
              strokeDasharray="5 4"
              isAnimationActive={false}
              connectNulls
            />
          ) : null}
          {truth ? (
            <Line
              type="monotone"
              dataKey="trueRecall"
              name="True recall"
              stroke="#2e7d32"
              strokeDasharray="5 4"
              isAnimationActive={false}
              connectNulls
            />
          ) : null}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** The model section of the Detection page: versions, their curve, and for platform admins retrain, promote and roll back. */
export function ModelSection({
  versions,
  canManage,
  onChanged,
}: {
  versions: ModelVersionRecord[];
  canManage: boolean;
  onChanged: () => void;
}) {
  const active = versions.find((version) => version.status === 'active');
  return (
    <Card component="section" aria-labelledby="models-heading" sx={{ mb: 2 }}>
      <CardContent>
        <Stack
          direction="row"
          spacing={2}
          sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, flexWrap: 'wrap' }}
          useFlexGap
        >
          <Box>
            <Typography variant="h6" component="h2" id="models-heading">
              Model versions
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {active
                ? `Version ${active.version} scores listings now.`
                : 'No version is active: nothing is scored.'}{' '}
              Retraining keeps a new version only when it beats the active one on the same held-out labels.
            </Typography>
          </Box>
          {canManage ? <RetrainButton active={active} onDone={onChanged} /> : null}
        </Stack>
        {versions.length === 0 ? (
          <Alert severity="info">No model has been trained yet.</Alert>
        ) : (
          <>
            <ModelVersionsTable versions={versions} canManage={canManage} onChanged={onChanged} />
            <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
              Held-out quality by version
            </Typography>
            <QualityChart versions={versions} />
          </>
        )}
      </CardContent>
    </Card>
  );
}
