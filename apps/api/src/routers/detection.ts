import { conflict, detectionSettingsInput, modelVersionInput, notFound, scanIdInput, startScanInput } from '@jf/domain';
import { DetectionScan, ModelVersion, modelVersions, writeSetting, type ModelVersionRow } from '@jf/db';
import { DETECTION_SETTINGS_KEY, readDetectionSettings, retrainModel } from '../services/detection';
import { startFullScan } from '../workers/detection-scanner';
import { audit, requirePermission } from '../trpc/init';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function presentVersion(row: ModelVersionRow) {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    weights: row.weights,
    thresholds: { removeAt: row.removeThreshold, askAt: row.askThreshold },
    metrics: row.metrics,
    labelCounts: row.labelCounts,
    trainedAt: row.trainedAt.toISOString(),
    promotedAt: iso(row.promotedAt),
  };
}

function presentScan(scan: DetectionScan) {
  return {
    id: scan.id,
    state: scan.state,
    dryRun: scan.dryRun,
    modelVersion: scan.modelVersion,
    total: scan.total,
    processed: scan.processed,
    removed: scan.removed,
    asked: scan.asked,
    allowlisted: scan.allowlisted,
    startedBy: scan.startedBy ? { id: scan.startedBy.id, name: scan.startedBy.name } : null,
    startedAt: scan.startedAt.toISOString(),
    finishedAt: iso(scan.finishedAt),
    error: scan.error,
  };
}

const actorOf = (user: { id: string; email: string; role: string }) => ({ id: user.id, label: `${user.email} (${user.role})` });

export const adminDetectionRouter = {
  /** Every model version, newest first, with its held-out (and, where known, true) quality. */
  models: requirePermission('detection.read').query(async ({ ctx }) => (await modelVersions(ctx.em)).map(presentVersion)),

  /** Trains a version from every label now; it becomes active only if it beats the current one. */
  retrain: requirePermission('detection.manage').mutation(async ({ ctx }) => retrainModel(ctx.em, actorOf(ctx.user))),

  /** Makes a version the active one: a promotion of a candidate, or a rollback to an earlier version. */
  promote: requirePermission('detection.manage')
    .input(modelVersionInput)
    .mutation(async ({ ctx, input }) => {
      const target = await ctx.em.findOne(ModelVersion, { version: input.version });
      if (!target) throw notFound('Model version');
      if (target.status === 'active') throw conflict(`Version ${input.version} is already the active one`);
      const previous = await ctx.em.findOne(ModelVersion, { status: 'active' });
      if (previous) previous.status = 'retired';
      target.status = 'active';
      target.promotedAt = new Date();
      audit(ctx, {
        action: previous && previous.version > target.version ? 'model_rolled_back' : 'model_promoted',
        entityType: 'model_version',
        entityId: String(target.version),
        before: { active: previous?.version ?? null },
        after: { active: target.version },
      });
      await ctx.em.flush();
      return { active: target.version, previous: previous?.version ?? null };
    }),

  scans: requirePermission('detection.read').query(async ({ ctx }) =>
    (await ctx.em.find(DetectionScan, {}, { orderBy: { startedAt: 'DESC' }, limit: 20, populate: ['startedBy'] })).map(presentScan),
  ),

  scan: requirePermission('detection.read')
    .input(scanIdInput)
    .query(async ({ ctx, input }) => {
      const scan = await ctx.em.findOne(DetectionScan, { id: input.id }, { populate: ['startedBy'] });
      if (!scan) throw notFound('Scan');
      return presentScan(scan);
    }),

  /** Starts a full scan of every live listing (a dry run records what would happen and changes nothing). */
  startScan: requirePermission('detection.manage')
    .input(startScanInput)
    .mutation(async ({ ctx, input }) => presentScan(await startFullScan(ctx.em, actorOf(ctx.user), input.dryRun))),

  cancelScan: requirePermission('detection.manage')
    .input(scanIdInput)
    .mutation(async ({ ctx, input }) => {
      const scan = await ctx.em.findOne(DetectionScan, { id: input.id }, { populate: ['startedBy'] });
      if (!scan) throw notFound('Scan');
      if (scan.state !== 'running') throw conflict(`The scan is already ${scan.state}`);
      scan.state = 'cancelled';
      scan.finishedAt = new Date();
      audit(ctx, { action: 'detection_scan_cancelled', entityType: 'model_version', entityId: String(scan.modelVersion), after: { scanId: scan.id, processed: scan.processed } });
      return presentScan(scan);
    }),

  settings: requirePermission('detection.read').query(async ({ ctx }) => readDetectionSettings(ctx.em)),

  updateSettings: requirePermission('detection.manage')
    .input(detectionSettingsInput)
    .mutation(async ({ ctx, input }) => {
      const before = await readDetectionSettings(ctx.em);
      await writeSetting(ctx.em, DETECTION_SETTINGS_KEY, input, ctx.user.id);
      audit(ctx, { action: 'detection_settings_changed', entityType: 'model_version', entityId: 'settings', before: { ...before }, after: { ...input } });
      return input;
    }),
};
