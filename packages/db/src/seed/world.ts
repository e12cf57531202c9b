/**
 * The deterministic demo world: marketplaces, staff, brands with rights and products, sellers,
 * listings with hidden ground truth, and a year of enforcement history shaped like DESIGN.md
 * describes (proactive removals ≈ 8x brand-requested ones, GFT minutes vs standard hours–days).
 *
 * Everything is generated in memory first by a pure function of (seed, size, now), then written
 * with multi-row inserts in one transaction.
 */
import type { Faker } from '@faker-js/faker';
import type { EntityClass } from '@mikro-orm/core';
import { faker as englishFaker } from '@faker-js/faker/locale/en';
import type {
  AppealState,
  AuthAnswer,
  AuthRequestState,
  GftStatus,
  IpRightKind,
  JointForcePhase,
  MarketplaceCode,
  NoticeItemState,
  NoticePath,
  NoticeReason,
  RejectionCode,
  RemovalSource,
  Role,
} from '@jf/domain';
import { DEFAULT_APPEAL_SETTINGS, sellerStatusFor } from '@jf/domain';
import type { Database } from '../database';
import {
  AccountManagerAssignment,
  Appeal,
  AuditEvent,
  AuthRequest,
  Brand,
  IpRight,
  Listing,
  ListingTruth,
  Marketplace,
  Message,
  MessageThread,
  ModelVersion,
  Notice,
  NoticeItem,
  ProtectedProduct,
  Removal,
  Seller,
  Strike,
  User,
} from '../entities';
import { hashPassword } from '../passwords';
import { DEMO_ACCOUNTS, DEMO_GFT_BRAND, DEMO_PASSWORD, DEMO_STANDARD_BRAND } from './accounts';
import { bulkInsert, withSqlitePragmas, type Row } from './bulk';

const APPEAL_BRAND_WINDOW_MS = DEFAULT_APPEAL_SETTINGS.brandWindowDays * 86_400_000;
import { Rng } from './random';
import {
  APPEAL_DECISIONS_REINSTATED,
  APPEAL_DECISIONS_UPHELD,
  APPEAL_STATEMENTS_COUNTERFEIT,
  APPEAL_STATEMENTS_GENUINE,
  AUTH_COUNTERFEIT_REASONS,
  AUTH_GENUINE_REASONS,
  AUTH_UNSURE_REASONS,
  BRAND_APPEAL_RESPONSES_REINSTATE,
  BRAND_APPEAL_RESPONSES_UPHOLD,
  BRAND_CATEGORIES,
  BRAND_POOL,
  CNY_PER_USD,
  COUNTERFEIT_TITLES,
  GENERIC_CATEGORIES_EN,
  GENERIC_ITEMS_ZH,
  GENERIC_PREFIXES_ZH,
  GENERIC_SUFFIXES_ZH,
  GENUINE_TITLES,
  INFO_REQUESTS,
  INFO_RESPONSES,
  MARKETPLACES,
  NOTICE_EVIDENCE,
  PRODUCT_MODELS,
  REJECTION_MESSAGES,
  SELLER_CITIES,
  SELLER_SHOP_TYPES_EN,
  SELLER_SHOP_TYPES_ZH,
  SELLER_WORDS,
  STAFF_NAMES_EXTRA_REVIEWERS,
  SUBTLE_COUNTERFEIT_TITLES,
  THREAD_SCRIPTS,
  type BrandCategory,
  type CategoryItem,
} from './vocabulary';

export type SeedSize = 'demo' | 'small';

export interface SeedWorldOptions {
  size: SeedSize;
  /** Do nothing (and return false) when the database already has brands. */
  onlyIfEmpty?: boolean;
  /** Every random choice derives from this number; the same seed builds the same world. */
  seed?: number;
  /** The end of the generated year of history; defaults to the current time. */
  now?: Date;
  /** Where the seeded marketplaces' commands go: `<url>/<code>`; defaults to SIMULATOR_BASE_URL. */
  simulatorBaseUrl?: string;
  log?: (line: string) => void;
}

export const DEFAULT_SEED = 2016;

/** Base URL of the marketplace simulator (apps/marketplace-sim on its default port) that the seeded marketplaces point at. */
export const SIMULATOR_BASE_URL = 'http://127.0.0.1:3001';

interface SizePlan {
  brands: number;
  sellers: number;
  listings: number;
  extraManagers: number;
  extraReviewers: number;
  /** Brands besides the demo ones that get a message thread. */
  otherThreadBrands: number;
}

export const SEED_SIZES: Record<SeedSize, SizePlan> = {
  demo: {
    brands: 30,
    sellers: 2000,
    listings: 50_000,
    extraManagers: 4,
    extraReviewers: 2,
    otherThreadBrands: 10,
  },
  small: {
    brands: 8,
    sellers: 100,
    listings: 1000,
    extraManagers: 2,
    extraReviewers: 1,
    otherThreadBrands: 2,
  },
};

/** Share of listings that are counterfeits of some brand's product (the hidden truth). */
export const COUNTERFEIT_SHARE = 0.12;
/** Share of listings that are genuine goods of some brand. */
const GENUINE_SHARE = 0.07;
/** Proactive + authentication removals per brand-requested removal, as in the reference year. */
const PROACTIVE_PER_NOTICE_REMOVAL = 8;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

export const DETECTION_THRESHOLDS = { removeAt: 0.85, askAt: 0.5 } as const;
const AUTH_DUE_MS = 3 * DAY;
/** DESIGN.md: a random 5% of GFT removals go to the reviewers' audit queue. */
const GFT_AUDIT_SAMPLE_RATE = 0.05;

// ————————————————————————————————————————————————————————————————— internal state

interface UserState {
  id: string;
  email: string;
  name: string;
  role: Role;
  brand: number | null;
}

interface RightState {
  id: string;
  kind: IpRightKind;
  verifiedAt: number;
}

interface ProductState {
  id: string;
  brand: number;
  model: string;
  item: CategoryItem;
  msrpCents: number;
  category: string;
  /** Perceptual hashes of the brand’s official photos of the product. */
  imageHashes: string[];
}

interface BrandState {
  id: string;
  name: string;
  zh: string;
  slug: string;
  category: BrandCategory;
  status: 'onboarding' | 'active';
  gftStatus: GftStatus;
  phase: JointForcePhase;
  manager: UserState;
  accuracy: number;
  createdAt: number;
  gftStatusChangedAt: number | null;
  gftSuspendedAt: number | null;
  /** The window in which the brand's notices took the good-faith path. */
  enrolledFrom: number | null;
  enrolledUntil: number | null;
  weight: number;
  users: UserState[];
  rights: RightState[];
  products: number[];
}

interface SellerState {
  id: string;
  marketplace: MarketplaceCode;
  bad: boolean;
  registeredAt: number;
  strikes: number;
  row: Row;
}

type ListingKind = 'counterfeit' | 'genuine' | 'other';

interface ListingState {
  id: string;
  marketplace: MarketplaceCode;
  seller: number;
  kind: ListingKind;
  /** Truth brand (copied or genuinely sold); -1 for unrelated goods. */
  brand: number;
  product: number;
  category: string;
  priceCents: number;
  listedAt: number;
  scoredAt: number | null;
  score: number | null;
  matchedBrand: number;
  matchedProduct: number;
  status: 'active' | 'removed' | 'reinstated';
  updatedAt: number;
  /** Already the subject of a notice item or an authentication request. */
  claimed: boolean;
  row: Row;
}

interface RemovalState {
  id: string;
  listing: number;
  brand: number;
  source: RemovalSource;
  noticeItem: Row | null;
  removedAt: number;
  row: Row;
}

export interface GeneratedWorld {
  /** In insert order (foreign keys first). */
  tables: { entity: EntityClass<object>; rows: Row[] }[];
  summary: Record<string, number>;
}

// ————————————————————————————————————————————————————————————————— helpers

const slugify = (value: string): string =>
  value
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const hasChinese = (value: string): boolean => /[\u4e00-\u9fff]/.test(value);

function get<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`index ${index} out of range (${items.length})`);
  return item;
}

const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(B|Z|M|IZ|I)\}/g, (_, key: string) => values[key] ?? '');

const round = (value: number, digits = 4): number => Math.round(value * 10 ** digits) / 10 ** digits;

function splitByLanguage(templates: readonly string[]): { en: string[]; zh: string[] } {
  return { en: templates.filter((t) => !hasChinese(t)), zh: templates.filter((t) => hasChinese(t)) };
}

const COUNTERFEIT_BY_LANGUAGE = splitByLanguage(COUNTERFEIT_TITLES);
const SUBTLE_BY_LANGUAGE = splitByLanguage(SUBTLE_COUNTERFEIT_TITLES);
const GENUINE_BY_LANGUAGE = splitByLanguage(GENUINE_TITLES);
const CHINESE_MARKETPLACES: ReadonlySet<MarketplaceCode> = new Set(['taobao', 'tmall', '1688']);

