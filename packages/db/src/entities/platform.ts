import { DateTimeType, EntitySchema, OptionalProps } from '@mikro-orm/core';
import {
  API_KEY_KINDS,
  AUDIT_ENTITIES,
  BULK_JOB_STATES,
  NOTIFICATION_EMAIL_STATES,
  NOTIFICATION_KINDS,
  MESSAGE_AUTHOR_SIDES,
  MODEL_VERSION_STATUSES,
  OUTBOX_KINDS,
  OUTBOX_STATES,
  THREAD_SUBJECT_TYPES,
  type ApiKeyKind,
  type AuditEntity,
  type BulkJobState,
  type NotificationEmailState,
  type NotificationKind,
  type MessageAuthorSide,
  type ModelVersionStatus,
  type OutboxKind,
  type OutboxState,
  type ThreadSubjectType,
} from '@jf/domain';
import type { Brand, Marketplace } from './brand';
import { createdAtProperty, enumProperty, idProperty, newId } from './common';
import type { User } from './identity';

export class MessageThread {
  [OptionalProps]?: 'id' | 'createdAt' | 'subjectType' | 'subjectId' | 'brandReadAt' | 'staffReadAt' | 'brandUnread' | 'staffUnread' | 'startedBy';
  id: string = newId();
  brand!: Brand;
  subject!: string;
  subjectType!: ThreadSubjectType | null;
  subjectId!: string | null;
  /** Read state per side: a message is unread for a side when it is newer than that side's mark. */
  brandReadAt!: Date | null;
  staffReadAt!: Date | null;
  /** Messages the side has not read yet, kept with each post and reset when the side opens the thread. */
  brandUnread: number = 0;
  staffUnread: number = 0;
  startedBy!: User | null;
  lastMessageAt!: Date;
  createdAt!: Date;
}

export const MessageThreadSchema = new EntitySchema<MessageThread>({
  class: MessageThread,
  tableName: 'message_threads',
  indexes: [{ properties: ['brand', 'lastMessageAt'] }, { properties: ['subjectType', 'subjectId'] }],
  properties: {
    id: idProperty,
    brand: { kind: 'm:1', entity: 'Brand', deleteRule: 'cascade' },
    subject: { type: 'string', length: 300 },
    subjectType: enumProperty(THREAD_SUBJECT_TYPES, { nullable: true }),
    subjectId: { type: 'uuid', nullable: true },
    brandReadAt: { type: DateTimeType, nullable: true },
    staffReadAt: { type: DateTimeType, nullable: true },
    brandUnread: { type: 'integer', default: 0 },
    staffUnread: { type: 'integer', default: 0 },
    startedBy: { kind: 'm:1', entity: 'User', nullable: true, deleteRule: 'set null' },
    lastMessageAt: { type: DateTimeType },
    createdAt: createdAtProperty,
  },
});

export class Message {
  [OptionalProps]?: 'id' | 'createdAt' | 'attachments';
  id: string = newId();
  thread!: MessageThread;
  brand!: Brand;
  author!: User | null;
  authorSide!: MessageAuthorSide;
  body!: string;
  /** Ids of documents uploaded for the brand; they are served by the documents endpoint with its tenancy rules. */
  attachments!: string[];
  createdAt!: Date;
}

export const MessageSchema = new EntitySchema<Message>({
  class: Message,
  tableName: 'messages',
  indexes: [{ properties: ['thread', 'createdAt'] }],
  properties: {
    id: idProperty,
    thread: { kind: 'm:1', entity: 'MessageThread', deleteRule: 'cascade' },
    brand: { kind: 'm:1', entity: 'Brand', deleteRule: 'cascade' },
    author: { kind: 'm:1', entity: 'User', nullable: true, deleteRule: 'set null' },
    authorSide: enumProperty(MESSAGE_AUTHOR_SIDES),
    body: { type: 'text' },
    attachments: { type: 'json', default: '[]' },
    createdAt: createdAtProperty,
  },
});

