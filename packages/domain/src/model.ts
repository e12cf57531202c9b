/**
 * The vocabulary of DESIGN.md as closed sets. Every other package reads these lists,
 * so a new status is added here once and the type checker finds every switch to extend.
 */

export const MARKETPLACE_CODES = ['taobao', 'tmall', 'aliexpress', '1688', 'alibaba'] as const;
export type MarketplaceCode = (typeof MARKETPLACE_CODES)[number];

export const STAFF_ROLES = ['leadership', 'account_manager', 'reviewer', 'platform_admin'] as const;
export const BRAND_ROLES = ['brand_admin', 'brand_agent'] as const;
export const ROLES = [...STAFF_ROLES, ...BRAND_ROLES] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type BrandRole = (typeof BRAND_ROLES)[number];
export type Role = (typeof ROLES)[number];
export const isBrandRole = (role: Role): role is BrandRole => (BRAND_ROLES as readonly Role[]).includes(role);
export const isStaffRole = (role: Role): role is StaffRole => !isBrandRole(role);

export const USER_STATUSES = ['invited', 'active', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const BRAND_STATUSES = ['onboarding', 'active', 'inactive'] as const;
export type BrandStatus = (typeof BRAND_STATUSES)[number];

export const GFT_STATUSES = ['not_eligible', 'eligible', 'enrolled', 'suspended'] as const;
export type GftStatus = (typeof GFT_STATUSES)[number];

/** Phases of a brand's joint-force partnership, from first contact to full data exchange. */
export const JOINT_FORCE_PHASES = ['onboarding', 'notice_and_takedown', 'authentication', 'joint_force'] as const;
export type JointForcePhase = (typeof JOINT_FORCE_PHASES)[number];

export const IP_RIGHT_KINDS = ['trademark', 'copyright', 'patent', 'design'] as const;
export type IpRightKind = (typeof IP_RIGHT_KINDS)[number];

export const IP_RIGHT_STATUSES = ['pending', 'verified', 'rejected', 'expired'] as const;
export type IpRightStatus = (typeof IP_RIGHT_STATUSES)[number];

export const LISTING_STATUSES = ['active', 'removed', 'reinstated'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export const SELLER_STATUSES = ['active', 'restricted', 'banned'] as const;
export type SellerStatus = (typeof SELLER_STATUSES)[number];

export const NOTICE_REASONS = ['counterfeit', 'trademark_misuse', 'copyright', 'patent', 'test_buy'] as const;
export type NoticeReason = (typeof NOTICE_REASONS)[number];

export const NOTICE_PATHS = ['good_faith', 'standard'] as const;
export type NoticePath = (typeof NOTICE_PATHS)[number];

export const NOTICE_ITEM_STATES = ['pending', 'removed', 'rejected', 'needs_info', 'reinstated'] as const;
export type NoticeItemState = (typeof NOTICE_ITEM_STATES)[number];

export const REJECTION_CODES = [
  'insufficient_evidence',
  'right_not_applicable',
  'listing_not_infringing',
  'authorised_seller',
  'duplicate',
  'other',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export const AUTH_REQUEST_STATES = ['open', 'answered', 'expired'] as const;
export type AuthRequestState = (typeof AUTH_REQUEST_STATES)[number];

export const AUTH_ANSWERS = ['counterfeit', 'genuine', 'unsure'] as const;
export type AuthAnswer = (typeof AUTH_ANSWERS)[number];

export const REMOVAL_SOURCES = ['proactive', 'authentication', 'notice_gft', 'notice_standard'] as const;
export type RemovalSource = (typeof REMOVAL_SOURCES)[number];
export const PROACTIVE_SOURCES: readonly RemovalSource[] = ['proactive', 'authentication'];
export const BRAND_REQUESTED_SOURCES: readonly RemovalSource[] = ['notice_gft', 'notice_standard'];

/** `open`: the brand has yet to answer; `contested`: a reviewer decides. */
export const APPEAL_STATES = ['open', 'contested', 'upheld', 'reinstated'] as const;
export type AppealState = (typeof APPEAL_STATES)[number];

/** What the brand said to a counter-notice (silence is recorded as the answer it stands for). */
export const BRAND_APPEAL_ANSWERS = ['retract', 'contest'] as const;
export type BrandAppealAnswer = (typeof BRAND_APPEAL_ANSWERS)[number];

export const MESSAGE_AUTHOR_SIDES = ['brand', 'staff'] as const;
export type MessageAuthorSide = (typeof MESSAGE_AUTHOR_SIDES)[number];

export const MODEL_VERSION_STATUSES = ['candidate', 'active', 'retired', 'rejected'] as const;
export type ModelVersionStatus = (typeof MODEL_VERSION_STATUSES)[number];

/** Where a detection label came from: every one is a judgement about one listing by someone who knows. */
export const LABEL_SOURCES = ['authentication', 'gft_audit', 'review', 'appeal'] as const;
export type LabelSource = (typeof LABEL_SOURCES)[number];

/** What the scanner did (or, in a dry run, would have done) with a listing; `allowlisted` = held back by the allowlist. */
export const DETECTION_DECISIONS = ['remove', 'ask', 'none', 'allowlisted'] as const;
export type DetectionDecisionKind = (typeof DETECTION_DECISIONS)[number];

export const DETECTION_SCAN_STATES = ['running', 'completed', 'failed', 'cancelled'] as const;
export type DetectionScanState = (typeof DETECTION_SCAN_STATES)[number];

/** `seller_status`: a seller was restricted or banned by its strikes and the marketplace must apply it. */
export const OUTBOX_KINDS = ['remove_listing', 'reinstate_listing', 'notify', 'seller_status'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

export const OUTBOX_STATES = ['pending', 'in_flight', 'delivered', 'dead'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export const BULK_JOB_STATES = ['queued', 'running', 'completed', 'failed'] as const;
export type BulkJobState = (typeof BULK_JOB_STATES)[number];

export const NOTIFICATION_KINDS = ['notice_item_state', 'gft_status', 'auth_request', 'message', 'bulk_job'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The e-mail copy of a notification: `skipped` when nobody asked for it by e-mail or it is too old to send. */
export const NOTIFICATION_EMAIL_STATES = ['pending', 'sent', 'skipped', 'failed'] as const;
export type NotificationEmailState = (typeof NOTIFICATION_EMAIL_STATES)[number];

/** What an audit event is about; one value per aggregate. */
export const AUDIT_ENTITIES = [
  'brand',
  'user',
  'ip_right',
  'protected_product',
  'seller',
  'listing',
  'notice',
  'notice_item',
  'auth_request',
  'removal',
  'appeal',
  'strike',
  'message_thread',
  'model_version',
  'outbox_command',
  'session',
  'bulk_job',
  'document',
  'api_key',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** What a message thread may be tied to; a thread without a subject is general correspondence. */
export const THREAD_SUBJECT_TYPES = ['notice', 'notice_item', 'listing', 'auth_request', 'appeal'] as const;
export type ThreadSubjectType = (typeof THREAD_SUBJECT_TYPES)[number];

/**
 * Final verdict on a decided notice item, as the GFT policy and brand accuracy count it.
 * Everything except `valid` counts against the brand.
 */
export const DECIDED_ITEM_OUTCOMES = [
  'valid',
  'rejected',
  'reinstated_on_appeal',
  'overturned_in_audit',
] as const;
export type DecidedItemOutcome = (typeof DECIDED_ITEM_OUTCOMES)[number];

/** Granularity of dashboard time series; buckets are aligned in UTC. */
export const TIME_BUCKET_UNITS = ['day', 'week', 'month'] as const;
export type TimeBucketUnit = (typeof TIME_BUCKET_UNITS)[number];

/** Who an integration key speaks for: a marketplace (its seller counter-notices) or, later, a brand. */
export const API_KEY_KINDS = ['marketplace', 'brand', 'agent'] as const;
export type ApiKeyKind = (typeof API_KEY_KINDS)[number];