function registrationNumber(rng: Rng, kind: IpRightKind, jurisdiction: string): string {
  const year = rng.int(2012, 2023);
  switch (kind) {
    case 'trademark':
      if (jurisdiction === 'CN') return rng.digits(8);
      if (jurisdiction === 'US') return rng.digits(7);
      return `0${rng.digits(8)}`;
    case 'patent':
      if (jurisdiction === 'CN') return `ZL${year}1${rng.digits(7)}.${rng.int(0, 9)}`;
      if (jurisdiction === 'US') return `US1${rng.digits(7)}B2`;
      return `EP${rng.digits(7)}B1`;
    case 'design':
      if (jurisdiction === 'CN') return `ZL${year}3${rng.digits(7)}.${rng.int(0, 9)}`;
      if (jurisdiction === 'US') return `USD${rng.digits(6)}S`;
      return `00${rng.digits(7)}-000${rng.int(1, 9)}`;
    case 'copyright':
      if (jurisdiction === 'CN') return `国作登字-${year}-F-${rng.digits(8)}`;
      if (jurisdiction === 'US') return `VA${rng.int(1, 2)}-${rng.digits(3)}-${rng.digits(3)}`;
      return `EU-CR-${year}-${rng.digits(6)}`;
  }
}

const VALIDITY_YEARS: Record<IpRightKind, number> = { trademark: 10, patent: 20, design: 15, copyright: 50 };

// ————————————————————————————————————————————————————————————————— generation