/** Append-only: the application never updates or deletes these rows. */
export class AuditEvent {
  [OptionalProps]?: 'id' | 'requestId' | 'before' | 'after' | 'brandId' | 'actorId';
  id: string = newId();
  /** Plain ids, not relations: an audit row must outlive whatever it describes. */
  actorId!: string | null;
  actorLabel!: string;
  action!: string;
  entityType!: AuditEntity;
  entityId!: string;
  brandId!: string | null;
  before!: Record<string, unknown> | null;
  after!: Record<string, unknown> | null;
  requestId!: string | null;
  occurredAt!: Date;
}

/**
 * Append-only in the database: triggers refuse UPDATE and DELETE (Migration20261128180000). A SQLite
 * migration that rebuilds this table must create them again; `Database.schemaDrift` reports them missing.
 */
export const AuditEventSchema = new EntitySchema<AuditEvent>({
  class: AuditEvent,
  tableName: 'audit_events',
  indexes: [
    { properties: ['entityType', 'entityId'] },
    { properties: ['brandId', 'occurredAt'] },
    { properties: ['actorId', 'occurredAt'] },
    { properties: ['occurredAt'] },
  ],
  properties: {
    id: idProperty,
    actorId: { type: 'uuid', nullable: true },
    actorLabel: { type: 'string', length: 300 },
    action: { type: 'string', length: 100 },
    entityType: enumProperty(AUDIT_ENTITIES),
    entityId: { type: 'string', length: 64 },
    brandId: { type: 'uuid', nullable: true },
    before: { type: 'json', nullable: true },
    after: { type: 'json', nullable: true },
    requestId: { type: 'string', length: 64, nullable: true },
    occurredAt: { type: DateTimeType },
  },
});

export class ModelVersion {
  [OptionalProps]?: 'id' | 'status' | 'promotedAt';
  id: string = newId();
  version!: number;
  status!: ModelVersionStatus;
  weights!: Record<string, number>;
  removeThreshold!: number;
  askThreshold!: number;
  metrics!: Record<string, number>;
  labelCounts!: Record<string, number>;
  trainedAt!: Date;
  promotedAt!: Date | null;
}

export const ModelVersionSchema = new EntitySchema<ModelVersion>({
  class: ModelVersion,
  tableName: 'model_versions',
  indexes: [{ properties: ['status'] }],
  properties: {
    id: idProperty,
    version: { type: 'integer', unique: true },
    status: enumProperty(MODEL_VERSION_STATUSES, { default: 'candidate' }),
    weights: { type: 'json' },
    removeThreshold: { type: 'double' },
    askThreshold: { type: 'double' },
    metrics: { type: 'json' },
    labelCounts: { type: 'json' },
    trainedAt: { type: DateTimeType },
    promotedAt: { type: DateTimeType, nullable: true },
  },
});

export class OutboxCommand {
  [OptionalProps]?:
    | 'id'
    | 'createdAt'
    | 'state'
    | 'attempts'
    | 'lastError'
    | 'deliveredAt'
    | 'marketplace'
    | 'brand'
    | 'claimedUntil'
    | 'claimedBy';
  id: string = newId();
  kind!: OutboxKind;
  marketplace!: Marketplace | null;
  brand!: Brand | null;
  payload!: Record<string, unknown>;
  /** Sent to the receiver so a redelivered command is applied once. */
  idempotencyKey!: string;
  state!: OutboxState;
  attempts!: number;
  nextAttemptAt!: Date;
  /** A dispatcher's lease: until then no other dispatcher may deliver this command. */
  claimedUntil!: Date | null;
  claimedBy!: string | null;
  lastError!: string | null;
  deliveredAt!: Date | null;
  createdAt!: Date;
}

