import { describe, expect, it } from 'vitest';
import { mayReadDocument, type DocumentAccessFacts } from './access';

const attachment: DocumentAccessFacts = { brandId: 'brand-b', brandAccountManagerId: 'am-b', citedAsEvidence: false };
const evidence: DocumentAccessFacts = { ...attachment, citedAsEvidence: true };

describe('mayReadDocument', () => {
  it('lets a brand read its own files and no other brand’s', () => {
    expect(mayReadDocument({ role: 'brand_agent', userId: 'u', brandId: 'brand-b' }, attachment)).toBe(true);
    expect(mayReadDocument({ role: 'brand_admin', userId: 'u', brandId: 'brand-a' }, evidence)).toBe(false);
    expect(mayReadDocument({ role: 'brand_admin', userId: 'u', brandId: null }, evidence)).toBe(false);
  });

  it('lets staff who read the brand’s correspondence read every file of it', () => {
    expect(mayReadDocument({ role: 'account_manager', userId: 'am-b', brandId: null }, attachment)).toBe(true);
    expect(mayReadDocument({ role: 'leadership', userId: 'l', brandId: null }, attachment)).toBe(true);
    expect(mayReadDocument({ role: 'platform_admin', userId: 'p', brandId: null }, attachment)).toBe(true);
  });

  it('lets other staff read evidence they judge by, but no message attachment or bulk file', () => {
    expect(mayReadDocument({ role: 'reviewer', userId: 'r', brandId: null }, evidence)).toBe(true);
    expect(mayReadDocument({ role: 'account_manager', userId: 'am-a', brandId: null }, evidence)).toBe(true);
    expect(mayReadDocument({ role: 'reviewer', userId: 'r', brandId: null }, attachment)).toBe(false);
    expect(mayReadDocument({ role: 'account_manager', userId: 'am-a', brandId: null }, attachment)).toBe(false);
  });
});
