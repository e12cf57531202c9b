import { describe, expect, it } from 'vitest';
import {
  extractFeatures,
  FEATURE_NAMES,
  type ListingForDetection,
  type ProductForDetection,
  type SellerForDetection,
} from './features';

const DAY = 86_400_000;
const NOW = new Date('2025-06-01T00:00:00Z');

const product: ProductForDetection = {
  id: 'p-serene',
  brandId: 'b-aurelia',
  name: 'Aurelia Serene Leather Tote',
  keywords: ['Aurelia', 'Serene', 'leather tote', '真皮托特包', '奥蕾莉亚'],
  msrpCents: 200_00,
  currency: 'USD',
  category: 'handbags',
  imageHashes: ['ffff0000ffff0000', '0123456789abcdef'],
};

const seller: SellerForDetection = {
  registeredAt: new Date(NOW.getTime() - 365 * DAY),
  strikeCount: 0,
  pastRemovals: 0,
  relatedAccounts: 0,
};

function listing(values: Partial<ListingForDetection> = {}): ListingForDetection {
  return {
    title: 'Aurelia Serene Leather Tote',
    priceCents: 180_00,
    currency: 'USD',
    category: 'handbags',
    imageHashes: [],
    ...values,
  };
}

const match = { product, keywordMatch: 0.6 };
const featuresOf = (values: Partial<ListingForDetection>, sellerValues: Partial<SellerForDetection> = {}) =>
  extractFeatures(listing(values), { ...seller, ...sellerValues }, match, NOW);
const suspicious = (title: string) => featuresOf({ title }).suspiciousTerms;
const official = (title: string) => featuresOf({ title }).officialTerms;

describe('suspiciousTerms', () => {
  it('counts distinct counterfeit terms, up to three', () => {
    expect(suspicious('Aurelia Serene Leather Tote replica 1:1 AAA quality')).toBe(1);
    expect(suspicious('High copy Aurelia Leather Tote Serene mirror quality')).toBeCloseTo(2 / 3, 12);
    expect(suspicious('Aurelia tote replica, replica, REPLICA')).toBeCloseTo(1 / 3, 12);
    expect(suspicious('Aurelia Serene Leather Tote - official store')).toBe(0);
  });

  it('finds Chinese terms with no spaces around them', () => {
    expect(suspicious('高仿奥蕾莉亚 真皮托特包 1:1 原单品质')).toBe(1);
    expect(suspicious('A货 奥蕾莉亚 真皮托特包 精仿 专柜品质')).toBe(1);
    expect(suspicious('Aurelia同款 真皮托特包 工厂直销')).toBeCloseTo(2 / 3, 12);
    expect(suspicious('奥蕾莉亚真皮托特包一比一')).toBeCloseTo(1 / 3, 12);
  });

  it('reads full-width characters as their ASCII forms', () => {
    expect(suspicious('Ａｕｒｅｌｉａ ＡＡＡ 真皮托特包')).toBeCloseTo(1 / 3, 12);
    expect(suspicious('奥蕾莉亚 真皮托特包 １：１')).toBeCloseTo(1 / 3, 12);
    expect(suspicious('ＲＥＰＬＩＣＡ　ａ货')).toBeCloseTo(2 / 3, 12);
  });

  it('matches 1:1 whatever the spacing, but not inside other numbers', () => {
    expect(suspicious('Aurelia tote 1 : 1')).toBeCloseTo(1 / 3, 12);
    expect(suspicious('Aurelia tote1:1quality')).toBe(0); // "tote1" runs into the number
    expect(suspicious('Aurelia tote (1:1)')).toBeCloseTo(1 / 3, 12);
    expect(suspicious('Aurelia watch, opens 11:10 daily, 1:100 scale')).toBe(0);
  });

  it('matches Latin terms as whole words only', () => {
    expect(suspicious('Copyright 2024 Aurelia, photocopy of the receipt included')).toBe(0);
    expect(suspicious('Aurelia tote, copy')).toBeCloseTo(1 / 3, 12);
    expect(suspicious('Aurelia super copy tote')).toBeCloseTo(1 / 3, 12); // one hit, not "super copy" + "copy"
    expect(suspicious('Aaaaah what a tote, fakeness guaranteed')).toBe(0);
    expect(suspicious('AAA+ Aurelia style tote')).toBeCloseTo(1 / 3, 12);
  });
});

describe('officialTerms', () => {
  it('counts genuine-seller terms, up to two', () => {
    expect(official('奥蕾莉亚官方旗舰店 Serene 真皮托特包 正品')).toBe(1);
    expect(official('专柜正品 奥蕾莉亚 真皮托特包 全国联保')).toBe(1);
    expect(official('Authentic Aurelia Leather Tote Serene with receipt')).toBe(1);
    expect(official('Aurelia Serene Leather Tote - official store')).toBe(0.5);
    expect(official('Aurelia Serene Leather Tote, AUTHORIZED RETAILER, new')).toBe(0.5);
    expect(official('Aurelia Serene Leather Tote new with tags')).toBe(0);
  });
});

describe('keywordMatch and categoryMatch', () => {
  it('come from the matched product, and are 0 without one', () => {
    expect(featuresOf({}).keywordMatch).toBe(0.6);
    expect(featuresOf({}).categoryMatch).toBe(1);
    expect(featuresOf({ category: 'footwear' }).categoryMatch).toBe(0);
    const unmatched = extractFeatures(listing(), seller, null, NOW);
    expect(unmatched.keywordMatch).toBe(0);
    expect(unmatched.categoryMatch).toBe(0);
  });
});

