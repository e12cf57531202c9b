import { DateTimeType, EntitySchema, OptionalProps } from '@mikro-orm/core';
import {
  DETECTION_DECISIONS,
  DETECTION_SCAN_STATES,
  LABEL_SOURCES,
  type DetectionDecisionKind,
  type DetectionScanState,
  type LabelSource,
} from '@jf/domain';
import type { Brand } from './brand';
import type { Listing } from './catalogue';
import { createdAtProperty, enumProperty, idProperty, newId } from './common';
import type { User } from './identity';

/**
 * A judgement about one listing (brand answer, GFT audit, reviewer decision, appeal outcome), with the
 * detection features the listing had when it was judged: retraining learns from these rows alone.
 */
export class DetectionLabel {
  [OptionalProps]?: 'id' | 'createdAt' | 'brand';
  id: string = newId();
  listing!: Listing;
  brand!: Brand | null;
  counterfeit!: boolean;
  source!: LabelSource;
  /** The answer, audit, item or appeal the label came from; one label per source record. */
  sourceId!: string;
  features!: Record<string, number>;
  createdAt!: Date;
}

export const DetectionLabelSchema = new EntitySchema<DetectionLabel>({
  class: DetectionLabel,
  tableName: 'detection_labels',
  uniques: [{ properties: ['source', 'sourceId'] }],
  indexes: [{ properties: ['listing'] }, { properties: ['createdAt'] }],
  properties: {
    id: idProperty,
    listing: { kind: 'm:1', entity: 'Listing', deleteRule: 'cascade' },
    brand: { kind: 'm:1', entity: 'Brand', nullable: true, deleteRule: 'set null' },
    counterfeit: { type: 'boolean' },
    source: enumProperty(LABEL_SOURCES),
    sourceId: { type: 'string', length: 64 },
    features: { type: 'json' },
    createdAt: createdAtProperty,
  },
});

/** A full scan of every live listing, resumable from `cursor`, with its progress for the admin. */
export class DetectionScan {
  [OptionalProps]?:
    | 'id'
    | 'state'
    | 'processed'
    | 'removed'
    | 'asked'
    | 'allowlisted'
    | 'cursor'
    | 'startedBy'
    | 'finishedAt'
    | 'error'
    | 'heartbeatAt';
  id: string = newId();
  state!: DetectionScanState;
  dryRun!: boolean;
  modelVersion!: number;
  total!: number;
  processed!: number;
  removed!: number;
  asked!: number;
  allowlisted!: number;
  /** The id of the last listing scanned; a restarted worker continues after it. */
  cursor!: string | null;
  startedBy!: User | null;
  startedAt!: Date;
  heartbeatAt!: Date | null;
  finishedAt!: Date | null;
  error!: string | null;
}

export const DetectionScanSchema = new EntitySchema<DetectionScan>({
  class: DetectionScan,
  tableName: 'detection_scans',
  indexes: [{ properties: ['state', 'startedAt'] }],
  properties: {
    id: idProperty,
    state: enumProperty(DETECTION_SCAN_STATES, { default: 'running' }),
    dryRun: { type: 'boolean' },
    modelVersion: { type: 'integer' },
    total: { type: 'integer' },
    processed: { type: 'integer', default: 0 },
    removed: { type: 'integer', default: 0 },
    asked: { type: 'integer', default: 0 },
    allowlisted: { type: 'integer', default: 0 },
    cursor: { type: 'string', length: 64, nullable: true },
    startedBy: { kind: 'm:1', entity: 'User', nullable: true, deleteRule: 'set null' },
    startedAt: { type: DateTimeType },
    heartbeatAt: { type: DateTimeType, nullable: true },
    finishedAt: { type: DateTimeType, nullable: true },
    error: { type: 'text', nullable: true },
  },
});

/**
 * What the scanner decided for a listing that scored into a band (remove, ask, held back by the
 * allowlist); in a dry run, what it would have done. Listings that scored below both bands are not logged.
 */
export class DetectionDecision {
  [OptionalProps]?: 'id' | 'createdAt' | 'scanId' | 'brandId';
  id: string = newId();
  listingId!: string;
  brandId!: string | null;
  scanId!: string | null;
  modelVersion!: number;
  score!: number;
  decision!: DetectionDecisionKind;
  dryRun!: boolean;
  createdAt!: Date;
}

export const DetectionDecisionSchema = new EntitySchema<DetectionDecision>({
  class: DetectionDecision,
  tableName: 'detection_decisions',
  indexes: [{ properties: ['createdAt'] }, { properties: ['scanId'] }, { properties: ['listingId'] }],
  properties: {
    id: idProperty,
    listingId: { type: 'uuid' },
    brandId: { type: 'uuid', nullable: true },
    scanId: { type: 'uuid', nullable: true },
    modelVersion: { type: 'integer' },
    score: { type: 'double' },
    decision: enumProperty(DETECTION_DECISIONS),
    dryRun: { type: 'boolean' },
    createdAt: createdAtProperty,
  },
});
