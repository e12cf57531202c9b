/**
 * Proactive detection over the database: score listings with the active model, act on the decisions
 * (remove, ask the brand, or nothing), keep labels from every human judgement, and retrain.
 * The maths is `@jf/detection`'s, the rules `@jf/domain`'s; this file moves rows between them.
 */
import {
  DetectionLabel,
  activeModelVersion,
  allLabels,
  allowlistKey,
  allowlistKeys,
  applyDetectionActions,
  detectionProducts,
  insertLabels,
  listingEnforcement,
  listingsByIds,
  nextModelVersionNumber,
  readSetting,
  recordAudit,
  saveModelVersion,
  sellerHistory,
  storedListingFeatures,
  unlabelledJudgements,
  writeListingScores,
  type AuthRequestDraft,
  type DecisionDraft,
  type DetectionProductRow,
  type LabelDraft,
  type ModelVersionRow,
  type PastJudgement,
  type ProactiveRemovalDraft,
  type ScanListingRow,
} from '@jf/db';
import {
  FEATURE_NAMES,
  ProductMatcher,
  decide,
  explainScore,
  extractFeatures,
  retrain,
  scoreListing,
  toUsd,
  type DetectionModel,
  type Features,
  type ProductForDetection,
} from '@jf/detection';
import {
  DEFAULT_DETECTION_SETTINGS,
  askedRecentlySince,
  authRequestDueAt,
  brandAnswersAuthRequests,
  detectionActionFor,
  labelFromAppealOutcome,
  labelFromAuthAnswer,
  labelFromGftAudit,
  labelFromReviewDecision,
  type DetectionSettings,
} from '@jf/domain';
import type { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';

export const DETECTION_SETTINGS_KEY = 'detection';
const detectionSettingsSchema = z.object({
  dryRun: z.boolean(),
  authDueHours: z.number().positive(),
  retrainEveryHours: z.number().min(0),
});

export const readDetectionSettings = (em: EntityManager): Promise<DetectionSettings> =>
  readSetting(em, DETECTION_SETTINGS_KEY, detectionSettingsSchema, DEFAULT_DETECTION_SETTINGS);

export const modelOf = (row: ModelVersionRow): DetectionModel => ({
  version: row.version,
  weights: row.weights,
  thresholds: { removeAt: row.removeThreshold, askAt: row.askThreshold },
});

/** Everything scoring needs that does not change listing by listing; read once per pass. */
export interface DetectionCatalogue {
  model: DetectionModel;
  matcher: ProductMatcher;
  products: Map<string, DetectionProductRow>;
  allowlist: Set<string>;
  /** Sellers' history read so far in this pass: a full scan meets the same sellers batch after batch. */
  sellers: Map<string, { pastRemovals: number; relatedAccounts: number }>;
}

export async function loadCatalogue(em: EntityManager, model?: DetectionModel): Promise<DetectionCatalogue | null> {
  const active = model ?? (await activeModelVersion(em).then((row) => (row ? modelOf(row) : null)));
  if (!active) return null;
  const products = await detectionProducts(em);
  const forDetection: ProductForDetection[] = products.map((product) => ({ ...product }));
  return {
    model: active,
    matcher: new ProductMatcher(forDetection),
    products: new Map(products.map((product) => [product.id, product])),
    allowlist: await allowlistKeys(em),
    sellers: new Map(),
  };
}

/** One listing's score and what the model alone would do with it. */
export interface ScoredListing {
  listing: ScanListingRow;
  features: Features;
  score: number;
  product: DetectionProductRow | null;
  /** The seller's history as counted (the features hold it scaled). */
  seller: { pastRemovals: number; relatedAccounts: number };
  allowlisted: boolean;
  modelDecision: 'remove' | 'ask' | 'none';
}

export async function scoreListings(em: EntityManager, catalogue: DetectionCatalogue, listings: readonly ScanListingRow[], now: Date): Promise<ScoredListing[]> {
  const history = catalogue.sellers;
  const unknown = [...new Set(listings.map((listing) => listing.sellerId))].filter((id) => !history.has(id));
  for (const [id, seen] of await sellerHistory(em, unknown)) history.set(id, seen);
  return listings.map((listing) => {
    const seller = history.get(listing.sellerId) ?? { pastRemovals: 0, relatedAccounts: 0 };
    const match = catalogue.matcher.match(listing);
    const features = extractFeatures(
      listing,
      { registeredAt: listing.sellerRegisteredAt, strikeCount: listing.sellerStrikes, pastRemovals: seller.pastRemovals, relatedAccounts: seller.relatedAccounts },
      match,
      now,
    );
    const score = scoreListing(catalogue.model, features);
    const product = match ? (catalogue.products.get(match.product.id) ?? null) : null;
    const allowlisted = product !== null && catalogue.allowlist.has(allowlistKey(product.brandId, listing.marketplace, listing.sellerExternalId));
    const brandAnswersRequests = product !== null && brandAnswersAuthRequests({ status: product.brandStatus, jointForcePhase: product.brandPhase });
    return { listing, features, score, product, seller, allowlisted, modelDecision: decide(score, catalogue.model.thresholds, { allowlisted, brandAnswersRequests }) };
  });
}

/** The signals a brand is shown with a request: the score, the matched product and the strongest reasons. */
export function requestSignals(scored: ScoredListing, model: DetectionModel, now: Date): Record<string, number | string | boolean> {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  const signals: Record<string, number | string | boolean> = { score: round(scored.score) };
  if (scored.product) {
    signals.matchedProduct = scored.product.name;
    signals.priceRatio = round(toUsd(scored.listing.priceCents, scored.listing.currency) / Math.max(1, toUsd(scored.product.msrpCents, scored.product.currency)));
  }
  signals.sellerAgeDays = Math.max(0, Math.floor((now.getTime() - scored.listing.sellerRegisteredAt.getTime()) / 86_400_000));
  // The strongest reasons, as the brand can read them: counts and flags, not the model's scaled inputs.
  const readable: Partial<Record<string, number | boolean>> = {
    sellerStrikes: scored.listing.sellerStrikes,
    pastRemovals: scored.seller.pastRemovals,
    relatedAccounts: scored.seller.relatedAccounts,
    suspiciousTerms: scored.features.suspiciousTerms > 0,
    officialTerms: scored.features.officialTerms > 0,
    categoryMatch: scored.features.categoryMatch > 0,
  };
  for (const signal of explainScore(model, scored.features, 4)) {
    if (signal.contribution > 0 && signal.feature !== 'priceRatio' && signal.feature !== 'sellerAge') signals[signal.feature] = readable[signal.feature] ?? round(signal.value);
  }
  return signals;
}

export interface ScanCounts {
  scanned: number;
  removed: number;
  asked: number;
  allowlisted: number;
}

export interface ScanOptions {
  dryRun: boolean;
  scanId: string | null;
  settings: DetectionSettings;
  now: Date;
}

/**
 * Scores a batch and acts on it in one transaction. In a dry run the scores are kept but nothing is
 * removed and nobody is asked: the decision log says what would have happened. (Leaving a dry run, a
 * full scan acts on what was only scored.)
 */
export async function scanBatch(em: EntityManager, catalogue: DetectionCatalogue, listings: readonly ScanListingRow[], options: ScanOptions): Promise<ScanCounts> {
  const { now, dryRun } = options;
  const live = listings.filter((listing) => listing.status !== 'removed');
  const counts: ScanCounts = { scanned: live.length, removed: 0, asked: 0, allowlisted: 0 };
  if (live.length === 0) return counts;
  const scored = await scoreListings(em, catalogue, live, now);
  const flagged = scored.filter((entry) => entry.modelDecision !== 'none' || entry.allowlisted);
  const known = await listingEnforcement(em, flagged.map((entry) => entry.listing.id), askedRecentlySince(now));
  const removals: ProactiveRemovalDraft[] = [];
  const requests: AuthRequestDraft[] = [];
  const decisions: DecisionDraft[] = [];
  const version = catalogue.model.version;
  for (const entry of flagged) {
    const { listing, product } = entry;
    const base = { listingId: listing.id, brandId: product?.brandId ?? null, modelVersion: version, score: entry.score, dryRun, scanId: options.scanId };
    if (entry.allowlisted) {
      // Only listings the model would have acted on are worth logging as held back.
      if (entry.score >= catalogue.model.thresholds.askAt) {
        decisions.push({ ...base, decision: 'allowlisted' });
        counts.allowlisted++;
      }
      continue;
    }
    const state = known.get(listing.id)!;
    const action = detectionActionFor(entry.modelDecision, { status: listing.status, resemblesProduct: product !== null, ...state });
    if (action === 'none') continue;
    if (action === 'ask' && !brandAnswersAuthRequests({ status: product!.brandStatus, jointForcePhase: product!.brandPhase })) continue;
    decisions.push({ ...base, decision: action });
    if (action === 'remove') {
      counts.removed++;
      removals.push({ listingId: listing.id, marketplace: listing.marketplace, externalId: listing.externalId, brandId: product!.brandId, score: entry.score, modelVersion: version });
    } else {
      counts.asked++;
      requests.push({
        listingId: listing.id,
        marketplace: listing.marketplace,
        brandId: product!.brandId,
        productId: product!.id,
        score: entry.score,
        signals: requestSignals(entry, catalogue.model, now),
        dueAt: authRequestDueAt(now, options.settings),
        title: listing.title,
      });
    }
  }
  await em.transactional(async (tx) => {
    await writeListingScores(
      tx,
      scored.map((entry) => ({
        id: entry.listing.id,
        score: entry.score,
        features: entry.features,
        modelVersion: version,
        brandId: entry.product?.brandId ?? null,
        productId: entry.product?.id ?? null,
      })),
      now,
    );
    await applyDetectionActions(tx, dryRun ? { removals: [], requests: [], decisions } : { removals, requests, decisions }, now);
  });
  // In a dry run the counts say what would have been done.
  return counts;
}

/** Features for listings as a label keeps them: those the model saw when it scored, else computed now. */
export async function featuresForListings(em: EntityManager, listingIds: readonly string[], now: Date): Promise<Map<string, Record<string, number>>> {
  const unique = [...new Set(listingIds)];
  const stored = await storedListingFeatures(em, unique);
  const missing = unique.filter((id) => !stored.has(id));
  if (missing.length > 0) {
    const catalogue = await loadCatalogue(em, { version: 0, weights: {}, thresholds: { removeAt: 1, askAt: 1 } });
    const scored = await scoreListings(em, catalogue!, await listingsByIds(em, missing), now);
    for (const entry of scored) stored.set(entry.listing.id, entry.features);
  }
  return stored;
}

const labelOf = (judgement: PastJudgement): boolean | null => {
  switch (judgement.source) {
    case 'authentication':
      return labelFromAuthAnswer(judgement.answer);
    case 'review':
      return labelFromReviewDecision(judgement.decision, judgement.rejectionCode);
    case 'gft_audit':
      return labelFromGftAudit(judgement.upheld);
    case 'appeal':
      return labelFromAppealOutcome(judgement.state);
  }
};

async function labelDrafts(em: EntityManager, judgements: readonly PastJudgement[], now: Date): Promise<LabelDraft[]> {
  const meaningful = judgements.flatMap((judgement) => {
    const counterfeit = labelOf(judgement);
    return counterfeit === null ? [] : [{ judgement, counterfeit }];
  });
  if (meaningful.length === 0) return [];
  const features = await featuresForListings(em, meaningful.map(({ judgement }) => judgement.listingId), now);
  return meaningful.flatMap(({ judgement, counterfeit }) => {
    const listingFeatures = features.get(judgement.listingId);
    return listingFeatures
      ? [{ listingId: judgement.listingId, brandId: judgement.brandId, counterfeit, source: judgement.source, sourceId: judgement.sourceId, features: listingFeatures }]
      : [];
  });
}

/**
 * Queues the labels of judgements just made in the caller's unit of work, so a label exists exactly
 * when the decision it comes from was committed.
 */
export async function queueLabels(em: EntityManager, judgements: readonly PastJudgement[], now = new Date()): Promise<void> {
  for (const draft of await labelDrafts(em, judgements, now)) {
    em.create(DetectionLabel, {
      listing: draft.listingId,
      brand: draft.brandId,
      counterfeit: draft.counterfeit,
      source: draft.source,
      sourceId: draft.sourceId,
      features: draft.features,
      createdAt: now,
    });
  }
}

/** Labels every past judgement that has none yet (the seeded history, or decisions from before labelling). */
export async function labelPastJudgements(em: EntityManager, now = new Date(), batch = 2000): Promise<number> {
  let total = 0;
  for (;;) {
    const judgements = await unlabelledJudgements(em, batch);
    if (judgements.length === 0) return total;
    const drafts = await labelDrafts(em, judgements, now);
    total += await insertLabels(em, drafts, now);
    // Judgements that carry no label (an `unsure` answer, a rejection for missing evidence) stay unlabelled: stop when only those remain.
    if (drafts.length === 0) return total;
  }
}

export interface RetrainOutcome {
  version: number;
  promoted: boolean;
  reason: string;
  metrics: Record<string, unknown>;
  labelCounts: Record<string, number>;
}

export interface TruthEvaluation {
  truePrecision: number | null;
  trueRecall: number | null;
  truthListings: number;
}

/**
 * Trains a new version from every label and keeps it only if it beats the active one on the same
 * held-out labels. Past judgements without a label are labelled first (`labelHistory`); `truth`, when
 * given (the demo's simulator knows it), adds the true precision and recall.
 */
export async function retrainModel(
  em: EntityManager,
  actor: { id: string | null; label: string },
  now = new Date(),
  options: { truth?: (model: DetectionModel) => Promise<TruthEvaluation>; labelHistory?: boolean } = {},
): Promise<RetrainOutcome> {
  const { truth, labelHistory = true } = options;
  if (labelHistory) await labelPastJudgements(em, now);
  const labels = await allLabels(em);
  // One example per listing: the latest judgement of it wins (an appeal outcome after the brand's answer).
  const latest = new Map<string, (typeof labels)[number]>();
  for (const label of labels) latest.set(label.listingId, label);
  const examples = [...latest.values()].map((label) => ({ id: label.listingId, counterfeit: label.counterfeit, features: completeFeatures(label.features) }));
  const currentRow = await activeModelVersion(em);
  const current = currentRow ? modelOf(currentRow) : null;
  const result = retrain(examples, current);
  const version = await nextModelVersionNumber(em);
  const candidate: DetectionModel = { version, weights: result.weights, thresholds: result.thresholds };
  const metrics: Record<string, unknown> = {
    precision: result.candidate.precision,
    recall: result.candidate.recall,
    f1: result.candidate.f1,
    askRate: result.candidate.askRate,
    heldOutExamples: result.candidate.examples,
    previous: result.current ? { version: current!.version, precision: result.current.precision, recall: result.current.recall, f1: result.current.f1 } : null,
    decision: result.decision.reason,
    ...(truth ? await truth(candidate) : {}),
  };
  await saveModelVersion(em, {
    version,
    weights: result.weights,
    removeThreshold: result.thresholds.removeAt,
    askThreshold: result.thresholds.askAt,
    metrics,
    labelCounts: result.labelCounts,
    trainedAt: now,
    promote: result.decision.promote,
  });
  recordAudit(em, {
    actor,
    action: result.decision.promote ? 'model_trained_promoted' : 'model_trained_rejected',
    entityType: 'model_version',
    entityId: String(version),
    after: { version, promoted: result.decision.promote, reason: result.decision.reason, f1: result.candidate.f1, labelCounts: result.labelCounts },
  });
  await em.flush();
  return { version, promoted: result.decision.promote, reason: result.decision.reason, metrics, labelCounts: result.labelCounts };
}

/** Labels stored before a feature existed get it as 0, so every example has the full vector. */
export function completeFeatures(features: Record<string, number>): Features {
  const complete = {} as Features;
  for (const name of FEATURE_NAMES) complete[name] = Number.isFinite(features[name]) ? features[name]! : 0;
  return complete;
}
