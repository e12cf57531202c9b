import type { Logger } from 'pino';
import {
  DetectionScan,
  countScannableListings,
  expireDueAuthRequests,
  listingsAfterId,
  listingsAwaitingScore,
  modelVersions,
  recordAudit,
  type Database,
} from '@jf/db';
import { DomainError } from '@jf/domain';
import type { EntityManager } from '@mikro-orm/core';
import { loadCatalogue, readDetectionSettings, retrainModel, scanBatch, type ScanCounts } from '../services/detection';
import { runPeriodically } from './periodic';

export const SCAN_BATCH_SIZE = 500;

const addCounts = (total: ScanCounts, more: ScanCounts): ScanCounts => ({
  scanned: total.scanned + more.scanned,
  removed: total.removed + more.removed,
  asked: total.asked + more.asked,
  allowlisted: total.allowlisted + more.allowlisted,
});
const noCounts = (): ScanCounts => ({ scanned: 0, removed: 0, asked: 0, allowlisted: 0 });

/**
 * Scores listings that are new or changed since they were scored (ingestion clears their score), up
 * to `maxBatches` batches a pass; each batch commits with what it decided.
 */
export async function scanChangedListings(database: Database, now = new Date(), maxBatches = 20, batchSize = SCAN_BATCH_SIZE): Promise<ScanCounts> {
  const em = database.fork();
  const catalogue = await loadCatalogue(em);
  if (!catalogue) return noCounts();
  const settings = await readDetectionSettings(em);
  let counts = noCounts();
  for (let batch = 0; batch < maxBatches; batch++) {
    const listings = await listingsAwaitingScore(em, batchSize);
    if (listings.length === 0) break;
    counts = addCounts(counts, await scanBatch(database.fork(), catalogue, listings, { dryRun: settings.dryRun, scanId: null, settings, now }));
    if (listings.length < batchSize) break;
  }
  return counts;
}

/** Starts a full scan of every live listing with the active model; one at a time. */
export async function startFullScan(em: EntityManager, actor: { id: string; label: string }, dryRun: boolean, now = new Date()): Promise<DetectionScan> {
  if ((await em.count(DetectionScan, { state: 'running' })) > 0) throw new DomainError('conflict', 'A full scan is already running; cancel it or wait for it to finish');
  const active = (await modelVersions(em)).find((row) => row.status === 'active');
  if (!active) throw new DomainError('conflict', 'There is no active model version to scan with');
  const scan = em.create(DetectionScan, {
    dryRun,
    modelVersion: active.version,
    total: await countScannableListings(em),
    startedBy: actor.id,
    startedAt: now,
  });
  recordAudit(em, { actor, action: 'detection_scan_started', entityType: 'model_version', entityId: String(active.version), after: { scanId: scan.id, dryRun, total: scan.total } });
  await em.flush();
  return scan;
}

/**
 * Works through the running full scan from its cursor, `maxBatches` batches per call, recording
 * progress after each; a restarted worker continues where the last one stopped.
 */
export async function continueFullScan(database: Database, now = new Date(), maxBatches = 10, batchSize = SCAN_BATCH_SIZE): Promise<DetectionScan | null> {
  const em = database.fork();
  const scan = await em.findOne(DetectionScan, { state: 'running' }, { orderBy: { startedAt: 'ASC' } });
  if (!scan) return null;
  const version = (await modelVersions(em)).find((row) => row.version === scan.modelVersion);
  if (!version) {
    scan.state = 'failed';
    scan.error = `Model version ${scan.modelVersion} no longer exists`;
    scan.finishedAt = now;
    await em.flush();
    return scan;
  }
  const catalogue = await loadCatalogue(em, { version: version.version, weights: version.weights, thresholds: { removeAt: version.removeThreshold, askAt: version.askThreshold } });
  const settings = await readDetectionSettings(em);
  for (let batch = 0; batch < maxBatches; batch++) {
    const listings = await listingsAfterId(em, scan.cursor, batchSize);
    if (listings.length === 0) {
      scan.state = 'completed';
      scan.finishedAt = now;
      break;
    }
    const counts = await scanBatch(database.fork(), catalogue!, listings, { dryRun: scan.dryRun, scanId: scan.id, settings, now });
    scan.cursor = listings[listings.length - 1]!.id;
    scan.processed += listings.length;
    scan.removed += counts.removed;
    scan.asked += counts.asked;
    scan.allowlisted += counts.allowlisted;
    scan.heartbeatAt = new Date();
    // Re-read the state: a cancel from the admin lands between batches.
    const { state } = (await database.fork().findOne(DetectionScan, { id: scan.id }, { fields: ['state'] })) ?? { state: 'cancelled' };
    if (state !== 'running') {
      scan.state = state;
      await em.flush();
      return scan;
    }
    await em.flush();
  }
  await em.flush();
  return scan;
}

/** Retrains when the schedule says so (`retrainEveryHours` since the newest version). */
export async function retrainIfDue(database: Database, now = new Date()): Promise<boolean> {
  const em = database.fork();
  const settings = await readDetectionSettings(em);
  if (settings.retrainEveryHours <= 0) return false;
  const newest = (await modelVersions(em))[0];
  if (newest && now.getTime() - newest.trainedAt.getTime() < settings.retrainEveryHours * 3_600_000) return false;
  await retrainModel(em, { id: null, label: 'scheduled retraining' }, now);
  return true;
}

export interface DetectionScannerOptions {
  database: Database;
  logger: Logger;
  intervalMs?: number;
  /** How long after start the first scheduled retraining may run (the demo's first minutes stay quiet). */
  retrainAfterMs?: number;
}

/** The scanner worker: new and changed listings, the running full scan, expiries, scheduled retraining. */
export function startDetectionScanner(options: DetectionScannerOptions) {
  const startedAt = Date.now();
  const pass = async () => {
    const now = new Date();
    const counts = await scanChangedListings(options.database, now);
    if (counts.removed + counts.asked > 0) options.logger.info(counts, 'detection scanned changed listings');
    await continueFullScan(options.database, now);
    await expireDueAuthRequests(options.database.fork(), now);
    if (Date.now() - startedAt >= (options.retrainAfterMs ?? 10 * 60_000)) await retrainIfDue(options.database, now);
  };
  return runPeriodically(pass, options.intervalMs ?? 2_000, options.logger, 'detection scanner pass failed');
}
