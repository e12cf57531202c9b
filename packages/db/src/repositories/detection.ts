import type { EntityManager } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { transitionAuthRequest, unwrap, type AppealState, type AuthAnswer, type JointForcePhase, type LabelSource, type ListingStatus, type MarketplaceCode, type RejectionCode } from '@jf/domain';
import { AuditEvent, AuthRequest, DetectionDecision, DetectionLabel, ModelVersion, Notification, OutboxCommand, Removal } from '../entities';
import { newId } from '../entities/common';
import { noteOutboxInsert } from '../outbox-signal';
import { auditRow, insertAuditRows } from './audit';
import { listingCommandData } from './outbox';
import { booleanOf, dateOf, insertRows, selectRows, type SqlValue } from './sql';

const placeholders = (values: readonly unknown[]): string => values.map(() => '?').join(', ');
const parseJson = <T>(value: unknown, fallback: T): T => {
  if (value === null || value === undefined) return fallback;
  if (typeof value !== 'string') return value as T;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
};

/** A protected product with what detection needs of its brand. */
export interface DetectionProductRow {
  id: string;
  brandId: string;
  brandStatus: string;
  brandPhase: JointForcePhase;
  name: string;
  keywords: string[];
  msrpCents: number;
  currency: string;
  category: string;
  imageHashes: string[];
}

export async function detectionProducts(em: EntityManager): Promise<DetectionProductRow[]> {
  const rows = await selectRows<Record<string, unknown>>(
    em,
    `select p.id, p.brand_id, b.status as brand_status, b.joint_force_phase, p.name, p.keywords, p.msrp_cents, p.currency, p.category, p.reference_image_hashes
     from protected_products p join brands b on b.id = p.brand_id order by p.id`,
    [],
  );
  return rows.map((row) => ({
    id: row.id as string,
    brandId: row.brand_id as string,
    brandStatus: row.brand_status as string,
    brandPhase: row.joint_force_phase as JointForcePhase,
    name: row.name as string,
    keywords: parseJson<string[]>(row.keywords, []),
    msrpCents: Number(row.msrp_cents),
    currency: row.currency as string,
    category: row.category as string,
    imageHashes: parseJson<string[]>(row.reference_image_hashes, []),
  }));
}

/** Keys `brandId|marketplace|sellerExternalId` of every allowlisted seller. */
export async function allowlistKeys(em: EntityManager): Promise<Set<string>> {
  const rows = await selectRows<{ brand_id: string; marketplace_code: string; seller_external_id: string }>(
    em,
    'select brand_id, marketplace_code, seller_external_id from allowlist_entries',
    [],
  );
  return new Set(rows.map((row) => allowlistKey(row.brand_id, row.marketplace_code, row.seller_external_id)));
}
export const allowlistKey = (brandId: string, marketplace: string, sellerExternalId: string): string => `${brandId}|${marketplace}|${sellerExternalId}`;

export interface ModelVersionRow {
  id: string;
  version: number;
  status: string;
  weights: Record<string, number>;
  removeThreshold: number;
  askThreshold: number;
  metrics: Record<string, unknown>;
  labelCounts: Record<string, number>;
  trainedAt: Date;
  promotedAt: Date | null;
}

const modelRow = (row: Record<string, unknown>): ModelVersionRow => ({
  id: row.id as string,
  version: Number(row.version),
  status: row.status as string,
  weights: parseJson<Record<string, number>>(row.weights, {}),
  removeThreshold: Number(row.remove_threshold),
  askThreshold: Number(row.ask_threshold),
  metrics: parseJson<Record<string, unknown>>(row.metrics, {}),
  labelCounts: parseJson<Record<string, number>>(row.label_counts, {}),
  trainedAt: dateOf(row.trained_at)!,
  promotedAt: dateOf(row.promoted_at),
});

const MODEL_COLUMNS = 'id, version, status, weights, remove_threshold, ask_threshold, metrics, label_counts, trained_at, promoted_at';

export async function activeModelVersion(em: EntityManager): Promise<ModelVersionRow | null> {
  const rows = await selectRows<Record<string, unknown>>(em, `select ${MODEL_COLUMNS} from model_versions where status = 'active' order by version desc limit 1`, []);
  return rows[0] ? modelRow(rows[0]) : null;
}

