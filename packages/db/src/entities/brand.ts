import { DateTimeType, EntitySchema, OptionalProps, PrimaryKeyProp } from '@mikro-orm/core';
import {
  BRAND_STATUSES,
  GFT_STATUSES,
  IP_RIGHT_KINDS,
  IP_RIGHT_STATUSES,
  JOINT_FORCE_PHASES,
  MARKETPLACE_CODES,
  type BrandStatus,
  type GftStatus,
  type IpRightKind,
  type IpRightStatus,
  type JointForcePhase,
  type MarketplaceCode,
} from '@jf/domain';
import { createdAtProperty, enumProperty, idProperty, updatedAtProperty, newId } from './common';
import type { User } from './identity';

export class Marketplace {
  [OptionalProps]?: 'createdAt';
  /** The code is the key, so a bare code can stand for the marketplace in queries and inserts. */
  [PrimaryKeyProp]?: 'code';
  code!: MarketplaceCode;
  name!: string;
  baseUrl!: string;
  createdAt!: Date;
}

export const MarketplaceSchema = new EntitySchema<Marketplace>({
  class: Marketplace,
  tableName: 'marketplaces',
  properties: {
    code: { ...enumProperty(MARKETPLACE_CODES), primary: true },
    name: { type: 'string', length: 100 },
    baseUrl: { type: 'string', length: 255 },
    createdAt: createdAtProperty,
  },
});

export class Brand {
  [OptionalProps]?:
    | 'id'
    | 'createdAt'
    | 'updatedAt'
    | 'status'
    | 'gftStatus'
    | 'gftStatusChangedAt'
    | 'gftSuspendedAt'
    | 'jointForcePhase'
    | 'accountManager'
    | 'accuracy';
  id: string = newId();
  name!: string;
  slug!: string;
  status!: BrandStatus;
  gftStatus!: GftStatus;
  gftStatusChangedAt!: Date | null;
  gftSuspendedAt!: Date | null;
  jointForcePhase!: JointForcePhase;
  accountManager!: User | null;
  /** Rolling 90-day accuracy (valid / decided), refreshed by the rollup worker. */
  accuracy!: number | null;
  createdAt!: Date;
  updatedAt!: Date;
}

export const BrandSchema = new EntitySchema<Brand>({
  class: Brand,
  tableName: 'brands',
  indexes: [{ properties: ['gftStatus'] }, { properties: ['accountManager'] }],
  properties: {
    id: idProperty,
    name: { type: 'string', length: 200, unique: true },
    slug: { type: 'string', length: 200, unique: true },
    status: enumProperty(BRAND_STATUSES, { default: 'active' }),
    gftStatus: enumProperty(GFT_STATUSES, { default: 'not_eligible' }),
    gftStatusChangedAt: { type: DateTimeType, nullable: true },
    gftSuspendedAt: { type: DateTimeType, nullable: true },
    jointForcePhase: enumProperty(JOINT_FORCE_PHASES, { default: 'onboarding' }),
    accountManager: { kind: 'm:1', entity: 'User', nullable: true, deleteRule: 'set null' },
    accuracy: { type: 'double', nullable: true },
    createdAt: createdAtProperty,
    updatedAt: updatedAtProperty,
  },
});

export class IpRight {
  [OptionalProps]?:
    'id' | 'createdAt' | 'status' | 'rejectionReason' | 'verifiedBy' | 'verifiedAt' | 'evidenceDocument';
  id: string = newId();
  brand!: Brand;
  kind!: IpRightKind;
  registrationNumber!: string;
  jurisdiction!: string;
  classes!: string[];
  validFrom!: Date;
  validUntil!: Date;
  evidenceDocument!: string | null;
  status!: IpRightStatus;
  rejectionReason!: string | null;
  verifiedBy!: User | null;
  verifiedAt!: Date | null;
  createdAt!: Date;
}

