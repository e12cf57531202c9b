import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  appealSchema,
  auditEventSchema,
  authRequestSchema,
  brandSchema,
  detectionThresholdsSchema,
  ipRightSchema,
  listingSchema,
  marketplaceSchema,
  messageSchema,
  messageThreadSchema,
  modelVersionSchema,
  noticeItemSchema,
  noticeSchema,
  outboxCommandSchema,
  outboxPayloadSchemas,
  protectedProductSchema,
  removalSchema,
  sellerSchema,
  strikeSchema,
  userSchema,
} from './index';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const at = new Date('2025-03-01T09:00:00Z');

/** One valid value per domain object, in the shape the database and API exchange. */
const fixtures = {
  marketplace: [
    marketplaceSchema,
    { code: 'taobao', name: 'Taobao', baseUrl: 'https://taobao.example', createdAt: at },
  ],
  user: [
    userSchema,
    {
      id: id(1),
      email: 'agent@brand.example',
      name: 'Brand Agent',
      role: 'brand_agent',
      status: 'active',
      brandId: id(2),
      locale: 'en',
      lastSignInAt: null,
      createdAt: at,
    },
  ],
  brand: [
    brandSchema,
    {
      id: id(2),
      name: 'Acme',
      slug: 'acme',
      status: 'active',
      gftStatus: 'enrolled',
      gftStatusChangedAt: at,
      gftSuspendedAt: null,
      jointForcePhase: 'notice_and_takedown',
      accountManagerId: id(3),
      accuracy: 0.97,
      createdAt: at,
      updatedAt: at,
    },
  ],
  ipRight: [
    ipRightSchema,
    {
      id: id(4),
      brandId: id(2),
      kind: 'trademark',
      registrationNumber: 'TM-123456',
      jurisdiction: 'CN',
      classes: ['25', '18'],
      validFrom: new Date('2020-01-01T00:00:00Z'),
      validUntil: new Date('2030-01-01T00:00:00Z'),
      evidenceDocument: 'ip-rights/tm-123456.pdf',
      status: 'verified',
      rejectionReason: null,
      verifiedById: id(3),
      verifiedAt: at,
      createdAt: at,
    },
  ],
  protectedProduct: [
    protectedProductSchema,
    {
      id: id(5),
      brandId: id(2),
      name: 'Acme Runner',
      keywords: ['acme', 'runner'],
      msrpCents: 129_00,
      currency: 'CNY',
      category: 'shoes',
      referenceImages: ['https://cdn.example/runner.jpg'],
      createdAt: at,
    },
  ],
  seller: [
    sellerSchema,
    {
      id: id(6),
      marketplaceCode: 'aliexpress',
      externalId: 'S-42',
      name: 'Cheap Shoes',
      status: 'active',
      strikeCount: 0,
      contactFingerprint: null,
      paymentFingerprint: null,
      registeredAt: at,
      createdAt: at,
    },
  ],
  listing: [
    listingSchema,
    {
      id: id(7),
      marketplaceCode: 'aliexpress',
      sellerId: id(6),
      externalId: 'L-1001',
      title: 'Acme Runner (replica)',
      priceCents: 19_99,
      currency: 'USD',
      category: 'shoes',
      images: ['https://cdn.example/l-1001.jpg'],
      status: 'active',
      matchedBrandId: id(2),
      matchedProductId: id(5),
      riskScore: 0.82,
      scoredAt: at,
      listedAt: at,
      createdAt: at,
      updatedAt: at,
    },
  ],
  notice: [
    noticeSchema,
    {
      id: id(8),
      brandId: id(2),
      submittedById: id(1),
      ipRightId: id(4),
      reason: 'counterfeit',
      evidence: 'Logo placement and stitching differ from the genuine product.',
      testBuyOrderRef: null,
      path: 'good_faith',
      idempotencyKey: 'submit-2025-03-01-001',
      itemCount: 1,
      submittedAt: at,
      createdAt: at,
    },
  ],
  noticeItem: [
    noticeItemSchema,
    {
      id: id(9),
      noticeId: id(8),
      brandId: id(2),
      marketplaceCode: 'aliexpress',
      listingId: id(7),
      state: 'rejected',
      rejectionCode: 'insufficient_evidence',
      rejectionMessage: 'Please attach a photo of the label.',
      infoRequest: null,
      infoResponse: null,
      claimedById: id(3),
      claimedAt: at,
      decidedById: id(3),
      decidedAt: at,
      auditSampled: false,
      auditUpheld: null,
      createdAt: at,
      updatedAt: at,
    },
  ],
  authRequest: [
    authRequestSchema,
    {
      id: id(10),
      brandId: id(2),
      marketplaceCode: 'aliexpress',
      listingId: id(7),
      productId: id(5),
      signals: { priceRatio: 0.15, titleMatch: 'acme runner', newSeller: true },
      score: 0.64,
      state: 'answered',
      answer: 'counterfeit',
      answerReason: 'Wrong sole pattern.',
      answeredById: id(1),
      answeredAt: at,
      dueAt: new Date('2025-03-04T09:00:00Z'),
      createdAt: at,
    },
  ],
  removal: [
    removalSchema,
    {
      id: id(11),
      brandId: id(2),
      marketplaceCode: 'aliexpress',
      listingId: id(7),
      source: 'authentication',
      noticeItemId: null,
      authRequestId: id(10),
      requestedAt: at,
      removedAt: new Date('2025-03-01T09:05:00Z'),
      reinstatedAt: null,
      createdAt: at,
    },
  ],
  appeal: [
    appealSchema,
    {
      id: id(12),
      removalId: id(11),
      brandId: id(2),
      marketplaceCode: 'aliexpress',
      sellerId: id(6),
      statement: 'These are authorised imports.',
      evidence: ['https://docs.example/invoice.pdf'],
      state: 'open',
      brandResponse: null,
      brandRespondedAt: null,
      decidedById: null,
      decidedAt: null,
      decisionReason: null,
      createdAt: at,
    },
  ],
  strike: [
    strikeSchema,
    {
      id: id(13),
      sellerId: id(6),
      marketplaceCode: 'aliexpress',
      brandId: id(2),
      removalId: id(11),
      expiresAt: new Date('2026-03-01T09:00:00Z'),
      createdAt: at,
    },
  ],
  messageThread: [
    messageThreadSchema,
    {
      id: id(14),
      brandId: id(2),
      subject: 'Why was item 3 rejected?',
      subjectType: 'notice_item',
      subjectId: id(9),
      brandReadAt: at,
      staffReadAt: null,
      lastMessageAt: at,
      createdAt: at,
    },
  ],
  message: [
    messageSchema,
    {
      id: id(15),
      threadId: id(14),
      brandId: id(2),
      authorId: id(1),
      authorSide: 'brand',
      body: 'We attached the label photo now.',
      createdAt: at,
    },
  ],
  auditEvent: [
    auditEventSchema,
    {
      id: id(16),
      actorId: id(3),
      actorLabel: 'Rita Reviewer (reviewer)',
      action: 'notice_item.reject',
      entityType: 'notice_item',
      entityId: id(9),
      brandId: id(2),
      before: { state: 'pending' },
      after: { state: 'rejected', rejectionCode: 'insufficient_evidence' },
      requestId: 'req-1',
      occurredAt: at,
    },
  ],
  modelVersion: [
    modelVersionSchema,
    {
      id: id(17),
      version: 3,
      status: 'active',
      weights: { bias: -2.1, priceRatio: -3.4, titleMatch: 2.2 },
      thresholds: { removeAt: 0.9, askAt: 0.6 },
      metrics: { precision: 0.95, recall: 0.81, f1: 0.874 },
      labelCounts: { counterfeit: 1200, genuine: 800, heldOut: 400 },
      trainedAt: at,
      promotedAt: at,
    },
  ],
  outboxCommand: [
    outboxCommandSchema,
    {
      id: id(18),
      kind: 'remove_listing',
      marketplaceCode: 'aliexpress',
      brandId: id(2),
      payload: {
        removalId: id(11),
        listingId: id(7),
        marketplaceCode: 'aliexpress',
        externalListingId: 'L-1001',
      },
      idempotencyKey: `remove:${id(11)}`,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: at,
      lastError: null,
      deliveredAt: null,
      createdAt: at,
    },
  ],
} satisfies Record<string, [z.ZodObject, unknown]>;

