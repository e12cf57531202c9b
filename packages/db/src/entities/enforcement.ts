import { DateTimeType, EntitySchema, OptionalProps } from '@mikro-orm/core';
import {
  APPEAL_STATES,
  BRAND_APPEAL_ANSWERS,
  type BrandAppealAnswer,
  AUTH_ANSWERS,
  AUTH_REQUEST_STATES,
  NOTICE_ITEM_STATES,
  NOTICE_PATHS,
  NOTICE_REASONS,
  REJECTION_CODES,
  REMOVAL_SOURCES,
  type AppealState,
  type AuthAnswer,
  type AuthRequestState,
  type NoticeItemState,
  type NoticePath,
  type NoticeReason,
  type RejectionCode,
  type RemovalSource,
} from '@jf/domain';
import type { Brand, IpRight, Marketplace, ProtectedProduct } from './brand';
import type { Listing, Seller } from './catalogue';
import { createdAtProperty, enumProperty, idProperty, updatedAtProperty, newId } from './common';
import type { User } from './identity';

const brandRef = { kind: 'm:1', entity: 'Brand', deleteRule: 'restrict' } as const;
const marketplaceRef = { kind: 'm:1', entity: 'Marketplace', deleteRule: 'restrict' } as const;
const listingRef = { kind: 'm:1', entity: 'Listing', deleteRule: 'restrict' } as const;
const optionalUserRef = { kind: 'm:1', entity: 'User', nullable: true, deleteRule: 'set null' } as const;

export class Notice {
  [OptionalProps]?: 'id' | 'createdAt' | 'itemCount' | 'testBuyOrderRef' | 'submittedBy';
  id: string = newId();
  brand!: Brand;
  submittedBy!: User | null;
  ipRight!: IpRight;
  reason!: NoticeReason;
  evidence!: string;
  testBuyOrderRef!: string | null;
  path!: NoticePath;
  /** Client-chosen key: the same submission sent twice creates one notice. */
  idempotencyKey!: string;
  itemCount!: number;
  submittedAt!: Date;
  createdAt!: Date;
}

export const NoticeSchema = new EntitySchema<Notice>({
  class: Notice,
  tableName: 'notices',
  uniques: [{ properties: ['brand', 'idempotencyKey'] }],
  indexes: [{ properties: ['brand', 'submittedAt'] }],
  properties: {
    id: idProperty,
    brand: brandRef,
    submittedBy: optionalUserRef,
    ipRight: { kind: 'm:1', entity: 'IpRight', deleteRule: 'restrict' },
    reason: enumProperty(NOTICE_REASONS),
    evidence: { type: 'text' },
    testBuyOrderRef: { type: 'string', length: 100, nullable: true },
    path: enumProperty(NOTICE_PATHS),
    idempotencyKey: { type: 'string', length: 128 },
    itemCount: { type: 'integer', default: 0 },
    submittedAt: { type: DateTimeType },
    createdAt: createdAtProperty,
  },
});

export class NoticeItem {
  [OptionalProps]?:
    | 'id'
    | 'createdAt'
    | 'updatedAt'
    | 'state'
    | 'rejectionCode'
    | 'rejectionMessage'
    | 'infoRequest'
    | 'infoResponse'
    | 'claimedBy'
    | 'claimedAt'
    | 'decidedBy'
    | 'decidedAt'
    | 'auditSampled'
    | 'auditUpheld';
  id: string = newId();
  notice!: Notice;
  brand!: Brand;
  marketplace!: Marketplace;
  listing!: Listing;
  state!: NoticeItemState;
  rejectionCode!: RejectionCode | null;
  rejectionMessage!: string | null;
  infoRequest!: string | null;
  infoResponse!: string | null;
  claimedBy!: User | null;
  claimedAt!: Date | null;
  decidedBy!: User | null;
  decidedAt!: Date | null;
  /** Drawn into the reviewers' GFT audit sample. */
  auditSampled!: boolean;
  /** null until audited; false when the audit overturned the removal. */
  auditUpheld!: boolean | null;
  createdAt!: Date;
  updatedAt!: Date;
}