export const OutboxCommandSchema = new EntitySchema<OutboxCommand>({
  class: OutboxCommand,
  tableName: 'outbox_commands',
  indexes: [{ properties: ['state', 'nextAttemptAt'] }, { properties: ['marketplace', 'state'] }],
  properties: {
    id: idProperty,
    kind: enumProperty(OUTBOX_KINDS),
    marketplace: { kind: 'm:1', entity: 'Marketplace', nullable: true, deleteRule: 'restrict' },
    brand: { kind: 'm:1', entity: 'Brand', nullable: true, deleteRule: 'restrict' },
    payload: { type: 'json' },
    idempotencyKey: { type: 'string', length: 128, unique: true },
    state: enumProperty(OUTBOX_STATES, { default: 'pending' }),
    attempts: { type: 'integer', default: 0 },
    nextAttemptAt: { type: DateTimeType },
    claimedUntil: { type: DateTimeType, nullable: true },
    claimedBy: { type: 'string', length: 100, nullable: true },
    lastError: { type: 'text', nullable: true },
    deliveredAt: { type: DateTimeType, nullable: true },
    createdAt: createdAtProperty,
  },
});

/** Policy settings (thresholds, sample rates) as JSON values under stable keys. */
export class Setting {
  [OptionalProps]?: 'updatedAt' | 'updatedBy';
  key!: string;
  value!: unknown;
  updatedBy!: User | null;
  updatedAt!: Date;
}

