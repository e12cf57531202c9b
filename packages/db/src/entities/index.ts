import { AccountManagerAssignmentSchema, AllowlistEntrySchema, BrandSchema, IpRightSchema, MarketplaceSchema, ProtectedProductSchema } from './brand';
import { ListingSchema, ListingTruthSchema, SellerSchema } from './catalogue';
import {
  AppealSchema,
  AuthRequestSchema,
  NoticeItemSchema,
  NoticeSchema,
  RemovalSchema,
  StrikeSchema,
} from './enforcement';
import { DetectionDecisionSchema, DetectionLabelSchema, DetectionScanSchema } from './detection';
import { SessionSchema, SignInThrottleSchema, UserSchema } from './identity';
import { ROLLUP_SCHEMAS } from './rollups';
import {
  AgentAuthorisationSchema,
  AgentOrganisationSchema,
  ApiKeySchema,
  AuditEventSchema,
  BulkJobErrorSchema,
  BulkJobSchema,
  DocumentSchema,
  MessageSchema,
  MessageThreadSchema,
  ModelVersionSchema,
  NotificationSchema,
  OutboxCommandSchema,
  SettingSchema,
} from './platform';

export * from './brand';
export * from './catalogue';
export * from './detection';
export * from './enforcement';
export * from './identity';
export * from './platform';

export const ENTITY_SCHEMAS = [
  MarketplaceSchema,
  BrandSchema,
  UserSchema,
  SessionSchema,
  SignInThrottleSchema,
  IpRightSchema,
  ProtectedProductSchema,
  SellerSchema,
  ListingSchema,
  ListingTruthSchema,
  NoticeSchema,
  NoticeItemSchema,
  AuthRequestSchema,
  RemovalSchema,
  AppealSchema,
  StrikeSchema,
  MessageThreadSchema,
  MessageSchema,
  AuditEventSchema,
  ModelVersionSchema,
  OutboxCommandSchema,
  SettingSchema,
  DocumentSchema,
  BulkJobSchema,
  BulkJobErrorSchema,
  NotificationSchema,
  AccountManagerAssignmentSchema,
  AllowlistEntrySchema,
  ApiKeySchema,
  AgentOrganisationSchema,
  AgentAuthorisationSchema,
  DetectionLabelSchema,
  DetectionScanSchema,
  DetectionDecisionSchema,
  ...ROLLUP_SCHEMAS,
];