const cases = Object.entries(fixtures).map(([name, [schema, value]]) => ({
  name,
  schema: schema as z.ZodObject,
  value,
}));

describe('domain object schemas', () => {
  it.each(cases)('$name accepts a valid value unchanged', ({ schema, value }) => {
    expect(schema.parse(value)).toEqual(value);
  });

  it.each(cases)('$name rejects unknown-shaped input', ({ schema }) => {
    expect(schema.safeParse({}).success).toBe(false);
  });

  // Procedure inputs are derived with pick / omit / partial, which zod refuses on refined objects.
  it.each(cases)('$name can be derived from with omit and partial', ({ schema }) => {
    expect(() => schema.partial()).not.toThrow();
    expect(() => schema.omit({})).not.toThrow();
  });
});

describe('field rules', () => {
  const [, brand] = fixtures.brand;
  const [, listing] = fixtures.listing;

  it('requires uuid ids', () => {
    expect(brandSchema.safeParse({ ...brand, id: 'brand-1' }).success).toBe(false);
  });

  it('requires Date objects, not ISO strings', () => {
    expect(brandSchema.safeParse({ ...brand, createdAt: '2025-03-01T09:00:00Z' }).success).toBe(false);
  });

  it('only accepts values of the model enumerations', () => {
    expect(brandSchema.safeParse({ ...brand, gftStatus: 'vip' }).success).toBe(false);
    expect(listingSchema.safeParse({ ...listing, marketplaceCode: 'ebay' }).success).toBe(false);
  });

  it('keeps money in whole minor units with an ISO currency', () => {
    expect(listingSchema.safeParse({ ...listing, priceCents: 19.99 }).success).toBe(false);
    expect(listingSchema.safeParse({ ...listing, currency: 'usd' }).success).toBe(false);
  });

  it('keeps scores within 0..1', () => {
    expect(listingSchema.safeParse({ ...listing, riskScore: 1.2 }).success).toBe(false);
    expect(brandSchema.safeParse({ ...brand, accuracy: -0.1 }).success).toBe(false);
  });

  it('accepts lower-case hyphenated slugs only', () => {
    expect(brandSchema.safeParse({ ...brand, slug: 'acme-sports' }).success).toBe(true);
    expect(brandSchema.safeParse({ ...brand, slug: 'Acme Sports' }).success).toBe(false);
  });
});