export async function modelVersions(em: EntityManager): Promise<ModelVersionRow[]> {
  const rows = await selectRows<Record<string, unknown>>(em, `select ${MODEL_COLUMNS} from model_versions order by version desc`, []);
  return rows.map(modelRow);
}

export async function nextModelVersionNumber(em: EntityManager): Promise<number> {
  const rows = await selectRows<{ top: number | null }>(em, 'select max(version) as top from model_versions', []);
  return Number(rows[0]?.top ?? 0) + 1;
}

/** A live listing as the scanner reads it, with its seller. */
export interface ScanListingRow {
  id: string;
  marketplace: MarketplaceCode;
  externalId: string;
  title: string;
  priceCents: number;
  currency: string;
  category: string;
  imageHashes: string[];
  status: ListingStatus;
  updatedAt: Date;
  sellerId: string;
  sellerExternalId: string;
  sellerRegisteredAt: Date;
  sellerStrikes: number;
}

const SCAN_COLUMNS = `select l.id, l.marketplace_code, l.external_id, l.title, l.price_cents, l.currency, l.category, l.image_hashes, l.status, l.updated_at,
  s.id as seller_id, s.external_id as seller_external_id, s.registered_at, s.strike_count
  from listings l join sellers s on s.id = l.seller_id`;

const scanRow = (row: Record<string, unknown>): ScanListingRow => ({
  id: row.id as string,
  marketplace: row.marketplace_code as MarketplaceCode,
  externalId: row.external_id as string,
  title: row.title as string,
  priceCents: Number(row.price_cents),
  currency: row.currency as string,
  category: row.category as string,
  imageHashes: parseJson<string[]>(row.image_hashes, []),
  status: row.status as ListingStatus,
  updatedAt: dateOf(row.updated_at)!,
  sellerId: row.seller_id as string,
  sellerExternalId: row.seller_external_id as string,
  sellerRegisteredAt: dateOf(row.registered_at)!,
  sellerStrikes: Number(row.strike_count),
});

/**
 * Listings waiting for a score, in id order: new ones, and those whose content changed since they were
 * scored (ingestion clears `scored_at`). Kept on the platform's own mark, not on the marketplaces'
 * change times, which arrive out of order across marketplaces.
 */
export async function listingsAwaitingScore(em: EntityManager, limit: number): Promise<ScanListingRow[]> {
  const rows = await selectRows<Record<string, unknown>>(em, `${SCAN_COLUMNS} where l.scored_at is null and l.status <> 'removed' order by l.id limit ?`, [limit]);
  return rows.map(scanRow);
}

/** Listings by id order after `afterId` (a full scan's cursor); removed listings are skipped unless asked for. */
export async function listingsAfterId(em: EntityManager, afterId: string | null, limit: number, includeRemoved = false): Promise<ScanListingRow[]> {
  const conditions = [...(includeRemoved ? [] : ["l.status <> 'removed'"]), ...(afterId ? ['l.id > ?'] : [])];
  const rows = await selectRows<Record<string, unknown>>(
    em,
    `${SCAN_COLUMNS}${conditions.length ? ` where ${conditions.join(' and ')}` : ''} order by l.id limit ?`,
    afterId ? [afterId, limit] : [limit],
  );
  return rows.map(scanRow);
}

export async function listingsByIds(em: EntityManager, ids: readonly string[]): Promise<ScanListingRow[]> {
  if (ids.length === 0) return [];
  const rows = await selectRows<Record<string, unknown>>(em, `${SCAN_COLUMNS} where l.id in (${placeholders(ids)})`, [...ids]);
  return rows.map(scanRow);
}

export async function countScannableListings(em: EntityManager): Promise<number> {
  const rows = await selectRows<{ n: number }>(em, "select count(*) as n from listings where status <> 'removed'", []);
  return Number(rows[0]?.n ?? 0);
}

