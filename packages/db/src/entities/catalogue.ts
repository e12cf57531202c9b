import { DateTimeType, EntitySchema, OptionalProps } from '@mikro-orm/core';
import { LISTING_STATUSES, SELLER_STATUSES, type ListingStatus, type SellerStatus } from '@jf/domain';
import type { Brand, Marketplace, ProtectedProduct } from './brand';
import { createdAtProperty, enumProperty, idProperty, updatedAtProperty, newId } from './common';

export class Seller {
  [OptionalProps]?:
    'id' | 'createdAt' | 'status' | 'strikeCount' | 'contactFingerprint' | 'paymentFingerprint';
  id: string = newId();
  marketplace!: Marketplace;
  externalId!: string;
  name!: string;
  status!: SellerStatus;
  strikeCount!: number;
  /** Hashes of contact and payment details, used to find related accounts. */
  contactFingerprint!: string | null;
  paymentFingerprint!: string | null;
  registeredAt!: Date;
  createdAt!: Date;
}

export const SellerSchema = new EntitySchema<Seller>({
  class: Seller,
  tableName: 'sellers',
  uniques: [{ properties: ['marketplace', 'externalId'] }],
  indexes: [{ properties: ['contactFingerprint'] }, { properties: ['paymentFingerprint'] }],
  properties: {
    id: idProperty,
    marketplace: { kind: 'm:1', entity: 'Marketplace', deleteRule: 'restrict' },
    externalId: { type: 'string', length: 64 },
    name: { type: 'string', length: 200 },
    status: enumProperty(SELLER_STATUSES, { default: 'active' }),
    strikeCount: { type: 'integer', default: 0 },
    contactFingerprint: { type: 'string', length: 64, nullable: true },
    paymentFingerprint: { type: 'string', length: 64, nullable: true },
    registeredAt: { type: DateTimeType },
    createdAt: createdAtProperty,
  },
});

export class Listing {
  [OptionalProps]?:
    | 'id'
    | 'createdAt'
    | 'updatedAt'
    | 'status'
    | 'matchedBrand'
    | 'matchedProduct'
    | 'riskScore'
    | 'scoredAt'
    | 'riskFeatures'
    | 'riskModelVersion'
    | 'imageHashes';
  id: string = newId();
  marketplace!: Marketplace;
  seller!: Seller;
  externalId!: string;
  title!: string;
  priceCents!: number;
  currency!: string;
  category!: string;
  images!: string[];
  status!: ListingStatus;
  /** The brand whose protected product this listing resembles most, when detection found one. */
  matchedBrand!: Brand | null;
  matchedProduct!: ProtectedProduct | null;
  riskScore!: number | null;
  scoredAt!: Date | null;
  /** The detection features behind `riskScore`, kept so a later label trains on what the model saw. */
  riskFeatures!: Record<string, number> | null;
  riskModelVersion!: number | null;
  /** Perceptual hashes of the listing's images as the marketplace reports them; null when it reports none. */
  imageHashes!: string[] | null;
  listedAt!: Date;
  createdAt!: Date;
  updatedAt!: Date;
}

export const ListingSchema = new EntitySchema<Listing>({
  class: Listing,
  tableName: 'listings',
  uniques: [{ properties: ['marketplace', 'externalId'] }],
  indexes: [
    { properties: ['seller'] },
    { properties: ['matchedBrand', 'status'] },
    { properties: ['status', 'updatedAt'] },
    { properties: ['scoredAt', 'id'] },
  ],
  properties: {
    id: idProperty,
    marketplace: { kind: 'm:1', entity: 'Marketplace', deleteRule: 'restrict' },
    seller: { kind: 'm:1', entity: 'Seller', deleteRule: 'restrict' },
    externalId: { type: 'string', length: 64 },
    title: { type: 'string', length: 500 },
    priceCents: { type: 'integer' },
    currency: { type: 'string', length: 3 },
    category: { type: 'string', length: 100 },
    images: { type: 'json' },
    status: enumProperty(LISTING_STATUSES, { default: 'active' }),
    matchedBrand: { kind: 'm:1', entity: 'Brand', nullable: true, deleteRule: 'set null' },
    matchedProduct: { kind: 'm:1', entity: 'ProtectedProduct', nullable: true, deleteRule: 'set null' },
    riskScore: { type: 'double', nullable: true },
    scoredAt: { type: DateTimeType, nullable: true },
    riskFeatures: { type: 'json', nullable: true },
    riskModelVersion: { type: 'integer', nullable: true },
    imageHashes: { type: 'json', nullable: true },
    listedAt: { type: DateTimeType },
    createdAt: createdAtProperty,
    updatedAt: updatedAtProperty,
  },
});

/**
 * The simulated marketplace's hidden ground truth. Nothing in detection or the API reads it:
 * only the simulator, the demo generator and quality benchmarks do.
 */
export class ListingTruth {
  [OptionalProps]?: 'brand';
  listing!: Listing;
  counterfeit!: boolean;
  /** The brand whose goods the listing really copies (or genuinely sells). */
  brand!: Brand | null;
}

export const ListingTruthSchema = new EntitySchema<ListingTruth>({
  class: ListingTruth,
  tableName: 'sim_listing_truths',
  properties: {
    listing: { kind: '1:1', entity: 'Listing', primary: true, owner: true, deleteRule: 'cascade' },
    counterfeit: { type: 'boolean' },
    brand: { kind: 'm:1', entity: 'Brand', nullable: true, deleteRule: 'set null' },
  },
});