describe('detection thresholds', () => {
  it('accepts equal thresholds (no ask band)', () => {
    expect(detectionThresholdsSchema.safeParse({ removeAt: 0.8, askAt: 0.8 }).success).toBe(true);
  });

  it('refuses an ask threshold above the removal threshold', () => {
    const result = detectionThresholdsSchema.safeParse({ removeAt: 0.6, askAt: 0.9 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['askAt']);
  });

  it('allows metrics to be null when undefined', () => {
    const [, version] = fixtures.modelVersion;
    const undefinedMetrics = { precision: null, recall: 0, f1: 0 };
    expect(modelVersionSchema.safeParse({ ...version, metrics: undefinedMetrics }).success).toBe(true);
  });
});

describe('outbox payloads', () => {
  it('checks the payload of each kind', () => {
    const [, command] = fixtures.outboxCommand;
    expect(outboxPayloadSchemas.remove_listing.safeParse(command.payload).success).toBe(true);
    expect(outboxPayloadSchemas.reinstate_listing.safeParse({ listingId: id(7) }).success).toBe(false);
    expect(
      outboxPayloadSchemas.notify.safeParse({
        recipientUserId: id(1),
        brandId: id(2),
        template: 'gft_suspended',
        data: { reasons: ['Takedown success rate is 85%'] },
      }).success,
    ).toBe(true);
  });
});