export const NoticeItemSchema = new EntitySchema<NoticeItem>({
  class: NoticeItem,
  tableName: 'notice_items',
  indexes: [
    { properties: ['notice'] },
    { properties: ['state', 'createdAt'] },
    { properties: ['brand', 'createdAt'] },
    { properties: ['marketplace', 'state'] },
    { properties: ['listing', 'state'] },
    { properties: ['auditSampled', 'auditUpheld'] },
  ],
  properties: {
    id: idProperty,
    notice: { kind: 'm:1', entity: 'Notice', deleteRule: 'cascade' },
    brand: brandRef,
    marketplace: marketplaceRef,
    listing: listingRef,
    state: enumProperty(NOTICE_ITEM_STATES, { default: 'pending' }),
    rejectionCode: enumProperty(REJECTION_CODES, { nullable: true }),
    rejectionMessage: { type: 'text', nullable: true },
    infoRequest: { type: 'text', nullable: true },
    infoResponse: { type: 'text', nullable: true },
    claimedBy: optionalUserRef,
    claimedAt: { type: DateTimeType, nullable: true },
    decidedBy: optionalUserRef,
    decidedAt: { type: DateTimeType, nullable: true },
    auditSampled: { type: 'boolean', default: false },
    auditUpheld: { type: 'boolean', nullable: true },
    createdAt: createdAtProperty,
    updatedAt: updatedAtProperty,
  },
});

export class AuthRequest {
  [OptionalProps]?:
    'id' | 'createdAt' | 'state' | 'answer' | 'answerReason' | 'answeredBy' | 'answeredAt' | 'product' | 'remindedAt';
  id: string = newId();
  brand!: Brand;
  marketplace!: Marketplace;
  listing!: Listing;
  product!: ProtectedProduct | null;
  /** The detection signals that raised the request, shown to the brand. */
  signals!: Record<string, number | string | boolean>;
  score!: number;
  state!: AuthRequestState;
  answer!: AuthAnswer | null;
  answerReason!: string | null;
  answeredBy!: User | null;
  answeredAt!: Date | null;
  dueAt!: Date;
  /** When the brand was told the request is due soon; set once. */
  remindedAt!: Date | null;
  createdAt!: Date;
}

export const AuthRequestSchema = new EntitySchema<AuthRequest>({
  class: AuthRequest,
  tableName: 'auth_requests',
  indexes: [
    { properties: ['brand', 'state', 'createdAt'] },
    { properties: ['state', 'dueAt'] },
    { properties: ['marketplace', 'createdAt'] },
    { properties: ['listing'] },
  ],
  properties: {
    id: idProperty,
    brand: brandRef,
    marketplace: marketplaceRef,
    listing: listingRef,
    product: { kind: 'm:1', entity: 'ProtectedProduct', nullable: true, deleteRule: 'set null' },
    signals: { type: 'json' },
    score: { type: 'double' },
    state: enumProperty(AUTH_REQUEST_STATES, { default: 'open' }),
    answer: enumProperty(AUTH_ANSWERS, { nullable: true }),
    answerReason: { type: 'text', nullable: true },
    answeredBy: optionalUserRef,
    answeredAt: { type: DateTimeType, nullable: true },
    dueAt: { type: DateTimeType },
    remindedAt: { type: DateTimeType, nullable: true },
    createdAt: createdAtProperty,
  },
});

export class Removal {
  [OptionalProps]?: 'id' | 'createdAt' | 'noticeItem' | 'authRequest' | 'removedAt' | 'reinstatedAt';
  id: string = newId();
  /** The brand the removal protects; null for proactive removals matched to no brand. */
  brand!: Brand | null;
  marketplace!: Marketplace;
  listing!: Listing;
  source!: RemovalSource;
  noticeItem!: NoticeItem | null;
  authRequest!: AuthRequest | null;
  requestedAt!: Date;
  /** When the marketplace acknowledged; turnaround = removedAt - requestedAt. */
  removedAt!: Date | null;
  reinstatedAt!: Date | null;
  createdAt!: Date;
}

export const RemovalSchema = new EntitySchema<Removal>({
  class: Removal,
  tableName: 'removals',
  indexes: [
    { properties: ['brand', 'requestedAt'] },
    { properties: ['marketplace', 'requestedAt'] },
    { properties: ['source', 'requestedAt'] },
    { properties: ['listing'] },
    { properties: ['noticeItem'] },
  ],
  properties: {
    id: idProperty,
    brand: { kind: 'm:1', entity: 'Brand', nullable: true, deleteRule: 'restrict' },
    marketplace: marketplaceRef,
    listing: listingRef,
    source: enumProperty(REMOVAL_SOURCES),
    noticeItem: { kind: 'm:1', entity: 'NoticeItem', nullable: true, deleteRule: 'set null' },
    authRequest: { kind: 'm:1', entity: 'AuthRequest', nullable: true, deleteRule: 'set null' },
    requestedAt: { type: DateTimeType },
    removedAt: { type: DateTimeType, nullable: true },
    reinstatedAt: { type: DateTimeType, nullable: true },
    createdAt: createdAtProperty,
  },
});