/** Per seller: removals of its listings that stand, and other accounts sharing its contact or payment fingerprint. */
export async function sellerHistory(em: EntityManager, sellerIds: readonly string[]): Promise<Map<string, { pastRemovals: number; relatedAccounts: number }>> {
  const result = new Map<string, { pastRemovals: number; relatedAccounts: number }>();
  if (sellerIds.length === 0) return result;
  for (const id of sellerIds) result.set(id, { pastRemovals: 0, relatedAccounts: 0 });
  const removals = await selectRows<{ seller_id: string; n: number }>(
    em,
    `select l.seller_id, count(*) as n from removals r join listings l on l.id = r.listing_id
     where l.seller_id in (${placeholders(sellerIds)}) and r.reinstated_at is null group by l.seller_id`,
    [...sellerIds],
  );
  for (const row of removals) result.get(row.seller_id)!.pastRemovals = Number(row.n);
  // Two joins, each on its own fingerprint index (one join on "contact = or payment =" used neither).
  const related = await selectRows<{ id: string; other: string }>(
    em,
    `select s.id, o.id as other from sellers s join sellers o on o.contact_fingerprint = s.contact_fingerprint and o.id <> s.id where s.id in (${placeholders(sellerIds)})
     union select s.id, o.id as other from sellers s join sellers o on o.payment_fingerprint = s.payment_fingerprint and o.id <> s.id where s.id in (${placeholders(sellerIds)})`,
    [...sellerIds, ...sellerIds],
  );
  for (const row of related) result.get(row.id)!.relatedAccounts++;
  return result;
}

/** What is already under way or known about each listing (see the domain's `detectionActionFor`). */
export interface ListingEnforcementRow {
  inProgress: boolean;
  openRequest: boolean;
  judgedGenuine: boolean;
  askedRecently: boolean;
}

export async function listingEnforcement(em: EntityManager, listingIds: readonly string[], askedSince: Date): Promise<Map<string, ListingEnforcementRow>> {
  const result = new Map<string, ListingEnforcementRow>();
  if (listingIds.length === 0) return result;
  for (const id of listingIds) result.set(id, { inProgress: false, openRequest: false, judgedGenuine: false, askedRecently: false });
  const ids = placeholders(listingIds);
  const busy = await selectRows<{ listing_id: string }>(
    em,
    `select listing_id from removals where listing_id in (${ids}) and removed_at is null and reinstated_at is null
     union select listing_id from notice_items where listing_id in (${ids}) and state in ('pending', 'needs_info')`,
    [...listingIds, ...listingIds],
  );
  for (const row of busy) result.get(row.listing_id)!.inProgress = true;
  const requests = await selectRows<{ listing_id: string; state: string; answer: string | null; created_at: unknown }>(
    em,
    `select listing_id, state, answer, created_at from auth_requests where listing_id in (${ids})`,
    [...listingIds],
  );
  for (const row of requests) {
    const state = result.get(row.listing_id)!;
    if (row.state === 'open') state.openRequest = true;
    if (row.answer === 'genuine') state.judgedGenuine = true;
    if (dateOf(row.created_at)! >= askedSince) state.askedRecently = true;
  }
  const genuine = await selectRows<{ listing_id: string }>(
    em,
    `select listing_id from detection_labels where listing_id in (${ids}) and counterfeit = ? and source in ('appeal', 'gft_audit')`,
    [...listingIds, false],
  );
  for (const row of genuine) result.get(row.listing_id)!.judgedGenuine = true;
  return result;
}

export interface ListingScoreWrite {
  id: string;
  score: number;
  features: Record<string, number>;
  modelVersion: number;
  brandId: string | null;
  productId: string | null;
}

/**
 * Stores each listing's score without touching `updated_at` (a score is not a change of the listing):
 * one `update … from (values …)` per chunk on both dialects — a statement per row cost SQLite more than
 * scoring itself.
 */