describe('priceRatio', () => {
  it('compares price and MSRP in US dollars', () => {
    expect(featuresOf({ priceCents: 50_00, currency: 'USD' }).priceRatio).toBeCloseTo(0.25, 12);
    // 720 CNY at 7.2 per dollar is 100 USD, half the 200 USD MSRP.
    expect(featuresOf({ priceCents: 720_00, currency: 'CNY' }).priceRatio).toBeCloseTo(0.5, 12);
    expect(featuresOf({ priceCents: 720_00, currency: 'cny' }).priceRatio).toBeCloseTo(0.5, 12);
    expect(featuresOf({ priceCents: 15_000_00, currency: 'JPY' }).priceRatio).toBeCloseTo(0.5, 12);
    expect(featuresOf({ priceCents: 92_00, currency: 'EUR' }).priceRatio).toBeCloseTo(0.5, 12);
  });

  it('converts the MSRP too', () => {
    const cnyProduct = { ...product, msrpCents: 1_440_00, currency: 'CNY' };
    const features = extractFeatures(
      listing({ priceCents: 100_00 }),
      seller,
      { product: cnyProduct, keywordMatch: 1 },
      NOW,
    );
    expect(features.priceRatio).toBeCloseTo(0.5, 12);
  });

  it('takes an unknown currency as dollars, caps at 2, and is 1 without a product', () => {
    expect(featuresOf({ priceCents: 100_00, currency: 'XYZ' }).priceRatio).toBeCloseTo(0.5, 12);
    expect(featuresOf({ priceCents: 5_000_00 }).priceRatio).toBe(2);
    expect(extractFeatures(listing({ priceCents: 10_00 }), seller, null, NOW).priceRatio).toBe(1);
  });
});

describe('seller features', () => {
  const days = (n: number) => ({ registeredAt: new Date(NOW.getTime() - n * DAY) });

  it('sellerAge grows with the log of days registered, full at ten years', () => {
    expect(featuresOf({}, days(0)).sellerAge).toBe(0);
    expect(featuresOf({}, days(364)).sellerAge).toBeCloseTo(Math.log1p(364) / Math.log1p(3650), 12);
    expect(featuresOf({}, days(3650)).sellerAge).toBeCloseTo(1, 12);
    expect(featuresOf({}, days(7300)).sellerAge).toBe(1);
    expect(featuresOf({}, days(-30)).sellerAge).toBe(0); // registered "in the future": clock skew
  });

  it('strikes, past removals and related accounts saturate', () => {
    expect(featuresOf({}, { strikeCount: 2 }).sellerStrikes).toBeCloseTo(0.4, 12);
    expect(featuresOf({}, { strikeCount: 9 }).sellerStrikes).toBe(1);
    expect(featuresOf({}, { pastRemovals: 0 }).pastRemovals).toBe(0);
    expect(featuresOf({}, { pastRemovals: 9 }).pastRemovals).toBeCloseTo(Math.log(10) / Math.log(101), 12);
    expect(featuresOf({}, { pastRemovals: 100 }).pastRemovals).toBeCloseTo(1, 12);
    expect(featuresOf({}, { pastRemovals: 5000 }).pastRemovals).toBe(1);
    expect(featuresOf({}, { relatedAccounts: 3 }).relatedAccounts).toBeCloseTo(0.6, 12);
    expect(featuresOf({}, { relatedAccounts: 7 }).relatedAccounts).toBe(1);
  });
});

describe('imageSimilarity', () => {
  it('is the best match of any listing image with any product image', () => {
    expect(featuresOf({ imageHashes: ['0000000000000000', '0123456789abcdef'] }).imageSimilarity).toBe(1);
    // ffff0000ffff00ff differs from ffff0000ffff0000 in 8 bits.
    expect(featuresOf({ imageHashes: ['ffff0000ffff00ff'] }).imageSimilarity).toBeCloseTo(1 - 8 / 64, 12);
    expect(featuresOf({ imageHashes: ['FFFF0000FFFF00FF'] }).imageSimilarity).toBeCloseTo(1 - 8 / 64, 12);
  });

  it('is 0 when either side has no (valid) hashes', () => {
    expect(featuresOf({ imageHashes: [] }).imageSimilarity).toBe(0);
    expect(featuresOf({ imageHashes: ['not a hash'] }).imageSimilarity).toBe(0);
    const bare = { ...product, imageHashes: [] };
    expect(
      extractFeatures(
        listing({ imageHashes: ['ffff0000ffff0000'] }),
        seller,
        { product: bare, keywordMatch: 1 },
        NOW,
      ).imageSimilarity,
    ).toBe(0);
  });
});

describe('extractFeatures', () => {
  it('always returns every feature as a finite number in range, even from bad rows', () => {
    const features = extractFeatures(
      listing({ title: '', priceCents: Number.NaN, currency: '' }),
      {
        registeredAt: new Date(Number.NaN),
        strikeCount: -3,
        pastRemovals: Number.NaN,
        relatedAccounts: Infinity,
      },
      { product: { ...product, msrpCents: 0 }, keywordMatch: Number.NaN },
      NOW,
    );
    expect(Object.keys(features).sort()).toEqual([...FEATURE_NAMES].sort());
    for (const name of FEATURE_NAMES) {
      expect(Number.isFinite(features[name]), name).toBe(true);
      expect(features[name]).toBeGreaterThanOrEqual(0);
      expect(features[name]).toBeLessThanOrEqual(name === 'priceRatio' ? 2 : 1);
    }
  });
});
