import { describe, expect, it } from 'vitest';
import { claimIsLive, isAuditSampled, liveClaimSince, REVIEW_CLAIM_TIMEOUT_MS, listingProblem, noticePathFor, parseListingReference, rightProblem, testBuyProblem } from './rules';

const now = new Date('2026-06-01T00:00:00Z');
const right = { brandId: 'a', status: 'verified', validFrom: new Date('2020-01-01'), validUntil: new Date('2030-01-01') } as const;

describe('rightProblem', () => {
  it('accepts a verified right of the brand that is valid today', () => {
    expect(rightProblem(right, 'a', now)).toBeNull();
  });
  it('treats another brand’s right exactly like an unknown one', () => {
    expect(rightProblem(right, 'b', now)).toBe(rightProblem(null, 'b', now));
  });
  it.each([
    [{ status: 'pending' }, /not verified/],
    [{ status: 'rejected' }, /rejected/],
    [{ status: 'expired' }, /expired/],
    [{ validUntil: now }, /expired/],
    [{ validFrom: new Date('2026-06-02') }, /not valid yet/],
  ] as const)('refuses %o', (change, message) => {
    expect(rightProblem({ ...right, ...change }, 'a', now)).toMatch(message);
  });
});

describe('listingProblem', () => {
  it('refuses unknown, removed and already-noticed listings', () => {
    expect(listingProblem(null)).toMatch(/not a listing we know/);
    expect(listingProblem({ status: 'removed', hasOpenItem: false })).toMatch(/already removed/);
    expect(listingProblem({ status: 'active', hasOpenItem: true })).toMatch(/open notice/);
  });
  it('accepts active and reinstated listings with no open item', () => {
    expect(listingProblem({ status: 'active', hasOpenItem: false })).toBeNull();
    expect(listingProblem({ status: 'reinstated', hasOpenItem: false })).toBeNull();
  });
});

describe('noticePathFor and testBuyProblem', () => {
  it('sends only enrolled brands down the good-faith path', () => {
    expect(noticePathFor('enrolled')).toBe('good_faith');
    for (const status of ['not_eligible', 'eligible', 'suspended'] as const) expect(noticePathFor(status)).toBe('standard');
  });
  it('requires an order reference for test buys only', () => {
    expect(testBuyProblem('test_buy', ' ')).toMatch(/required/);
    expect(testBuyProblem('test_buy', 'ORD-1')).toBeNull();
    expect(testBuyProblem('counterfeit', null)).toBeNull();
  });
});

describe('isAuditSampled', () => {
  it('is deterministic per item and close to the rate over many items', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `item-${i}`);
    const sampled = ids.filter((id) => isAuditSampled(id, 0.05)).length;
    expect(sampled / ids.length).toBeGreaterThan(0.04);
    expect(sampled / ids.length).toBeLessThan(0.06);
    expect(ids.filter((id) => isAuditSampled(id, 0.05))).toEqual(ids.filter((id) => isAuditSampled(id, 0.05)));
  });
  it('samples nothing at 0 and everything at 1', () => {
    expect(isAuditSampled('x', 0)).toBe(false);
    expect(isAuditSampled('x', 1)).toBe(true);
  });
});

describe('parseListingReference', () => {
  it('reads marketplace:id pairs and listing URLs', () => {
    expect(parseListingReference('taobao:TB-0001')).toEqual({ marketplace: 'taobao', externalId: 'TB-0001' });
    expect(parseListingReference(' Tmall : TM123 ')).toEqual({ marketplace: 'tmall', externalId: 'TM123' });
    expect(parseListingReference('http://127.0.0.1:3001/1688/listings/A-9?ref=x')).toEqual({ marketplace: '1688', externalId: 'A-9' });
  });
  it('refuses unknown marketplaces and free text', () => {
    expect(parseListingReference('ebay:123')).toBeNull();
    expect(parseListingReference('the red bag on taobao')).toBeNull();
    expect(parseListingReference('')).toBeNull();
  });
});

describe('review claims', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  it('hold for the timeout and lapse at it', () => {
    expect(claimIsLive(null, now)).toBe(false);
    expect(claimIsLive(new Date(now.getTime() - REVIEW_CLAIM_TIMEOUT_MS + 1), now)).toBe(true);
    expect(claimIsLive(new Date(now.getTime() - REVIEW_CLAIM_TIMEOUT_MS), now)).toBe(false);
  });
  it('give queries the earliest claim time that still holds', () => {
    expect(claimIsLive(liveClaimSince(now), now)).toBe(true);
    expect(claimIsLive(new Date(liveClaimSince(now).getTime() - 1), now)).toBe(false);
  });
});