export async function writeListingScores(em: EntityManager, scores: readonly ListingScoreWrite[], now: Date): Promise<void> {
  if (scores.length === 0) return;
  const postgres = !(em.getDriver() instanceof BetterSqliteDriver);
  const connection = em.getConnection() as unknown as AbstractSqlConnection;
  const knex = connection.getKnex();
  const transaction = em.getTransactionContext();
  const row = postgres ? '(?::uuid, ?::double precision, ?::jsonb, ?::int, ?::uuid, ?::uuid)' : '(?, ?, ?, ?, ?, ?)';
  // SQLite names the columns of a VALUES list column1…column6; PostgreSQL takes them from the alias.
  const [id, score, features, version, brand, product] = postgres
    ? ['v.id', 'v.score', 'v.features', 'v.version', 'v.brand_id', 'v.product_id']
    : ['v.column1', 'v.column2', 'v.column3', 'v.column4', 'v.column5', 'v.column6'];
  const alias = postgres ? 'v(id, score, features, version, brand_id, product_id)' : 'v';
  const chunk = 1000;
  for (let start = 0; start < scores.length; start += chunk) {
    const part = scores.slice(start, start + chunk);
    const params: SqlValue[] = part.flatMap((s) => [s.id, s.score, JSON.stringify(s.features), s.modelVersion, s.brandId, s.productId]);
    const query = knex.raw(
      `update listings set risk_score = ${score}, scored_at = ?, risk_features = ${features}, risk_model_version = ${version},
         matched_brand_id = ${brand}, matched_product_id = ${product}
       from (values ${part.map(() => row).join(', ')}) as ${alias} where listings.id = ${id}`,
      [now, ...params],
    );
    if (transaction) query.transacting(transaction);
    await query;
  }
}

export interface ProactiveRemovalDraft {
  listingId: string;
  marketplace: MarketplaceCode;
  externalId: string;
  brandId: string | null;
  score: number;
  modelVersion: number;
}

export interface AuthRequestDraft {
  listingId: string;
  marketplace: MarketplaceCode;
  brandId: string;
  productId: string | null;
  score: number;
  signals: Record<string, number | string | boolean>;
  dueAt: Date;
  title: string;
}

export interface DecisionDraft {
  listingId: string;
  brandId: string | null;
  modelVersion: number;
  score: number;
  decision: 'remove' | 'ask' | 'none' | 'allowlisted';
  dryRun: boolean;
  scanId: string | null;
}

const SCANNER_ACTOR = { id: null, label: 'detection scanner' };

/**
 * What a scanned batch decided, written in the caller's transaction: proactive removals with their
 * marketplace commands, authentication requests with the brand's notification, the decision log and
 * the audit trail — one insert per table.
 */