export class Appeal {
  [OptionalProps]?:
    | 'id'
    | 'createdAt'
    | 'state'
    | 'brandResponse'
    | 'brandRespondedAt'
    | 'decidedBy'
    | 'decidedAt'
    | 'decisionReason'
    | 'externalId'
    | 'brandAnswer'
    | 'brandAnsweredBy'
    | 'brandEvidence'
    | 'brandDueAt';
  id: string = newId();
  removal!: Removal;
  /** The marketplace's own id for the counter-notice: a resent one is recognised, not filed twice. */
  externalId!: string | null;
  brand!: Brand | null;
  marketplace!: Marketplace;
  seller!: Seller;
  statement!: string;
  evidence!: string[];
  state!: AppealState;
  /** The brand's reason, with its answer; null answer and a set `brandRespondedAt` mean silence. */
  brandResponse!: string | null;
  brandRespondedAt!: Date | null;
  brandAnswer!: BrandAppealAnswer | null;
  brandAnsweredBy!: User | null;
  brandEvidence!: string[];
  /** The end of the brand's window; after it, silence counts as its answer. */
  brandDueAt!: Date | null;
  decidedBy!: User | null;
  decidedAt!: Date | null;
  decisionReason!: string | null;
  createdAt!: Date;
}

export const AppealSchema = new EntitySchema<Appeal>({
  class: Appeal,
  tableName: 'appeals',
  indexes: [
    { properties: ['brand', 'state', 'createdAt'] },
    { properties: ['state', 'createdAt'] },
    { properties: ['marketplace', 'createdAt'] },
    { properties: ['removal'] },
    { properties: ['seller'] },
    { properties: ['state', 'brandDueAt'] },
  ],
  uniques: [{ properties: ['marketplace', 'externalId'] }],
  properties: {
    id: idProperty,
    removal: { kind: 'm:1', entity: 'Removal', deleteRule: 'restrict' },
    brand: { kind: 'm:1', entity: 'Brand', nullable: true, deleteRule: 'restrict' },
    marketplace: marketplaceRef,
    seller: { kind: 'm:1', entity: 'Seller', deleteRule: 'restrict' },
    statement: { type: 'text' },
    evidence: { type: 'json' },
    state: enumProperty(APPEAL_STATES, { default: 'open' }),
    brandResponse: { type: 'text', nullable: true },
    brandRespondedAt: { type: DateTimeType, nullable: true },
    externalId: { type: 'string', length: 100, nullable: true },
    brandAnswer: enumProperty(BRAND_APPEAL_ANSWERS, { nullable: true }),
    brandAnsweredBy: optionalUserRef,
    brandEvidence: { type: 'json', default: '[]' },
    brandDueAt: { type: DateTimeType, nullable: true },
    decidedBy: optionalUserRef,
    decidedAt: { type: DateTimeType, nullable: true },
    decisionReason: { type: 'text', nullable: true },
    createdAt: createdAtProperty,
  },
});

export class Strike {
  [OptionalProps]?: 'id' | 'createdAt';
  id: string = newId();
  seller!: Seller;
  marketplace!: Marketplace;
  brand!: Brand | null;
  removal!: Removal;
  expiresAt!: Date;
  createdAt!: Date;
}

export const StrikeSchema = new EntitySchema<Strike>({
  class: Strike,
  tableName: 'strikes',
  indexes: [{ properties: ['seller', 'expiresAt'] }, { properties: ['brand', 'createdAt'] }],
  properties: {
    id: idProperty,
    seller: { kind: 'm:1', entity: 'Seller', deleteRule: 'restrict' },
    marketplace: marketplaceRef,
    brand: { kind: 'm:1', entity: 'Brand', nullable: true, deleteRule: 'restrict' },
    removal: { kind: 'm:1', entity: 'Removal', deleteRule: 'restrict' },
    expiresAt: { type: DateTimeType },
    createdAt: createdAtProperty,
  },
});