/** Builds the whole world in memory: a pure function of its inputs. */
export function generateWorld(input: {
  size: SeedSize;
  seed: number;
  now: Date;
  passwordHash: string;
  simulatorBaseUrl?: string;
}): GeneratedWorld {
  const plan = SEED_SIZES[input.size];
  const rng = new Rng(input.seed);
  const ids = new Rng(input.seed ^ 0x5eed1d5);
  // Image hashes draw from their own generator, so adding them left the rest of the world as it was.
  const pictures = new Rng(input.seed ^ 0x9a7c4e5);
  /** A photo close to `hash`: the same picture re-encoded, cropped or recoloured flips a few of its 64 bits. */
  const nearHash = (hash: string): string => {
    let bits = BigInt(`0x${hash}`);
    for (let flips = pictures.int(0, 6); flips > 0; flips--) bits ^= 1n << BigInt(pictures.int(0, 63));
    return bits.toString(16).padStart(16, '0');
  };
  // A private English faker (not the shared instance), seeded like everything else.
  const faker = new (englishFaker.constructor as typeof Faker)({ locale: englishFaker.rawDefinitions });
  faker.seed(input.seed);
  const now = input.now.getTime();
  const date = (ms: number): Date => new Date(ms);
  /** A freshly submitted notice item; the history below moves it on from `pending`. */
  const pendingItemRow = (
    noticeId: string,
    brandId: string,
    listing: { id: string; marketplace: string },
    submittedAt: number,
  ): Row => ({
    id: ids.uuid(),
    notice: noticeId,
    brand: brandId,
    marketplace: listing.marketplace,
    listing: listing.id,
    state: 'pending' satisfies NoticeItemState,
    rejectionCode: null,
    rejectionMessage: null,
    infoRequest: null,
    infoResponse: null,
    claimedBy: null,
    claimedAt: null,
    decidedBy: null,
    decidedAt: null,
    auditSampled: false,
    auditUpheld: null,
    createdAt: date(submittedAt),
    updatedAt: date(submittedAt),
  });
  const past = (ms: number): number => Math.min(ms, now - SECOND);

  // — marketplaces
  const marketplaceRows: Row[] = MARKETPLACES.map((m) => ({
    code: m.code,
    name: m.name,
    baseUrl: `${(input.simulatorBaseUrl ?? SIMULATOR_BASE_URL).replace(/\/+$/, '')}/${m.code}`,
    createdAt: date(now - 400 * DAY),
  }));
  const currencyOf = new Map(MARKETPLACES.map((m) => [m.code, m.currency]));

  // — staff
  const staff: UserState[] = [];
  const userRows: Row[] = [];
  const brandUserRows: Row[] = [];
  const addUser = (user: Omit<UserState, 'id'>, createdAt: number, rows: Row[]): UserState => {
    const state = { ...user, id: ids.uuid() };
    rows.push({
      id: state.id,
      email: user.email,
      name: user.name,
      passwordHash: input.passwordHash,
      role: user.role,
      status: 'active',
      brand: null,
      locale: 'en',
      createdAt: date(createdAt),
    });
    return state;
  };
  for (const account of DEMO_ACCOUNTS.filter((a) => !a.brandName)) {
    staff.push(
      addUser(
        { email: account.email, name: account.name, role: account.role, brand: null },
        now - 420 * DAY,
        userRows,
      ),
    );
  }
  for (let i = 0; i < plan.extraManagers; i++) {
    const name = faker.person.fullName();
    staff.push(
      addUser(
        { email: `manager${i + 2}@jointforce.demo`, name, role: 'account_manager', brand: null },
        now - rng.int(150, 400) * DAY,
        userRows,
      ),
    );
  }
  for (let i = 0; i < plan.extraReviewers; i++) {
    const name = STAFF_NAMES_EXTRA_REVIEWERS[i] ?? faker.person.fullName();
    staff.push(
      addUser(
        { email: `reviewer${i + 2}@jointforce.demo`, name, role: 'reviewer', brand: null },
        now - rng.int(150, 400) * DAY,
        userRows,
      ),
    );
  }
  const managers = staff.filter((u) => u.role === 'account_manager');
  const reviewers = staff.filter((u) => u.role === 'reviewer');
  const demoManager = get(managers, 0);

  // — brands
  const poolOthers = rng.shuffle(
    BRAND_POOL.filter((b) => b.name !== DEMO_GFT_BRAND && b.name !== DEMO_STANDARD_BRAND),
  );
  const demoSeeds = [DEMO_GFT_BRAND, DEMO_STANDARD_BRAND].map((name) => {
    const found = BRAND_POOL.find((b) => b.name === name);
    if (!found) throw new Error(`demo brand ${name} missing from the pool`);
    return found;
  });
  const otherCount = plan.brands - 2;
  if (otherCount > poolOthers.length) throw new Error(`at most ${poolOthers.length + 2} brands`);
  const otherStatuses: GftStatus[] = ['suspended'];
  const enrolledCount = Math.round(otherCount * 0.32);
  const eligibleCount = Math.round(otherCount * 0.2);
  for (let i = 0; i < enrolledCount; i++) otherStatuses.push('enrolled');
  for (let i = 0; i < eligibleCount; i++) otherStatuses.push('eligible');
  while (otherStatuses.length < otherCount) otherStatuses.push('not_eligible');
  rng.shuffle(otherStatuses);
  const onboardingCount = Math.max(1, Math.round(otherCount * 0.07));
  let onboardingLeft = onboardingCount;

  const brands: BrandState[] = [];
  const seeds = [...demoSeeds, ...poolOthers.slice(0, otherCount)];
  seeds.forEach((seedBrand, index) => {
    let gftStatus: GftStatus;
    let phase: JointForcePhase;
    let status: 'onboarding' | 'active' = 'active';
    let accuracy: number;
    let createdAt = now - rng.int(150, 480) * DAY;
    let manager: UserState;
    let weight = rng.float(0.5, 2.5);
    if (index === 0) {
      gftStatus = 'enrolled';
      phase = 'joint_force';
      accuracy = 0.97;
      createdAt = now - 400 * DAY;
      manager = demoManager;
      weight = 4;
    } else if (index === 1) {
      gftStatus = 'eligible';
      phase = 'authentication';
      accuracy = 0.95;
      createdAt = now - 380 * DAY;
      manager = demoManager;
      weight = 2.5;
    } else {
      gftStatus = get(otherStatuses, index - 2);
      manager = get(managers, (index - 1) % managers.length);
      if (gftStatus === 'enrolled') {
        phase = rng.pick(['joint_force', 'joint_force', 'authentication'] as const);
        accuracy = rng.float(0.95, 0.995);
      } else if (gftStatus === 'eligible') {
        phase = rng.pick(['authentication', 'notice_and_takedown'] as const);
        accuracy = rng.float(0.93, 0.99);
      } else if (gftStatus === 'suspended') {
        phase = 'authentication';
        accuracy = rng.float(0.82, 0.88);
      } else if (onboardingLeft > 0) {
        onboardingLeft--;
        status = 'onboarding';
        phase = 'onboarding';
        accuracy = rng.float(0.85, 0.95);
        createdAt = now - rng.int(10, 40) * DAY;
        weight = 0.7;
      } else {
        phase = rng.chance(0.3) ? 'authentication' : 'notice_and_takedown';
        accuracy = rng.float(0.8, 0.93);
      }
    }
    let enrolledFrom: number | null = null;
    let enrolledUntil: number | null = null;
    let gftStatusChangedAt: number | null = null;
    let gftSuspendedAt: number | null = null;
    if (gftStatus === 'enrolled') {
      enrolledFrom =
        index === 0
          ? now - 270 * DAY
          : Math.min(now - 30 * DAY, Math.max(createdAt + 60 * DAY, now - rng.int(60, 300) * DAY));
      gftStatusChangedAt = enrolledFrom;
    } else if (gftStatus === 'eligible') {
      gftStatusChangedAt = now - rng.int(5, 60) * DAY;
    } else if (gftStatus === 'suspended') {
      gftSuspendedAt = now - rng.int(20, 45) * DAY;
      enrolledFrom = Math.min(gftSuspendedAt - 60 * DAY, createdAt + rng.int(60, 90) * DAY);
      enrolledUntil = gftSuspendedAt;
      gftStatusChangedAt = gftSuspendedAt;
    }
    brands.push({
      id: ids.uuid(),
      name: seedBrand.name,
      zh: seedBrand.zh,
      slug: slugify(seedBrand.name),
      category: get(
        Object.values(BRAND_CATEGORIES),
        Object.keys(BRAND_CATEGORIES).indexOf(seedBrand.category),
      ),
      status,
      gftStatus,
      phase,
      manager,
      accuracy: round(accuracy, 3),
      createdAt,
      gftStatusChangedAt,
      gftSuspendedAt,
      enrolledFrom,
      enrolledUntil,
      weight,
      users: [],
      rights: [],
      products: [],
    });
  });
  const brandByName = new Map(brands.map((b, i) => [b.name, i]));

  // — brand users
  for (const account of DEMO_ACCOUNTS.filter((a) => a.brandName)) {
    const brandIndex = brandByName.get(account.brandName as string);
    if (brandIndex === undefined) throw new Error(`demo brand ${account.brandName} not generated`);
    const brand = get(brands, brandIndex);
    const user = addUser(
      { email: account.email, name: account.name, role: account.role, brand: brandIndex },
      brand.createdAt + DAY,
      brandUserRows,
    );
    brand.users.push(user);
  }
  brands.forEach((brand, index) => {
    if (brand.users.length > 0) return;
    brand.users.push(
      addUser(
        { email: `admin@${brand.slug}.demo`, name: `${brand.name} Admin`, role: 'brand_admin', brand: index },
        brand.createdAt + DAY,
        brandUserRows,
      ),
    );
  });
  for (const row of brandUserRows) {
    const brandIndex = brands.findIndex((b) => b.users.some((u) => u.id === row.id));
    row.brand = get(brands, brandIndex).id;
  }

  // — IP rights and protected products
  const rightRows: Row[] = [];
  const productRows: Row[] = [];
  const products: ProductState[] = [];
  const extraKinds: [IpRightKind, string][] = [
    ['trademark', 'US'],
    ['trademark', 'EU'],
    ['design', 'CN'],
    ['design', 'EU'],
    ['copyright', 'CN'],
    ['copyright', 'US'],
    ['patent', 'CN'],
    ['patent', 'US'],
  ];
  brands.forEach((brand, index) => {
    const verifiedCount = index === 0 ? 4 : index === 1 ? 3 : rng.int(1, 4);
    const kinds: [IpRightKind, string][] = [
      ['trademark', 'CN'],
      ...rng.shuffle([...extraKinds]).slice(0, verifiedCount - 1),
    ];
    for (const [kind, jurisdiction] of kinds) {
      const validFrom = now - rng.int(1 * 365, 9 * 365) * DAY;
      const createdAt = brand.createdAt + rng.int(0, 2) * DAY;
      const verifiedAt = past(createdAt + rng.int(1, 12) * DAY);
      const right: RightState = { id: ids.uuid(), kind, verifiedAt };
      brand.rights.push(right);
      const registration = registrationNumber(rng, kind, jurisdiction);
      rightRows.push({
        id: right.id,
        brand: brand.id,
        kind,
        registrationNumber: registration,
        jurisdiction,
        classes: kind === 'trademark' ? [...brand.category.classes] : [],
        validFrom: date(validFrom),
        validUntil: date(validFrom + VALIDITY_YEARS[kind] * YEAR),
        evidenceDocument: `/evidence/${brand.slug}/${slugify(registration)}.pdf`,
        status: 'verified',
        rejectionReason: null,
        verifiedBy: brand.manager.id,
        verifiedAt: date(verifiedAt),
        createdAt: date(createdAt),
      });
    }
    if (index === 0 || (index > 1 && rng.chance(0.4))) {
      // One right still waiting for verification, and one that lapsed.
      const pendingJurisdiction = rng.pick(['US', 'EU'] as const);
      const pendingFrom = now - rng.int(30, 400) * DAY;
      const pendingNumber = registrationNumber(rng, 'design', pendingJurisdiction);
      rightRows.push({
        id: ids.uuid(),
        brand: brand.id,
        kind: 'design',
        registrationNumber: pendingNumber,
        jurisdiction: pendingJurisdiction,
        classes: [],
        validFrom: date(pendingFrom),
        validUntil: date(pendingFrom + 15 * YEAR),
        evidenceDocument: `/evidence/${brand.slug}/${slugify(pendingNumber)}.pdf`,
        status: 'pending',
        rejectionReason: null,
        verifiedBy: null,
        verifiedAt: null,
        createdAt: date(now - rng.int(1, 10) * DAY),
      });
      const lapsedCreatedAt = brand.createdAt + DAY;
      const lapsedUntil = Math.max(lapsedCreatedAt + 15 * DAY, now - rng.int(10, 120) * DAY);
      const lapsedNumber = registrationNumber(rng, 'trademark', 'CN');
      rightRows.push({
        id: ids.uuid(),
        brand: brand.id,
        kind: 'trademark',
        registrationNumber: lapsedNumber,
        jurisdiction: 'CN',
        classes: [...brand.category.classes],
        validFrom: date(lapsedUntil - 10 * YEAR),
        validUntil: date(Math.min(lapsedUntil, now - 5 * DAY)),
        evidenceDocument: `/evidence/${brand.slug}/${slugify(lapsedNumber)}.pdf`,
        status: 'expired',
        rejectionReason: null,
        verifiedBy: brand.manager.id,
        verifiedAt: date(past(lapsedCreatedAt + 2 * DAY)),
        createdAt: date(lapsedCreatedAt),
      });
    }

    const productCount = index === 0 ? 6 : index === 1 ? 5 : rng.int(2, 6);
    const models = rng.shuffle([...PRODUCT_MODELS]).slice(0, productCount);
    const items = rng.shuffle([...brand.category.items]);
    models.forEach((model, k) => {
      const item = get(items, k % items.length);
      const dollars = Math.max(9, Math.round(rng.float(item.msrp[0], item.msrp[1]) / 10) * 10 - 1);
      const product: ProductState = {
        id: ids.uuid(),
        brand: index,
        model,
        item,
        msrpCents: dollars * 100,
        category: brand.category.code,
        imageHashes: [pictures.hex(16), pictures.hex(16)],
      };
      brand.products.push(products.length);
      products.push(product);
      const productSlug = slugify(`${model} ${item.en}`);
      productRows.push({
        id: product.id,
        brand: brand.id,
        name: `${brand.name} ${model} ${item.en}`,
        keywords: [brand.name, model, item.en.toLowerCase(), item.zh, brand.zh],
        msrpCents: product.msrpCents,
        currency: 'USD',
        category: product.category,
        referenceImages: [
          `/sim/reference/${brand.slug}/${productSlug}-1.jpg`,
          `/sim/reference/${brand.slug}/${productSlug}-2.jpg`,
        ],
        referenceImageHashes: product.imageHashes,
        createdAt: date(past(brand.createdAt + rng.int(1, 20) * DAY)),
      });
    });
  });

  // — sellers
  const sellers: SellerState[] = [];
  const badSellers: number[] = [];
  const goodSellers: number[] = [];
  const goodTmallSellers: number[] = [];
  const marketplaceWeights = MARKETPLACES.map((m) => [m.code, m.weight] as const);
  for (let i = 0; i < plan.sellers; i++) {
    const marketplace = rng.weighted(marketplaceWeights);
    const bad = rng.chance(marketplace === 'tmall' ? 0.05 : 0.2);
    const registeredAt = now - (bad ? rng.int(15, 500) : rng.int(200, 3200)) * DAY - rng.int(0, DAY);
    const [cityZh, cityEn] = rng.pick(SELLER_CITIES);
    const [wordZh, wordEn] = rng.pick(SELLER_WORDS);
    let name: string;
    if (marketplace === 'tmall') name = `${wordZh}${rng.pick(['旗舰店', '专营店', '官方旗舰店'])}`;
    else if (CHINESE_MARKETPLACES.has(marketplace))
      name = rng.chance(0.5)
        ? `${cityZh}市${wordZh}${rng.pick(SELLER_SHOP_TYPES_ZH)}`
        : `${wordZh}${rng.pick(SELLER_SHOP_TYPES_ZH)}`;
    else name = `${cityEn} ${wordEn} ${rng.pick(SELLER_SHOP_TYPES_EN)}`;
    const serial = String(i).padStart(6, '0');
    const externalId =
      marketplace === '1688'
        ? `b2b-22${rng.digits(4)}${serial}`
        : marketplace === 'alibaba'
          ? `cn15${rng.digits(3)}${serial}`
          : `${rng.digits(4)}${serial}`;
    const seller: SellerState = {
      id: ids.uuid(),
      marketplace,
      bad,
      registeredAt,
      strikes: 0,
      row: {},
    };
    seller.row = {
      id: seller.id,
      marketplace,
      externalId,
      name,
      status: 'active',
      strikeCount: 0,
      contactFingerprint: rng.chance(0.9) ? rng.hex(64) : null,
      paymentFingerprint: rng.chance(0.9) ? rng.hex(64) : null,
      registeredAt: date(registeredAt),
      createdAt: date(Math.max(registeredAt, now - 380 * DAY)),
    };
    (bad ? badSellers : goodSellers).push(i);
    if (!bad && marketplace === 'tmall') goodTmallSellers.push(i);
    sellers.push(seller);
  }
  // Related accounts: groups of sellers sharing contact or payment details, mostly among bad sellers.
  let relatedGroups = 0;
  for (const group of [badSellers, goodSellers]) {
    const share = group === badSellers ? 0.45 : 0.04;
    for (let k = 0; k < group.length;) {
      const size = rng.int(2, 4);
      if (rng.chance(share) && k + size <= group.length) {
        const which = rng.weighted([
          ['contact', 5],
          ['payment', 3],
          ['both', 2],
        ] as const);
        const contact = rng.hex(64);
        const payment = rng.hex(64);
        for (let m = 0; m < size; m++) {
          const row = get(sellers, get(group, k + m)).row;
          if (which !== 'payment') row.contactFingerprint = contact;
          if (which !== 'contact') row.paymentFingerprint = payment;
        }
        relatedGroups++;
        k += size;
      } else k++;
    }
  }

  // — listings and the hidden truth
  const listingCount = plan.listings;
  const counterfeitCount = Math.round(listingCount * COUNTERFEIT_SHARE);
  const genuineCount = Math.round(listingCount * GENUINE_SHARE);
  const kinds: ListingKind[] = new Array<ListingKind>(listingCount).fill('other');
  kinds.fill('counterfeit', 0, counterfeitCount);
  kinds.fill('genuine', counterfeitCount, counterfeitCount + genuineCount);
  rng.shuffle(kinds);
  const brandWeights = brands.map((b, i) => [i, b.weight] as const);
  const listings: ListingState[] = [];
  const listingRows: Row[] = [];
  const truthRows: Row[] = [];
  const pickBadSeller = (): number => get(badSellers, Math.floor(badSellers.length * rng.next() ** 2));
  for (let i = 0; i < listingCount; i++) {
    const kind = get(kinds, i);
    let sellerIndex: number;
    if (kind === 'counterfeit') {
      sellerIndex =
        badSellers.length > 0 && rng.chance(0.85) ? pickBadSeller() : rng.int(0, sellers.length - 1);
    } else if (kind === 'genuine') {
      sellerIndex =
        goodTmallSellers.length > 0 && rng.chance(0.4)
          ? rng.pick(goodTmallSellers)
          : rng.pick(goodSellers.length ? goodSellers : badSellers);
    } else {
      sellerIndex =
        rng.chance(0.9) && goodSellers.length ? rng.pick(goodSellers) : rng.int(0, sellers.length - 1);
    }
    const seller = get(sellers, sellerIndex);
    const marketplace = seller.marketplace;
    const currency = currencyOf.get(marketplace) ?? 'USD';
    const rate = currency === 'CNY' ? CNY_PER_USD : 1;
    const chinese = CHINESE_MARKETPLACES.has(marketplace) ? rng.chance(0.8) : rng.chance(0.15);
    let title: string;
    let priceCents: number;
    let category: string;
    let brandIndex = -1;
    let productIndex = -1;
    const money = (usd: number): number =>
      Math.max(99, Math.round(usd * rate) * 100 - (rng.chance(0.6) ? 1 : 0));
    if (kind === 'other') {
      if (chinese) {
        const item = rng.pick(GENERIC_ITEMS_ZH);
        title = `${rng.pick(GENERIC_PREFIXES_ZH)} ${item.zh} ${rng.pick(GENERIC_SUFFIXES_ZH)}`;
        category = item.category;
        priceCents = money(rng.float(item.price[0], item.price[1]));
      } else {
        title = faker.commerce.productName();
        category = rng.pick(GENERIC_CATEGORIES_EN);
        priceCents = money(rng.float(3, 80));
      }
    } else {
      brandIndex = rng.weighted(brandWeights);
      const brand = get(brands, brandIndex);
      productIndex = rng.pick(brand.products);
      const product = get(products, productIndex);
      const values = {
        B: brand.name,
        Z: brand.zh,
        M: product.model,
        I: product.item.en,
        IZ: product.item.zh,
      };
      const msrpUsd = product.msrpCents / 100;
      category = product.category;
      if (kind === 'counterfeit') {
        const lists = rng.chance(0.2) ? SUBTLE_BY_LANGUAGE : COUNTERFEIT_BY_LANGUAGE;
        title = fill(rng.pick(chinese ? lists.zh : lists.en), values);
        priceCents = money(msrpUsd * rng.float(0.04, 0.3));
      } else {
        title = fill(rng.pick(chinese ? GENUINE_BY_LANGUAGE.zh : GENUINE_BY_LANGUAGE.en), values);
        priceCents = money(msrpUsd * rng.float(0.82, 1.05));
      }
    }
    // Half spread evenly over the year, half growing towards now: the programme (and the market) grows.
    const age = rng.chance(0.5) ? YEAR * rng.next() : YEAR * (1 - Math.sqrt(rng.next()));
    const listedAt = Math.min(now - MINUTE, Math.max(now - age, seller.registeredAt + HOUR));
    let scoredAt: number | null = listedAt + rng.logNormal(40 * MINUTE, 1.2);
    if (scoredAt > now - SECOND) scoredAt = null;
    let score: number | null = null;
    let matchedBrand = -1;
    if (scoredAt !== null) {
      if (kind === 'counterfeit') {
        const fate = rng.next();
        if (fate < 0.72) {
          score = rng.float(DETECTION_THRESHOLDS.removeAt, 0.995);
          matchedBrand = rng.chance(0.93) ? brandIndex : -1;
        } else if (fate < 0.86) {
          score = rng.float(DETECTION_THRESHOLDS.askAt, DETECTION_THRESHOLDS.removeAt - 0.001);
          matchedBrand = brandIndex;
        } else {
          score = rng.float(0.12, DETECTION_THRESHOLDS.askAt - 0.01);
          matchedBrand = rng.chance(0.5) ? brandIndex : -1;
        }
      } else if (kind === 'genuine') {
        const fate = rng.next();
        if (fate < 0.02) score = rng.float(DETECTION_THRESHOLDS.removeAt, 0.93);
        else if (fate < 0.1) score = rng.float(DETECTION_THRESHOLDS.askAt, 0.75);
        else score = rng.float(0.02, 0.45);
        matchedBrand = brandIndex;
      } else if (rng.chance(0.55)) {
        score = rng.chance(0.003) ? rng.float(DETECTION_THRESHOLDS.removeAt, 0.9) : rng.float(0, 0.25);
      } else scoredAt = null;
    }
    const matchedProduct = matchedBrand >= 0 ? productIndex : -1;
    const serial = String(i).padStart(6, '0');
    const externalId =
      marketplace === 'aliexpress'
        ? `10050${rng.digits(5)}${serial}`
        : marketplace === '1688'
          ? `7${rng.digits(5)}${serial}`
          : marketplace === 'alibaba'
            ? `16${rng.digits(4)}${serial}`
            : `6${rng.digits(5)}${serial}`;
    const imageCount = rng.int(1, 4);
    const images: string[] = [];
    for (let k = 1; k <= imageCount; k++) images.push(`/sim/images/${marketplace}/${externalId}-${k}.jpg`);
    // Counterfeiters often reuse the brand's own photos, resellers of genuine goods more often still.
    const official = productIndex >= 0 ? get(products, productIndex).imageHashes : null;
    const reusesPhotos = official !== null && pictures.chance(kind === 'counterfeit' ? 0.6 : 0.8);
    const imageHashes = images.map((_, k) => (reusesPhotos && k === 0 ? nearHash(pictures.pick(official)) : pictures.hex(16)));
    const id = ids.uuid();
    const row: Row = {
      id,
      marketplace,
      seller: seller.id,
      externalId,
      title,
      priceCents,
      currency,
      category,
      images,
      imageHashes,
      status: 'active',
      matchedBrand: matchedBrand >= 0 ? get(brands, matchedBrand).id : null,
      matchedProduct: matchedProduct >= 0 ? get(products, matchedProduct).id : null,
      riskScore: score === null ? null : round(score),
      scoredAt: scoredAt === null ? null : date(scoredAt),
      listedAt: date(listedAt),
      createdAt: date(listedAt),
      updatedAt: date(scoredAt ?? listedAt),
    };
    listings.push({
      id,
      marketplace,
      seller: sellerIndex,
      kind,
      brand: brandIndex,
      product: productIndex,
      category,
      priceCents,
      listedAt,
      scoredAt,
      score,
      matchedBrand,
      matchedProduct,
      status: 'active',
      updatedAt: scoredAt ?? listedAt,
      claimed: false,
      row,
    });
    listingRows.push(row);
    truthRows.push({
      listing: id,
      counterfeit: kind === 'counterfeit',
      brand: brandIndex >= 0 ? get(brands, brandIndex).id : null,
    });
  }

  // — enforcement history
  const removals: RemovalState[] = [];
  const removalRows: Row[] = [];
  const removeListing = (
    listingIndex: number,
    source: RemovalSource,
    brand: number,
    requestedAt: number,
    removedAt: number,
    links: { noticeItem?: Row; authRequest?: string } = {},
  ): RemovalState => {
    const listing = get(listings, listingIndex);
    const id = ids.uuid();
    const acknowledged = past(Math.max(removedAt, requestedAt + SECOND));
    const row: Row = {
      id,
      brand: brand >= 0 ? get(brands, brand).id : null,
      marketplace: listing.marketplace,
      listing: listing.id,
      source,
      noticeItem: links.noticeItem ? links.noticeItem.id : null,
      authRequest: links.authRequest ?? null,
      requestedAt: date(requestedAt),
      removedAt: date(acknowledged),
      reinstatedAt: null,
      createdAt: date(requestedAt),
    };
    listing.status = 'removed';
    listing.updatedAt = acknowledged;
    listing.row.status = 'removed';
    listing.row.updatedAt = date(acknowledged);
    const state: RemovalState = {
      id,
      listing: listingIndex,
      brand,
      source,
      noticeItem: links.noticeItem ?? null,
      removedAt: acknowledged,
      row,
    };
    removals.push(state);
    removalRows.push(row);
    return state;
  };
  const reinstate = (removal: RemovalState, at: number): void => {
    const listing = get(listings, removal.listing);
    const when = past(at);
    removal.row.reinstatedAt = date(when);
    listing.status = 'reinstated';
    listing.updatedAt = when;
    listing.row.status = 'reinstated';
    listing.row.updatedAt = date(when);
    if (removal.noticeItem) {
      removal.noticeItem.state = 'reinstated' satisfies NoticeItemState;
      removal.noticeItem.updatedAt = date(when);
    }
  };
  /** Seconds to minutes, with a long tail of marketplace hiccups. */
  const automaticTurnaround = (median: number): number =>
    rng.logNormal(median, 1.0) + (rng.chance(0.015) ? rng.float(1, 12) * HOUR : 0);

  // Proactive removals: detection scored the listing above the removal threshold.
  listings.forEach((listing, index) => {
    if (listing.score === null || listing.scoredAt === null || listing.score < DETECTION_THRESHOLDS.removeAt)
      return;
    removeListing(
      index,
      'proactive',
      listing.matchedBrand,
      listing.scoredAt,
      listing.scoredAt + automaticTurnaround(20 * SECOND),
    );
  });

  // Authentication requests: the uncertain band, asked of the brand whose product it resembles.
  const authRows: Row[] = [];
  const authByBrand = new Map<number, Row[]>();
  const brandIndexOf = (brand: BrandState): number => brands.indexOf(brand);
  /** The detection signals shown to the brand with an authentication request. */
  const signalsFor = (listing: ListingState, at: number): Record<string, number | string | boolean> => {
    const seller = get(sellers, listing.seller);
    const product = listing.matchedProduct >= 0 ? get(products, listing.matchedProduct) : null;
    const rate = listing.row.currency === 'CNY' ? CNY_PER_USD : 1;
    return {
      score: round(listing.score ?? 0, 3),
      priceRatio: product ? round(listing.priceCents / rate / product.msrpCents, 3) : 1,
      keywordMatch: round(rng.float(0.55, 1), 2),
      imageSimilarity: round(rng.float(0.4, 0.95), 2),
      suspiciousTerms: /replica|1:1|AAA|copy|高仿|复刻|精仿|A货/i.test(String(listing.row.title)),
      sellerAgeDays: Math.max(0, Math.round((at - seller.registeredAt) / DAY)),
      relatedAccounts: seller.row.contactFingerprint !== null && seller.bad ? rng.int(0, 3) : 0,
    };
  };
  const asksAuthentication = (brand: BrandState): boolean =>
    brand.status === 'active' && (brand.phase === 'authentication' || brand.phase === 'joint_force');
  listings.forEach((listing, index) => {
    if (listing.score === null || listing.scoredAt === null || listing.matchedBrand < 0) return;
    if (listing.score < DETECTION_THRESHOLDS.askAt || listing.score >= DETECTION_THRESHOLDS.removeAt) return;
    const brand = get(brands, listing.matchedBrand);
    if (!asksAuthentication(brand) || listing.scoredAt < brand.createdAt + 14 * DAY) return;
    if (listing.listedAt < now - 3 * DAY && rng.chance(brandIndexOf(brand) <= 1 ? 0.15 : 0.05)) {
      // Re-scored recently (the active model version rescans older listings): a fresh request.
      listing.scoredAt = now - rng.float(HOUR, 2.5 * DAY);
      listing.updatedAt = listing.scoredAt;
      listing.row.scoredAt = date(listing.scoredAt);
      listing.row.updatedAt = date(listing.scoredAt);
    }
    const createdAt = listing.scoredAt;
    const dueAt = createdAt + AUTH_DUE_MS;
    const product = listing.matchedProduct >= 0 ? get(products, listing.matchedProduct) : null;
    const signals = signalsFor(listing, createdAt);
    let state: AuthRequestState = 'answered';
    const answeredAt = createdAt + rng.logNormal(5 * HOUR, 1.0);
    if (
      answeredAt >= dueAt ||
      answeredAt >= now ||
      (dueAt > now && rng.chance(0.45)) ||
      (dueAt <= now && rng.chance(0.1))
    ) {
      state = dueAt > now ? 'open' : 'expired';
    }
    let answer: AuthAnswer | null = null;
    let reason: string | null = null;
    if (state === 'answered') {
      answer =
        listing.kind === 'counterfeit'
          ? rng.weighted([
              ['counterfeit', 88],
              ['unsure', 7],
              ['genuine', 5],
            ] as const)
          : rng.weighted([
              ['genuine', 90],
              ['unsure', 7],
              ['counterfeit', 3],
            ] as const);
      reason = rng.pick(
        answer === 'counterfeit'
          ? AUTH_COUNTERFEIT_REASONS
          : answer === 'genuine'
            ? AUTH_GENUINE_REASONS
            : AUTH_UNSURE_REASONS,
      );
    }
    const id = ids.uuid();
    const row: Row = {
      id,
      brand: brand.id,
      marketplace: listing.marketplace,
      listing: listing.id,
      product: product ? product.id : null,
      signals,
      score: round(listing.score),
      state,
      answer,
      answerReason: reason,
      answeredBy: state === 'answered' ? rng.pick(brand.users).id : null,
      answeredAt: state === 'answered' ? date(answeredAt) : null,
      dueAt: date(dueAt),
      createdAt: date(createdAt),
    };
    authRows.push(row);
    const forBrand = authByBrand.get(listing.matchedBrand) ?? [];
    forBrand.push(row);
    authByBrand.set(listing.matchedBrand, forBrand);
    listing.claimed = true;
    if (answer === 'counterfeit') {
      removeListing(
        index,
        'authentication',
        listing.matchedBrand,
        answeredAt,
        answeredAt + automaticTurnaround(30 * SECOND),
        { authRequest: id },
      );
    }
  });
  const proactiveTotal = removals.length;

  // Notices: brands report what detection missed, ≈ 1 brand-requested removal per 8 proactive ones.
  const brandActive = (brand: BrandState): boolean =>
    brand.status === 'active' && brand.phase !== 'onboarding';
  const candidatesByBrand = brands.map(() => [] as number[]);
  const genuineByBrand = brands.map(() => [] as number[]);
  const otherByCategory = new Map<string, number[]>();
  listings.forEach((listing, index) => {
    if (listing.status !== 'active' || listing.claimed) return;
    if (listing.kind === 'counterfeit') candidatesByBrand[listing.brand]?.push(index);
    else if (listing.kind === 'genuine') genuineByBrand[listing.brand]?.push(index);
    else {
      const list = otherByCategory.get(listing.category) ?? [];
      list.push(index);
      otherByCategory.set(listing.category, list);
    }
  });
  /** Before the brand joined, counterfeits were rarely reported: only an occasional backlog sweep. */
  const earliestReport = (brand: BrandState): number =>
    Math.max(brand.createdAt + 20 * DAY, ...brand.rights.map((r) => r.verifiedAt + HOUR));
  const BACKLOG_FACTOR = 0.2;
  let candidateTotal = 0;
  candidatesByBrand.forEach((list, b) => {
    const brand = get(brands, b);
    if (!brandActive(brand)) return;
    const earliest = earliestReport(brand);
    for (const index of list) candidateTotal += get(listings, index).listedAt < earliest ? BACKLOG_FACTOR : 1;
  });
  const noticeTarget = Math.round(proactiveTotal / PROACTIVE_PER_NOTICE_REMOVAL);
  const reportShare = candidateTotal > 0 ? Math.min(0.92, noticeTarget / (0.87 * candidateTotal)) : 0;

  const noticeRows: Row[] = [];
  const itemRows: Row[] = [];
  const noticesByBrand = new Map<number, Row[]>();
  const isEnrolledAt = (brand: BrandState, at: number): boolean =>
    brand.enrolledFrom !== null &&
    at >= brand.enrolledFrom &&
    (brand.enrolledUntil === null || at < brand.enrolledUntil);

  brands.forEach((brand, brandIndex) => {
    if (!brandActive(brand)) return;
    const earliest = earliestReport(brand);
    const reports: { listing: number; at: number; valid: boolean }[] = [];
    const reportTime = (listing: ListingState): number => {
      let at = listing.listedAt + rng.logNormal(3 * DAY, 1.0);
      if (at < earliest) at = earliest + rng.float(0, 5) * DAY;
      return at;
    };
    const invalidPool = rng.shuffle([...(genuineByBrand[brandIndex] ?? [])]);
    const sameCategory = rng.shuffle([...(otherByCategory.get(brand.category.code) ?? [])]);
    const recentShare = brandIndex === 1 ? 0.3 : 0.06;
    for (const index of get(candidatesByBrand, brandIndex)) {
      const listing = get(listings, index);
      let at: number;
      if (rng.chance(reportShare * (listing.listedAt < earliest ? BACKLOG_FACTOR : 1)))
        at = reportTime(listing);
      else if (rng.chance(recentShare) && listing.listedAt < now - 2 * DAY)
        at = now - rng.float(HOUR, 40 * HOUR); // in the queue now
      else continue;
      if (at > now - MINUTE) continue;
      listing.claimed = true;
      reports.push({ listing: index, at, valid: true });
      if (rng.chance(1 - brand.accuracy)) {
        // A mistaken report: an authorised seller's listing or a look-alike product.
        const pool = invalidPool.length > 0 && rng.chance(0.6) ? invalidPool : sameCategory;
        while (pool.length > 0) {
          const wrongIndex = pool.pop() as number;
          const wrong = get(listings, wrongIndex);
          if (wrong.claimed || wrong.status !== 'active') continue;
          const wrongAt = reportTime(wrong);
          if (wrongAt > now - MINUTE) break;
          wrong.claimed = true;
          reports.push({ listing: wrongIndex, at: wrongAt, valid: false });
          break;
        }
      }
    }
    reports.sort((a, b) => a.at - b.at);
    let sequence = 0;
    for (let k = 0; k < reports.length;) {
      const size = rng.weighted([
        [rng.int(1, 3), 70],
        [rng.int(4, 12), 25],
        [rng.int(13, 40), 5],
      ] as const);
      // A notice collects what the brand found within a week; bulk notices are bigger batches.
      const first = get(reports, k);
      let end = k + 1;
      while (end < reports.length && end - k < size && get(reports, end).at - first.at < 7 * DAY) end++;
      const group = reports.slice(k, end);
      k = end;
      const submittedAt = get(group, group.length - 1).at;
      const path: NoticePath = isEnrolledAt(brand, submittedAt) ? 'good_faith' : 'standard';
      const usable = brand.rights.filter((r) => r.verifiedAt <= submittedAt);
      const trademarks = usable.filter((r) => r.kind === 'trademark');
      const right =
        trademarks.length > 0 && rng.chance(0.85)
          ? rng.pick(trademarks)
          : rng.pick(usable.length ? usable : brand.rights);
      let reason: NoticeReason;
      if (right.kind === 'copyright') reason = 'copyright';
      else if (right.kind === 'patent' || right.kind === 'design') reason = 'patent';
      else
        reason = rng.weighted([
          ['counterfeit', 78],
          ['trademark_misuse', 15],
          ['test_buy', 7],
        ] as const);
      sequence++;
      const noticeId = ids.uuid();
      const day = new Date(submittedAt).toISOString().slice(0, 10).replaceAll('-', '');
      const noticeRow: Row = {
        id: noticeId,
        brand: brand.id,
        submittedBy: rng.pick(brand.users).id,
        ipRight: right.id,
        reason,
        evidence: rng.pick(NOTICE_EVIDENCE),
        testBuyOrderRef: reason === 'test_buy' ? `TB${rng.digits(16)}` : null,
        path,
        idempotencyKey: `${brand.slug}-${day}-${String(sequence).padStart(5, '0')}`,
        itemCount: group.length,
        submittedAt: date(submittedAt),
        createdAt: date(submittedAt),
      };
      noticeRows.push(noticeRow);
      const list = noticesByBrand.get(brandIndex) ?? [];
      list.push(noticeRow);
      noticesByBrand.set(brandIndex, list);

      for (const report of group) {
        const listing = get(listings, report.listing);
        const item = pendingItemRow(noticeId, brand.id, listing, submittedAt);
        itemRows.push(item);
        if (path === 'good_faith') {
          // Removed at once; the item is removed when the marketplace acknowledges.
          const removedAt = submittedAt + automaticTurnaround(150 * SECOND);
          const removal = removeListing(report.listing, 'notice_gft', brandIndex, submittedAt, removedAt, {
            noticeItem: item,
          });
          item.state = 'removed';
          item.decidedAt = date(removal.removedAt);
          item.updatedAt = date(removal.removedAt);
          if (rng.chance(GFT_AUDIT_SAMPLE_RATE)) {
            item.auditSampled = true;
            const auditedAt = removal.removedAt + rng.logNormal(DAY, 0.8);
            if (auditedAt < now) {
              const reviewer = rng.pick(reviewers);
              item.auditUpheld = report.valid;
              item.claimedBy = reviewer.id;
              item.claimedAt = date(auditedAt - rng.logNormal(10 * MINUTE, 0.5));
              item.updatedAt = date(auditedAt);
              if (!report.valid) reinstate(removal, auditedAt + rng.logNormal(MINUTE, 0.5));
            }
          }
          continue;
        }
        // Standard path: the reviewers' queue.
        const reviewer = rng.pick(reviewers);
        let decidedAt =
          submittedAt + rng.logNormal(9 * HOUR, 0.9) + (rng.chance(0.03) ? rng.float(2, 10) * DAY : 0);
        const fresh = now - submittedAt < 48 * HOUR;
        if (fresh && rng.chance(0.8)) decidedAt = Number.POSITIVE_INFINITY;
        if (decidedAt >= now - MINUTE) {
          // Still open: pending (perhaps claimed) or waiting for the brand's answer.
          if (rng.chance(0.12)) {
            const askedAt = past(submittedAt + rng.float(0.1, 0.9) * (now - submittedAt));
            item.state = 'needs_info';
            item.infoRequest = rng.pick(INFO_REQUESTS);
            item.claimedBy = reviewer.id;
            item.claimedAt = date(askedAt);
            item.updatedAt = date(askedAt);
          } else if (rng.chance(0.3)) {
            item.claimedBy = reviewer.id;
            item.claimedAt = date(past(submittedAt + rng.float(0.2, 0.9) * (now - submittedAt)));
          }
          continue;
        }
        const claimedAt = Math.max(submittedAt + SECOND, decidedAt - rng.logNormal(4 * MINUTE, 0.7));
        item.claimedBy = reviewer.id;
        item.claimedAt = date(claimedAt);
        item.decidedBy = reviewer.id;
        item.decidedAt = date(decidedAt);
        item.updatedAt = date(decidedAt);
        const outcome = report.valid
          ? rng.weighted([
              ['removed', 93],
              ['rejected', 4],
              ['needs_info', 3],
            ] as const)
          : rng.weighted([
              ['rejected', 85],
              ['removed', 15],
            ] as const);
        if (outcome === 'removed') {
          if (rng.chance(0.05)) {
            item.infoRequest = rng.pick(INFO_REQUESTS);
            item.infoResponse = rng.pick(INFO_RESPONSES);
          }
          const removal = removeListing(
            report.listing,
            'notice_standard',
            brandIndex,
            submittedAt,
            decidedAt + rng.logNormal(25 * SECOND, 0.8),
            {
              noticeItem: item,
            },
          );
          item.state = 'removed';
          item.updatedAt = date(removal.removedAt);
        } else if (outcome === 'rejected') {
          const code: RejectionCode = report.valid
            ? 'insufficient_evidence'
            : listing.kind === 'genuine'
              ? 'authorised_seller'
              : rng.pick(['listing_not_infringing', 'right_not_applicable'] as const);
          item.state = 'rejected';
          item.rejectionCode = code;
          item.rejectionMessage = REJECTION_MESSAGES[code];
        } else {
          // Asked for more information; the brand never answered.
          item.state = 'needs_info';
          item.infoRequest = rng.pick(INFO_REQUESTS);
          item.decidedBy = null;
          item.decidedAt = null;
        }
      }
    }
  });

  // The demo brands always have open work to show (and for end-to-end tests), whatever the size:
  // standard notice items in the reviewers' queue, open authentication requests, a GFT audit sample.
  const freshListings = (brandIndex: number, count: number): number[] => {
    const picked: number[] = [];
    for (const kind of ['counterfeit', 'genuine'] as const) {
      for (let i = 0; i < listings.length && picked.length < count; i++) {
        const listing = get(listings, i);
        if (listing.brand !== brandIndex || listing.kind !== kind || listing.claimed) continue;
        if (listing.status !== 'active' || listing.listedAt > now - DAY) continue;
        listing.claimed = true;
        picked.push(i);
      }
    }
    return picked;
  };
  const freshNotice = (
    brandIndex: number,
    submittedAt: number,
    path: NoticePath,
    listingIndexes: number[],
  ): Row[] => {
    const brand = get(brands, brandIndex);
    const right = brand.rights.find((r) => r.kind === 'trademark') ?? get(brand.rights, 0);
    const noticeId = ids.uuid();
    const notice: Row = {
      id: noticeId,
      brand: brand.id,
      submittedBy: get(brand.users, 0).id,
      ipRight: right.id,
      reason: 'counterfeit' satisfies NoticeReason,
      evidence: get(NOTICE_EVIDENCE, 0),
      testBuyOrderRef: null,
      path,
      idempotencyKey: `${brand.slug}-open-${noticeRows.length + 1}`,
      itemCount: listingIndexes.length,
      submittedAt: date(submittedAt),
      createdAt: date(submittedAt),
    };
    noticeRows.push(notice);
    noticesByBrand.set(brandIndex, [...(noticesByBrand.get(brandIndex) ?? []), notice]);
    return listingIndexes.map((index) => {
      const listing = get(listings, index);
      const item = pendingItemRow(noticeId, brand.id, listing, submittedAt);
      itemRows.push(item);
      return item;
    });
  };
  const brandIdOf = (brandIndex: number): string => get(brands, brandIndex).id;
  const standardIndex = 1;
  const openItems = itemRows.filter(
    (item) =>
      item.brand === brandIdOf(standardIndex) && (item.state === 'pending' || item.state === 'needs_info'),
  );
  if (openItems.length < 3) {
    const submittedAt = now - 3 * HOUR;
    const items = freshNotice(standardIndex, submittedAt, 'standard', freshListings(standardIndex, 3));
    const asking = items[2];
    if (asking) {
      asking.state = 'needs_info';
      asking.infoRequest = get(INFO_REQUESTS, 0);
      asking.claimedBy = get(reviewers, 0).id;
      asking.claimedAt = date(submittedAt + HOUR);
      asking.updatedAt = date(submittedAt + HOUR);
    }
  }
  const gftIndex = 0;
  const auditWaiting = itemRows.some(
    (item) => item.brand === brandIdOf(gftIndex) && item.auditSampled === true && item.auditUpheld === null,
  );
  if (!auditWaiting) {
    const gftRemoved = removals.filter(
      (r) =>
        r.source === 'notice_gft' && r.brand === gftIndex && r.noticeItem && r.noticeItem.state === 'removed',
    );
    let sample = gftRemoved[gftRemoved.length - 1]?.noticeItem ?? null;
    if (!sample) {
      const submittedAt = now - 5 * HOUR;
      const listingIndexes = freshListings(gftIndex, 2);
      freshNotice(gftIndex, submittedAt, 'good_faith', listingIndexes).forEach((item, k) => {
        const removal = removeListing(
          get(listingIndexes, k),
          'notice_gft',
          gftIndex,
          submittedAt,
          submittedAt + rng.logNormal(150 * SECOND, 0.5),
          {
            noticeItem: item,
          },
        );
        item.state = 'removed';
        item.decidedAt = date(removal.removedAt);
        item.updatedAt = date(removal.removedAt);
        sample ??= item;
      });
    }
    if (sample) {
      sample.auditSampled = true;
      sample.auditUpheld = null;
      sample.claimedBy = null;
      sample.claimedAt = null;
    }
  }
  for (const brandIndex of [gftIndex, standardIndex]) {
    const brand = get(brands, brandIndex);
    let open = authRows.filter((row) => row.brand === brand.id && row.state === 'open').length;
    if (!asksAuthentication(brand)) continue;
    for (const index of open < 2 ? freshListings(brandIndex, 2 - open) : []) {
      const listing = get(listings, index);
      const createdAt = now - rng.float(HOUR, 20 * HOUR);
      listing.score = rng.float(0.55, 0.8);
      listing.scoredAt = createdAt;
      listing.matchedBrand = brandIndex;
      listing.matchedProduct = listing.product;
      listing.updatedAt = createdAt;
      Object.assign(listing.row, {
        riskScore: round(listing.score),
        scoredAt: date(createdAt),
        matchedBrand: brand.id,
        matchedProduct: get(products, listing.product).id,
        updatedAt: date(createdAt),
      });
      const row: Row = {
        id: ids.uuid(),
        brand: brand.id,
        marketplace: listing.marketplace,
        listing: listing.id,
        product: get(products, listing.product).id,
        signals: signalsFor(listing, createdAt),
        score: round(listing.score),
        state: 'open' satisfies AuthRequestState,
        answer: null,
        answerReason: null,
        answeredBy: null,
        answeredAt: null,
        dueAt: date(createdAt + AUTH_DUE_MS),
        createdAt: date(createdAt),
      };
      authRows.push(row);
      authByBrand.set(brandIndex, [...(authByBrand.get(brandIndex) ?? []), row]);
      open++;
    }
  }

  // Appeals: sellers' counter-notices; wrong removals mostly come back, counterfeit ones stand.
  const appealRows: Row[] = [];
  const strikeRows: Row[] = [];
  const appealed = new Set<string>();
  for (const removal of [...removals]) {
    if (removal.row.reinstatedAt !== null) continue;
    const listing = get(listings, removal.listing);
    const wrong = listing.kind !== 'counterfeit';
    if (!rng.chance(wrong ? 0.75 : 0.03)) continue;
    const createdAt = removal.removedAt + rng.logNormal(2 * DAY, 0.7);
    if (createdAt >= now - MINUTE) continue;
    const seller = get(sellers, listing.seller);
    const decidedAt = createdAt + rng.logNormal(3 * DAY, 0.6);
    let state: AppealState = 'open';
    if (decidedAt < now - MINUTE) {
      state = wrong
        ? rng.chance(0.9)
          ? 'reinstated'
          : 'upheld'
        : rng.chance(0.95)
          ? 'upheld'
          : 'reinstated';
    }
    const fromNotice = removal.noticeItem !== null;
    const respondedAt = createdAt + rng.logNormal(DAY, 0.6);
    const brandResponds =
      fromNotice &&
      respondedAt < Math.min(now - MINUTE, state === 'open' ? now : decidedAt) &&
      rng.chance(0.8);
    const appealId = ids.uuid();
    appealed.add(removal.id);
    appealRows.push({
      id: appealId,
      removal: removal.id,
      brand: removal.row.brand,
      marketplace: listing.marketplace,
      seller: seller.id,
      statement: rng.pick(wrong ? APPEAL_STATEMENTS_GENUINE : APPEAL_STATEMENTS_COUNTERFEIT),
      evidence: rng.chance(0.7) ? [`/sim/appeals/${appealId}/invoice.pdf`] : [],
      // An undecided appeal the brand has answered waits for a reviewer.
      state: state === 'open' && brandResponds ? 'contested' : state,
      brandResponse: brandResponds
        ? rng.pick(state === 'reinstated' ? BRAND_APPEAL_RESPONSES_REINSTATE : BRAND_APPEAL_RESPONSES_UPHOLD)
        : null,
      brandRespondedAt: brandResponds ? date(respondedAt) : null,
      brandAnswer: brandResponds ? (state === 'reinstated' ? 'retract' : 'contest') : null,
      brandAnsweredBy: brandResponds && removal.brand !== null ? get(brands, removal.brand).users[0]!.id : null,
      brandDueAt: date(createdAt + APPEAL_BRAND_WINDOW_MS),
      decidedBy: state === 'open' ? null : rng.pick(reviewers).id,
      decidedAt: state === 'open' ? null : date(decidedAt),
      decisionReason:
        state === 'open'
          ? null
          : rng.pick(state === 'reinstated' ? APPEAL_DECISIONS_REINSTATED : APPEAL_DECISIONS_UPHELD),
      createdAt: date(createdAt),
    });
    if (state === 'reinstated') reinstate(removal, decidedAt + rng.logNormal(40 * SECOND, 0.8));
    if (state === 'upheld') {
      seller.strikes++;
      strikeRows.push({
        id: ids.uuid(),
        seller: seller.id,
        marketplace: listing.marketplace,
        brand: removal.row.brand,
        removal: removal.id,
        expiresAt: date(decidedAt + YEAR),
        createdAt: date(decidedAt),
      });
    }
  }
  // …and the GFT demo brand always has an open counter-notice to answer.
  if (!appealRows.some((row) => row.brand === brandIdOf(gftIndex) && row.state === 'open')) {
    const removal = [...removals]
      .reverse()
      .find(
        (r) =>
          r.brand === gftIndex &&
          r.row.reinstatedAt === null &&
          !appealed.has(r.id) &&
          r.removedAt < now - 2 * HOUR,
      );
    if (removal) {
      const listing = get(listings, removal.listing);
      const createdAt = Math.max(removal.removedAt + HOUR, now - DAY);
      appealRows.push({
        id: ids.uuid(),
        removal: removal.id,
        brand: removal.row.brand,
        marketplace: listing.marketplace,
        seller: get(sellers, listing.seller).id,
        statement: get(APPEAL_STATEMENTS_COUNTERFEIT, 0),
        evidence: [],
        state: 'open' satisfies AppealState,
        brandResponse: null,
        brandRespondedAt: null,
        brandDueAt: date(createdAt + APPEAL_BRAND_WINDOW_MS),
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
        createdAt: date(createdAt),
      });
    }
  }
  for (const seller of sellers) {
    seller.row.strikeCount = seller.strikes;
    seller.row.status = sellerStatusFor(seller.strikes);
  }

  // Accuracy is the brand's rate of valid reports the generator drew its mistakes from, so it agrees
  // with the GFT status; the rollup worker recomputes it from the record.
  const brandRows: Row[] = brands.map((brand) => {
    return {
      id: brand.id,
      name: brand.name,
      slug: brand.slug,
      status: brand.status,
      gftStatus: brand.gftStatus,
      gftStatusChangedAt: brand.gftStatusChangedAt === null ? null : date(brand.gftStatusChangedAt),
      gftSuspendedAt: brand.gftSuspendedAt === null ? null : date(brand.gftSuspendedAt),
      jointForcePhase: brand.phase,
      accountManager: brand.manager.id,
      accuracy: brand.accuracy,
      createdAt: date(brand.createdAt),
      updatedAt: date(Math.max(brand.createdAt, brand.gftStatusChangedAt ?? brand.createdAt)),
    };
  });

  const assignmentRows: Row[] = brands.map((brand) => ({ id: ids.uuid(), brand: brand.id, manager: brand.manager.id, startedAt: date(brand.createdAt), endedAt: null }));

  // Message threads between brand users and their account manager.
  const threadRows: Row[] = [];
  const messageRows: Row[] = [];
  const threadBrands = [
    0,
    1,
    ...rng
      .shuffle(brands.map((_, i) => i).filter((i) => i > 1 && get(brands, i).status === 'active'))
      .slice(0, plan.otherThreadBrands),
  ];
  for (const brandIndex of threadBrands) {
    const brand = get(brands, brandIndex);
    const scripts = brandIndex <= 1 ? THREAD_SCRIPTS : THREAD_SCRIPTS.slice(0, rng.int(1, 2));
    for (const script of scripts) {
      if (script.subject.includes('Good Faith') && brand.enrolledFrom === null) continue;
      let subjectType: string | null = null;
      let subjectId: string | null = null;
      let start: number;
      if (script.subject.startsWith('Welcome')) start = brand.createdAt + DAY;
      else if (script.subject.includes('Good Faith')) start = (brand.enrolledFrom ?? now) - 2 * DAY;
      else start = now - rng.float(1, 60) * DAY;
      if (script.subject.includes('rejected')) {
        const notice = rng.pick(noticesByBrand.get(brandIndex) ?? [null]);
        if (notice) {
          subjectType = 'notice';
          subjectId = notice.id as string;
          start = Math.max(start, (notice.submittedAt as Date).getTime() + DAY);
        }
      }
      if (script.subject.startsWith('Authentication')) {
        const request = rng.pick(authByBrand.get(brandIndex) ?? [null]);
        if (request) {
          subjectType = 'auth_request';
          subjectId = request.id as string;
          start = Math.max(start, (request.createdAt as Date).getTime() + HOUR);
        }
      }
      const threadId = ids.uuid();
      const first = Math.min(start, now - 2 * DAY);
      let at = first;
      let side = script.first;
      let last = at;
      let lastSide = side;
      const startedBy = side === 'brand' ? rng.pick(brand.users) : brand.manager;
      script.messages.forEach((body, k) => {
        if (k > 0)
          at = Math.min(at + rng.logNormal(3 * HOUR, 1.0), now - MINUTE * (script.messages.length - k));
        const author = k === 0 ? startedBy : side === 'brand' ? rng.pick(brand.users) : brand.manager;
        messageRows.push({
          id: ids.uuid(),
          thread: threadId,
          brand: brand.id,
          author: author.id,
          authorSide: side,
          body,
          createdAt: date(at),
        });
        last = at;
        lastSide = side;
        side = side === 'brand' ? 'staff' : 'brand';
      });
      const unread = rng.chance(0.35);
      threadRows.push({
        id: threadId,
        brand: brand.id,
        subject: script.subject,
        subjectType,
        subjectId,
        brandReadAt: lastSide === 'staff' && unread ? null : date(last),
        staffReadAt: lastSide === 'brand' && unread ? null : date(last),
        brandUnread: lastSide === 'staff' && unread ? 1 : 0,
        staffUnread: lastSide === 'brand' && unread ? 1 : 0,
        startedBy: startedBy.id,
        lastMessageAt: date(last),
        createdAt: date(first),
      });
    }
  }

  // The detection model: one retired and one active version, metrics measured on the generated truth.
  let truePositives = 0;
  let flagged = 0;
  let counterfeitScored = 0;
  for (const listing of listings) {
    if (listing.score === null) continue;
    if (listing.kind === 'counterfeit') counterfeitScored++;
    if (listing.score >= DETECTION_THRESHOLDS.removeAt) {
      flagged++;
      if (listing.kind === 'counterfeit') truePositives++;
    }
  }
  const precision = flagged ? round(truePositives / flagged) : 0;
  const recall = counterfeitScored ? round(truePositives / counterfeitScored) : 0;
  const f1 = precision + recall ? round((2 * precision * recall) / (precision + recall)) : 0;
  const labelsCounterfeit = authRows.filter((r) => r.answer === 'counterfeit').length + strikeRows.length;
  const labelsGenuine =
    authRows.filter((r) => r.answer === 'genuine').length +
    appealRows.filter((r) => r.state === 'reinstated').length;
  const weights = {
    bias: -3.1,
    priceRatio: -2.4,
    suspiciousTerms: 2.9,
    keywordMatch: 1.8,
    imageSimilarity: 2.2,
    sellerAge: -0.6,
    relatedAccounts: 0.9,
    sellerStrikes: 1.1,
  };
  const modelRows: Row[] = [
    {
      id: ids.uuid(),
      version: 1,
      status: 'retired',
      weights: {
        bias: -2.5,
        priceRatio: -2.0,
        suspiciousTerms: 2.4,
        keywordMatch: 1.5,
        imageSimilarity: 1.6,
      },
      removeThreshold: DETECTION_THRESHOLDS.removeAt,
      askThreshold: DETECTION_THRESHOLDS.askAt,
      metrics: { precision: round(precision * 0.94), recall: round(recall * 0.86), f1: round(f1 * 0.9) },
      labelCounts: {
        counterfeit: Math.round(labelsCounterfeit * 0.4),
        genuine: Math.round(labelsGenuine * 0.4),
        heldOut: Math.round((labelsCounterfeit + labelsGenuine) * 0.08),
      },
      trainedAt: date(now - 220 * DAY),
      promotedAt: date(now - 219 * DAY),
    },
    {
      id: ids.uuid(),
      version: 2,
      status: 'active',
      weights,
      removeThreshold: DETECTION_THRESHOLDS.removeAt,
      askThreshold: DETECTION_THRESHOLDS.askAt,
      metrics: { precision, recall, f1 },
      labelCounts: {
        counterfeit: labelsCounterfeit,
        genuine: labelsGenuine,
        heldOut: Math.round((labelsCounterfeit + labelsGenuine) * 0.2),
      },
      trainedAt: date(now - 21 * DAY),
      promotedAt: date(now - 20 * DAY),
    },
  ];

  const summary: Record<string, number> = {
    marketplaces: marketplaceRows.length,
    users: userRows.length + brandUserRows.length,
    brands: brandRows.length,
    ipRights: rightRows.length,
    protectedProducts: productRows.length,
    sellers: sellers.length,
    relatedSellerGroups: relatedGroups,
    listings: listingRows.length,
    counterfeitListings: counterfeitCount,
    notices: noticeRows.length,
    noticeItems: itemRows.length,
    authRequests: authRows.length,
    removals: removalRows.length,
    proactiveRemovals: removals.filter((r) => r.source === 'proactive' || r.source === 'authentication')
      .length,
    brandRequestedRemovals: removals.filter(
      (r) => r.source === 'notice_gft' || r.source === 'notice_standard',
    ).length,
    appeals: appealRows.length,
    strikes: strikeRows.length,
    messageThreads: threadRows.length,
    messages: messageRows.length,
  };
  const auditRows: Row[] = [
    {
      id: ids.uuid(),
      actorId: null,
      actorLabel: 'system (demo generator)',
      action: 'seeded',
      entityType: 'brand',
      entityId: '*',
      brandId: null,
      before: null,
      after: { size: input.size, seed: input.seed, ...summary },
      requestId: null,
      occurredAt: date(now),
    },
  ];

  return {
    summary,
    tables: [
      { entity: Marketplace, rows: marketplaceRows },
      { entity: User, rows: userRows },
      { entity: Brand, rows: brandRows },
      { entity: AccountManagerAssignment, rows: assignmentRows },
      { entity: User, rows: brandUserRows },
      { entity: IpRight, rows: rightRows },
      { entity: ProtectedProduct, rows: productRows },
      { entity: Seller, rows: sellers.map((s) => s.row) },
      { entity: Listing, rows: listingRows },
      { entity: ListingTruth, rows: truthRows },
      { entity: Notice, rows: noticeRows },
      { entity: NoticeItem, rows: itemRows },
      { entity: AuthRequest, rows: authRows },
      { entity: Removal, rows: removalRows },
      { entity: Appeal, rows: appealRows },
      { entity: Strike, rows: strikeRows },
      { entity: MessageThread, rows: threadRows },
      { entity: Message, rows: messageRows },
      { entity: ModelVersion, rows: modelRows },
      { entity: AuditEvent, rows: auditRows },
    ],
  };
}