export async function applyDetectionActions(
  em: EntityManager,
  actions: { removals: readonly ProactiveRemovalDraft[]; requests: readonly AuthRequestDraft[]; decisions: readonly DecisionDraft[] },
  now: Date,
): Promise<void> {
  const removals = actions.removals.map((draft) => ({
    id: newId(),
    brand: draft.brandId,
    marketplace: draft.marketplace,
    listing: draft.listingId,
    source: 'proactive' as const,
    requestedAt: now,
    createdAt: now,
  }));
  await insertRows(em, Removal, removals);
  const commands = actions.removals.map((draft, index) => ({
    id: newId(),
    ...listingCommandData(
      'remove_listing',
      { removalId: removals[index]!.id, listingId: draft.listingId, marketplace: draft.marketplace, externalListingId: draft.externalId, brandId: draft.brandId },
      now,
    ),
    state: 'pending' as const,
    attempts: 0,
    createdAt: now,
  }));
  await insertRows(em, OutboxCommand, commands);
  if (commands.length > 0) noteOutboxInsert(em);
  const requests = actions.requests.map((draft) => ({
    id: newId(),
    brand: draft.brandId,
    marketplace: draft.marketplace,
    listing: draft.listingId,
    product: draft.productId,
    signals: draft.signals,
    score: draft.score,
    state: 'open' as const,
    dueAt: draft.dueAt,
    createdAt: now,
  }));
  await insertRows(em, AuthRequest, requests);
  await insertRows(
    em,
    Notification,
    actions.requests.map((draft, index) => ({
      id: newId(),
      brand: draft.brandId,
      kind: 'auth_request',
      title: 'Is this listing genuine?',
      body: `Please authenticate “${draft.title.slice(0, 200)}” by ${draft.dueAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
      entityType: 'auth_request',
      entityId: requests[index]!.id,
      createdAt: now,
    })),
  );
  await insertRows(
    em,
    DetectionDecision,
    actions.decisions.map((draft) => ({ id: newId(), ...draft, createdAt: now })),
  );
  await insertAuditRows(em, [
    ...removals.map((removal, index) =>
      auditRow(
        {
          actor: SCANNER_ACTOR,
          action: 'proactive_removal',
          entityType: 'removal',
          entityId: removal.id,
          brandId: removal.brand,
          after: { listingId: removal.listing, score: actions.removals[index]!.score, modelVersion: actions.removals[index]!.modelVersion },
        },
        now,
      ),
    ),
    ...requests.map((request) =>
      auditRow(
        {
          actor: SCANNER_ACTOR,
          action: 'auth_request_created',
          entityType: 'auth_request',
          entityId: request.id,
          brandId: request.brand,
          after: { listingId: request.listing, score: request.score, dueAt: request.dueAt.toISOString() },
        },
        now,
      ),
    ),
  ]);
}

export interface LabelDraft {
  listingId: string;
  brandId: string | null;
  counterfeit: boolean;
  source: LabelSource;
  sourceId: string;
  features: Record<string, number>;
}

/** Stores labels; one per source record, so recording the same judgement twice keeps the first. */
export async function insertLabels(em: EntityManager, labels: readonly LabelDraft[], now = new Date()): Promise<number> {
  if (labels.length === 0) return 0;
  const connection = em.getConnection() as unknown as AbstractSqlConnection;
  const meta = em.getMetadata().get(DetectionLabel);
  let inserted = 0;
  const chunk = 500;
  for (let start = 0; start < labels.length; start += chunk) {
    const rows = labels.slice(start, start + chunk).map((label) => ({
      id: newId(),
      listing_id: label.listingId,
      brand_id: label.brandId,
      counterfeit: label.counterfeit,
      source: label.source,
      source_id: label.sourceId,
      features: JSON.stringify(label.features),
      created_at: now,
    }));
    const query = connection.getKnex().insert(rows).into(meta.tableName).onConflict(['source', 'source_id']).ignore().returning('id');
    const transaction = em.getTransactionContext();
    if (transaction) query.transacting(transaction);
    const result: unknown = await query;
    inserted += Array.isArray(result) ? result.length : 0;
  }
  return inserted;
}

export interface LabelRow {
  listingId: string;
  counterfeit: boolean;
  source: LabelSource;
  features: Record<string, number>;
  createdAt: Date;
}

/** Every label, oldest first. */
export async function allLabels(em: EntityManager): Promise<LabelRow[]> {
  const rows = await selectRows<Record<string, unknown>>(em, 'select listing_id, counterfeit, source, features, created_at from detection_labels order by created_at, id', []);
  return rows.map((row) => ({
    listingId: row.listing_id as string,
    counterfeit: booleanOf(row.counterfeit)!,
    source: row.source as LabelSource,
    features: parseJson<Record<string, number>>(row.features, {}),
    createdAt: dateOf(row.created_at)!,
  }));
}

/** Human judgements of the past that have no label yet, as raw facts for the domain to interpret. */
export type PastJudgement =
  | { source: 'authentication'; sourceId: string; listingId: string; brandId: string | null; answer: AuthAnswer }
  | { source: 'review'; sourceId: string; listingId: string; brandId: string | null; decision: 'remove' | 'reject'; rejectionCode: RejectionCode | null }
  | { source: 'gft_audit'; sourceId: string; listingId: string; brandId: string | null; upheld: boolean }
  | { source: 'appeal'; sourceId: string; listingId: string; brandId: string | null; state: AppealState };

export async function unlabelledJudgements(em: EntityManager, limit: number): Promise<PastJudgement[]> {
  const unlabelled = (source: LabelSource, column: string) =>
    `not exists (select 1 from detection_labels d where d.source = '${source}' and d.source_id = cast(${column} as varchar(64)))`;
  const answers = await selectRows<Record<string, unknown>>(
    em,
    `select a.id, a.listing_id, a.brand_id, a.answer from auth_requests a
     where a.state = 'answered' and a.answer in ('counterfeit', 'genuine') and ${unlabelled('authentication', 'a.id')} limit ?`,
    [limit],
  );
  const reviews = await selectRows<Record<string, unknown>>(
    em,
    `select n.id, n.listing_id, n.brand_id, n.state, n.rejection_code from notice_items n
     where n.decided_by_id is not null and n.state in ('removed', 'rejected', 'reinstated') and ${unlabelled('review', 'n.id')} limit ?`,
    [limit],
  );
  const audits = await selectRows<Record<string, unknown>>(
    em,
    `select n.id, n.listing_id, n.brand_id, n.audit_upheld from notice_items n
     where n.audit_upheld is not null and ${unlabelled('gft_audit', 'n.id')} limit ?`,
    [limit],
  );
  const appeals = await selectRows<Record<string, unknown>>(
    em,
    `select p.id, r.listing_id, p.brand_id, p.state from appeals p join removals r on r.id = p.removal_id
     where p.state in ('upheld', 'reinstated') and ${unlabelled('appeal', 'p.id')} limit ?`,
    [limit],
  );
  const base = (row: Record<string, unknown>) => ({ sourceId: row.id as string, listingId: row.listing_id as string, brandId: (row.brand_id as string | null) ?? null });
  return [
    ...answers.map((row) => ({ source: 'authentication' as const, ...base(row), answer: row.answer as AuthAnswer })),
    ...reviews.map((row) => ({
      source: 'review' as const,
      ...base(row),
      decision: row.state === 'rejected' ? ('reject' as const) : ('remove' as const),
      rejectionCode: (row.rejection_code as RejectionCode | null) ?? null,
    })),
    ...audits.map((row) => ({ source: 'gft_audit' as const, ...base(row), upheld: booleanOf(row.audit_upheld)! })),
    ...appeals.map((row) => ({ source: 'appeal' as const, ...base(row), state: row.state as AppealState })),
  ];
}

/** Stored features of listings scored before (the features a label keeps when it is recorded). */
export async function storedListingFeatures(em: EntityManager, listingIds: readonly string[]): Promise<Map<string, Record<string, number>>> {
  const result = new Map<string, Record<string, number>>();
  if (listingIds.length === 0) return result;
  const rows = await selectRows<{ id: string; risk_features: unknown }>(
    em,
    `select id, risk_features from listings where risk_features is not null and id in (${placeholders(listingIds)})`,
    [...listingIds],
  );
  for (const row of rows) result.set(row.id, parseJson<Record<string, number>>(row.risk_features, {}));
  return result;
}

export type NewModelVersion = Omit<ModelVersionRow, 'id' | 'status' | 'promotedAt'> & { promote: boolean };

/** Stores a trained version; when promoted it becomes the only active one (the previous is retired). */
export async function saveModelVersion(em: EntityManager, draft: NewModelVersion): Promise<ModelVersion> {
  if (draft.promote) await em.nativeUpdate(ModelVersion, { status: 'active' }, { status: 'retired' });
  const version = em.create(ModelVersion, {
    version: draft.version,
    status: draft.promote ? 'active' : 'rejected',
    weights: draft.weights,
    removeThreshold: draft.removeThreshold,
    askThreshold: draft.askThreshold,
    metrics: draft.metrics as Record<string, number>,
    labelCounts: draft.labelCounts,
    trainedAt: draft.trainedAt,
    promotedAt: draft.promote ? draft.trainedAt : null,
  });
  await em.flush();
  return version;
}

/**
 * Expires open requests past their due date: the brand's account manager is told (they follow up),
 * and the audit trail keeps who was asked what. Answers nothing about the listing itself.
 */
export async function expireDueAuthRequests(em: EntityManager, now: Date, limit = 500): Promise<number> {
  return em.transactional(async (tx) => {
    const due = await tx.find(AuthRequest, { state: 'open', dueAt: { $lte: now } }, { populate: ['listing', 'brand'], limit, orderBy: { dueAt: 'ASC' } });
    for (const request of due) {
      request.state = unwrap(transitionAuthRequest(request.state, 'expire'));
      const managerId = request.brand.accountManager?.id;
      if (managerId) {
        tx.create(Notification, {
          brand: request.brand.id,
          user: managerId,
          kind: 'auth_request',
          title: `${request.brand.name} did not answer an authentication request`,
          body: `The request about “${request.listing.title.slice(0, 200)}” expired unanswered on ${now.toISOString().slice(0, 10)}.`,
          entityType: 'auth_request',
          entityId: request.id,
        });
      }
      tx.create(AuditEvent, auditRow({ actor: { id: null, label: 'authentication deadlines' }, action: 'auth_request_expired', entityType: 'auth_request', entityId: request.id, brandId: request.brand.id, before: { state: 'open' }, after: { state: 'expired', dueAt: request.dueAt.toISOString() } }, now));
    }
    await tx.flush();
    return due.length;
  });
}