export const SettingSchema = new EntitySchema<Setting>({
  class: Setting,
  tableName: 'settings',
  properties: {
    key: { type: 'string', length: 100, primary: true },
    value: { type: 'json' },
    updatedBy: { kind: 'm:1', entity: 'User', nullable: true, deleteRule: 'set null' },
    updatedAt: { type: DateTimeType, onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});

/** An uploaded file (evidence, bulk CSV); stored on disk, addressed only together with its brand. */
export class Document {
  [OptionalProps]?: 'id' | 'createdAt' | 'uploadedBy';
  id: string = newId();
  brand!: Brand;
  fileName!: string;
  contentType!: string;
  sizeBytes!: number;
  sha256!: string;
  storagePath!: string;
  uploadedBy!: User | null;
  createdAt!: Date;
}

export const DocumentSchema = new EntitySchema<Document>({
  class: Document,
  tableName: 'documents',
  indexes: [{ properties: ['brand', 'createdAt'] }, { properties: ['brand', 'sha256'] }],
  properties: {
    id: idProperty,
    brand: { kind: 'm:1', entity: 'Brand', deleteRule: 'cascade' },
    fileName: { type: 'string', length: 255 },
    contentType: { type: 'string', length: 100 },
    sizeBytes: { type: 'integer' },
    sha256: { type: 'string', length: 64 },
    storagePath: { type: 'string', length: 500 },
    uploadedBy: { kind: 'm:1', entity: 'User', nullable: true, deleteRule: 'set null' },
    createdAt: createdAtProperty,
  },
});

/**
 * A bulk notice being processed from a CSV. Progress is committed with each batch of rows, so a
 * restarted process resumes at `rowsProcessed` and no row is applied twice.
 */
export class BulkJob {
  [OptionalProps]?:
    | 'id'
    | 'createdAt'
    | 'updatedAt'
    | 'state'
    | 'rowsTotal'
    | 'rowsProcessed'
    | 'rowsAccepted'
    | 'rowsRejected'
    | 'failureReason'
    | 'finishedAt'
    | 'notice'
    | 'submittedBy'
    | 'testBuyOrderRef';
  id: string = newId();
  brand!: Brand;
  submittedBy!: User | null;
  /** SHA-256 of the file: the same file sent twice by one brand is one job. */
  idempotencyKey!: string;
  document!: Document;
  ipRight!: string;
  reason!: string;
  evidence!: string;
  testBuyOrderRef!: string | null;
  notice!: string | null;
  state!: BulkJobState;
  rowsTotal!: number | null;
  rowsProcessed!: number;
  rowsAccepted!: number;
  rowsRejected!: number;
  failureReason!: string | null;
  finishedAt!: Date | null;
  createdAt!: Date;
  updatedAt!: Date;
}

export const BulkJobSchema = new EntitySchema<BulkJob>({
  class: BulkJob,
  tableName: 'bulk_jobs',
  uniques: [{ properties: ['brand', 'idempotencyKey'] }],
  indexes: [{ properties: ['state', 'createdAt'] }, { properties: ['brand', 'createdAt'] }],
  properties: {
    id: idProperty,
    brand: { kind: 'm:1', entity: 'Brand', deleteRule: 'cascade' },
    submittedBy: { kind: 'm:1', entity: 'User', nullable: true, deleteRule: 'set null' },
    idempotencyKey: { type: 'string', length: 128 },
    document: { kind: 'm:1', entity: 'Document', deleteRule: 'restrict' },
    ipRight: { type: 'uuid' },
    reason: { type: 'string', length: 40 },
    evidence: { type: 'text' },
    testBuyOrderRef: { type: 'string', length: 100, nullable: true },
    notice: { type: 'uuid', nullable: true },
    state: enumProperty(BULK_JOB_STATES, { default: 'queued' }),
    rowsTotal: { type: 'integer', nullable: true },
    rowsProcessed: { type: 'integer', default: 0 },
    rowsAccepted: { type: 'integer', default: 0 },
    rowsRejected: { type: 'integer', default: 0 },
    failureReason: { type: 'text', nullable: true },
    finishedAt: { type: DateTimeType, nullable: true },
    createdAt: createdAtProperty,
    updatedAt: { type: DateTimeType, onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});

/** One rejected row of a bulk notice, written in the same transaction as the batch it belongs to. */
export class BulkJobError {
  [OptionalProps]?: 'id';
  id: string = newId();
  job!: BulkJob;
  row!: number;
  column!: string;
  message!: string;
}

export const BulkJobErrorSchema = new EntitySchema<BulkJobError>({
  class: BulkJobError,
  tableName: 'bulk_job_errors',
  indexes: [{ properties: ['job', 'row'] }],
  properties: {
    id: idProperty,
    job: { kind: 'm:1', entity: 'BulkJob', deleteRule: 'cascade' },
    row: { type: 'integer' },
    column: { type: 'string', length: 50 },
    message: { type: 'text' },
  },
});

/** In-app notification for one brand's users (or one staff user when `user` is set). */
export class Notification {
  [OptionalProps]?:
    | 'id'
    | 'createdAt'
    | 'readAt'
    | 'user'
    | 'brand'
    | 'entityType'
    | 'entityId'
    | 'emailState'
    | 'emailAttempts'
    | 'emailNextAt'
    | 'emailError';
  id: string = newId();
  brand!: Brand | null;
  user!: User | null;
  kind!: NotificationKind;
  title!: string;
  body!: string;
  entityType!: AuditEntity | null;
  entityId!: string | null;
  readAt!: Date | null;
  /** The e-mail copy, sent by the mailer to every recipient whose preferences ask for it. */
  emailState!: NotificationEmailState;
  emailAttempts!: number;
  emailNextAt!: Date | null;
  emailError!: string | null;
  createdAt!: Date;
}

export const NotificationSchema = new EntitySchema<Notification>({
  class: Notification,
  tableName: 'notifications',
  indexes: [{ properties: ['brand', 'createdAt'] }, { properties: ['user', 'createdAt'] }, { properties: ['emailState', 'emailNextAt'] }],
  properties: {
    id: idProperty,
    brand: { kind: 'm:1', entity: 'Brand', nullable: true, deleteRule: 'cascade' },
    user: { kind: 'm:1', entity: 'User', nullable: true, deleteRule: 'cascade' },
    kind: enumProperty(NOTIFICATION_KINDS),
    title: { type: 'string', length: 300 },
    body: { type: 'text' },
    entityType: enumProperty(AUDIT_ENTITIES, { nullable: true }),
    entityId: { type: 'string', length: 64, nullable: true },
    readAt: { type: DateTimeType, nullable: true },
    emailState: enumProperty(NOTIFICATION_EMAIL_STATES, { default: 'pending' }),
    emailAttempts: { type: 'integer', default: 0 },
    emailNextAt: { type: DateTimeType, nullable: true },
    emailError: { type: 'text', nullable: true },
    createdAt: createdAtProperty,
  },
});

/** An integration key: shown once at creation, stored as its SHA-256 only; revoked keys stay for the audit trail. */
export class ApiKey {
  [OptionalProps]?: 'id' | 'createdAt' | 'marketplace' | 'brand' | 'agent' | 'createdBy' | 'revokedAt' | 'lastUsedAt';
  id: string = newId();
  name!: string;
  kind!: ApiKeyKind;
  marketplace!: Marketplace | null;
  brand!: Brand | null;
  /** An agent's key acts for the brands that authorised its organisation, one named per call. */
  agent!: AgentOrganisation | null;
  /** The first characters of the key, so people can tell their keys apart. */
  prefix!: string;
  secretHash!: string;
  scopes!: string[];
  createdBy!: User | null;
  createdAt!: Date;
  revokedAt!: Date | null;
  lastUsedAt!: Date | null;
}

export const ApiKeySchema = new EntitySchema<ApiKey>({
  class: ApiKey,
  tableName: 'api_keys',
  indexes: [{ properties: ['marketplace'] }, { properties: ['brand'] }, { properties: ['agent'] }],
  properties: {
    id: idProperty,
    name: { type: 'string', length: 200 },
    kind: enumProperty(API_KEY_KINDS),
    marketplace: { kind: 'm:1', entity: 'Marketplace', nullable: true, deleteRule: 'cascade' },
    brand: { kind: 'm:1', entity: 'Brand', nullable: true, deleteRule: 'cascade' },
    agent: { kind: 'm:1', entity: 'AgentOrganisation', nullable: true, deleteRule: 'cascade' },
    prefix: { type: 'string', length: 16 },
    secretHash: { type: 'string', length: 64, unique: true },
    scopes: { type: 'json' },
    createdBy: { kind: 'm:1', entity: 'User', nullable: true, deleteRule: 'set null' },
    createdAt: createdAtProperty,
    revokedAt: { type: DateTimeType, nullable: true },
    lastUsedAt: { type: DateTimeType, nullable: true },
  },
});

/** A law firm or brand-protection vendor that files for brands under their letters of authorisation. */
export class AgentOrganisation {
  [OptionalProps]?: 'id' | 'createdAt';
  id: string = newId();
  name!: string;
  createdAt!: Date;
}

export const AgentOrganisationSchema = new EntitySchema<AgentOrganisation>({
  class: AgentOrganisation,
  tableName: 'agent_organisations',
  properties: {
    id: idProperty,
    name: { type: 'string', length: 200, unique: true },
    createdAt: createdAtProperty,
  },
});

/** A brand's letter of authorisation to an agent: live while `revokedAt` is null. */
export class AgentAuthorisation {
  [OptionalProps]?: 'id' | 'revokedAt' | 'letterDocument' | 'grantedBy';
  id: string = newId();
  agent!: AgentOrganisation;
  brand!: Brand;
  /** The signed letter the brand uploaded, when it did. */
  letterDocument!: Document | null;
  grantedBy!: User | null;
  grantedAt!: Date;
  revokedAt!: Date | null;
}

export const AgentAuthorisationSchema = new EntitySchema<AgentAuthorisation>({
  class: AgentAuthorisation,
  tableName: 'agent_authorisations',
  indexes: [{ properties: ['agent', 'revokedAt'] }, { properties: ['brand', 'revokedAt'] }],
  properties: {
    id: idProperty,
    agent: { kind: 'm:1', entity: 'AgentOrganisation', deleteRule: 'cascade' },
    brand: { kind: 'm:1', entity: 'Brand', deleteRule: 'cascade' },
    letterDocument: { kind: 'm:1', entity: 'Document', nullable: true, deleteRule: 'set null' },
    grantedBy: { kind: 'm:1', entity: 'User', nullable: true, deleteRule: 'set null' },
    grantedAt: { type: DateTimeType },
    revokedAt: { type: DateTimeType, nullable: true },
  },
});