export const IpRightSchema = new EntitySchema<IpRight>({
  class: IpRight,
  tableName: 'ip_rights',
  indexes: [{ properties: ['brand', 'status'] }, { properties: ['status', 'createdAt'] }],
  uniques: [{ properties: ['brand', 'kind', 'registrationNumber', 'jurisdiction'] }],
  properties: {
    id: idProperty,
    brand: { kind: 'm:1', entity: 'Brand', deleteRule: 'cascade' },
    kind: enumProperty(IP_RIGHT_KINDS),
    registrationNumber: { type: 'string', length: 100 },
    jurisdiction: { type: 'string', length: 10 },
    classes: { type: 'json' },
    validFrom: { type: DateTimeType },
    validUntil: { type: DateTimeType },
    evidenceDocument: { type: 'string', length: 500, nullable: true },
    status: enumProperty(IP_RIGHT_STATUSES, { default: 'pending' }),
    rejectionReason: { type: 'text', nullable: true },
    verifiedBy: { kind: 'm:1', entity: 'User', nullable: true, deleteRule: 'set null' },
    verifiedAt: { type: DateTimeType, nullable: true },
    createdAt: createdAtProperty,
  },
});

export class ProtectedProduct {
  [OptionalProps]?: 'id' | 'createdAt' | 'referenceImageHashes';
  id: string = newId();
  brand!: Brand;
  name!: string;
  keywords!: string[];
  msrpCents!: number;
  currency!: string;
  category!: string;
  referenceImages!: string[];
  /** Perceptual hashes of the reference images, computed on upload; detection compares listing images with them. */
  referenceImageHashes!: string[];
  createdAt!: Date;
}

export const ProtectedProductSchema = new EntitySchema<ProtectedProduct>({
  class: ProtectedProduct,
  tableName: 'protected_products',
  indexes: [{ properties: ['brand'] }],
  properties: {
    id: idProperty,
    brand: { kind: 'm:1', entity: 'Brand', deleteRule: 'cascade' },
    name: { type: 'string', length: 200 },
    keywords: { type: 'json' },
    msrpCents: { type: 'integer' },
    currency: { type: 'string', length: 3 },
    category: { type: 'string', length: 100 },
    referenceImages: { type: 'json' },
    referenceImageHashes: { type: 'json', default: '[]' },
    createdAt: createdAtProperty,
  },
});

/** One stretch of a brand's account management: open while `endedAt` is null. */
export class AccountManagerAssignment {
  [OptionalProps]?: 'id' | 'endedAt' | 'assignedBy' | 'note';
  id: string = newId();
  brand!: Brand;
  /** Null for a stretch in which the brand had no manager. */
  manager!: User | null;
  assignedBy!: User | null;
  note!: string | null;
  startedAt!: Date;
  endedAt!: Date | null;
}

export const AccountManagerAssignmentSchema = new EntitySchema<AccountManagerAssignment>({
  class: AccountManagerAssignment,
  tableName: 'account_manager_assignments',
  indexes: [{ properties: ['brand', 'startedAt'] }, { properties: ['manager', 'endedAt'] }],
  properties: {
    id: idProperty,
    brand: { kind: 'm:1', entity: 'Brand', deleteRule: 'cascade' },
    manager: { kind: 'm:1', entity: 'User', nullable: true, deleteRule: 'set null' },
    assignedBy: { kind: 'm:1', entity: 'User', nullable: true, deleteRule: 'set null' },
    note: { type: 'text', nullable: true },
    startedAt: { type: DateTimeType },
    endedAt: { type: DateTimeType, nullable: true },
  },
});

/**
 * A seller the brand has authorised (licensee, distributor) on one marketplace. Keyed by the
 * marketplace's own seller id, so a seller can be allowlisted before any of its listings arrive.
 */
export class AllowlistEntry {
  [OptionalProps]?: 'id' | 'createdAt' | 'sellerName' | 'addedBy';
  id: string = newId();
  brand!: Brand;
  marketplace!: Marketplace;
  sellerExternalId!: string;
  sellerName!: string | null;
  note!: string;
  addedBy!: User | null;
  createdAt!: Date;
}

export const AllowlistEntrySchema = new EntitySchema<AllowlistEntry>({
  class: AllowlistEntry,
  tableName: 'allowlist_entries',
  uniques: [{ properties: ['brand', 'marketplace', 'sellerExternalId'] }],
  properties: {
    id: idProperty,
    brand: { kind: 'm:1', entity: 'Brand', deleteRule: 'cascade' },
    marketplace: { kind: 'm:1', entity: 'Marketplace', deleteRule: 'restrict' },
    sellerExternalId: { type: 'string', length: 200 },
    sellerName: { type: 'string', length: 300, nullable: true },
    note: { type: 'text' },
    addedBy: { kind: 'm:1', entity: 'User', nullable: true, deleteRule: 'set null' },
    createdAt: createdAtProperty,
  },
});