// ————————————————————————————————————————————————————————————————— writing

/**
 * Seeds the demo world. Returns false, touching nothing, when `onlyIfEmpty` is set and the
 * database already has brands; throws when it is not set and the database is not empty.
 */
export async function seedWorld(database: Database, options: SeedWorldOptions): Promise<boolean> {
  const log = options.log ?? (() => undefined);
  const em = database.fork();
  const existing = await em.count(Brand, {});
  if (existing > 0) {
    if (options.onlyIfEmpty) return false;
    throw new Error(`seedWorld needs an empty database, but it already has ${existing} brands`);
  }
  const started = performance.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const now = options.now ?? new Date();
  // argon2 is deliberately slow: every demo user shares one hash of the demo password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const world = generateWorld({ size: options.size, seed, now, passwordHash, simulatorBaseUrl: options.simulatorBaseUrl });
  log(
    `seed: generated the ${options.size} world (seed ${seed}) in ${Math.round(performance.now() - started)} ms`,
  );
  // One transaction; on SQLite a page cache big enough that the listings' indexes never spill mid-way.
  await withSqlitePragmas(em, database.kind, { cache_size: -262144 }, () =>
    em.transactional(async (tx) => {
      for (const table of world.tables) {
        const tableStarted = performance.now();
        await bulkInsert(tx, database.kind, table.entity, table.rows);
        if (table.rows.length >= 1000) {
          log(
            `seed: ${table.rows.length} ${table.entity.name} rows in ${Math.round(performance.now() - tableStarted)} ms`,
          );
        }
      }
    }),
  );
  const { summary } = world;
  log(
    `seed: ${summary.brands} brands, ${summary.sellers} sellers, ${summary.listings} listings, ${summary.removals} removals ` +
      `(${summary.proactiveRemovals} proactive, ${summary.brandRequestedRemovals} brand-requested), ${summary.notices} notices, ` +
      `${summary.authRequests} authentication requests, ${summary.appeals} appeals in ${Math.round(performance.now() - started)} ms`,
  );
  return true;
}
