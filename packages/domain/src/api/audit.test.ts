import { describe, expect, it } from 'vitest';
import { auditScope, auditScopeCovers } from '../access';
import { auditFilterSchema, exportAuditEventsInput, listAuditEventsInput } from './audit';

describe('audit filters', () => {
  it('read a day as the whole UTC day on both ends, and instants as given', () => {
    const filter = auditFilterSchema.parse({ from: '2026-11-01', to: '2026-11-28' });
    expect(filter.from?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(filter.to?.toISOString()).toBe('2026-11-28T23:59:59.999Z');
    const instants = auditFilterSchema.parse({ from: '2026-11-01T08:00:00+08:00', to: '2026-11-01T12:30:00.000Z' });
    expect(instants.from?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(instants.to?.toISOString()).toBe('2026-11-01T12:30:00.000Z');
  });

  it('refuse a range that ends before it starts, and dates that are not dates', () => {
    expect(auditFilterSchema.safeParse({ from: '2026-11-02', to: '2026-11-01' }).error?.issues.map((issue) => issue.path)).toEqual([['to']]);
    expect(auditFilterSchema.safeParse({ from: '2026-11-01', to: '2026-11-01' }).success).toBe(true);
    expect(auditFilterSchema.safeParse({ from: 'yesterday' }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ to: '2026-13-01' }).success).toBe(false);
  });

  it('match actions by their lower-case start, and take only known entity types', () => {
    expect(auditFilterSchema.parse({ action: ' GFT_ ' }).action).toBe('gft_');
    expect(auditFilterSchema.safeParse({ entityType: 'brand' }).success).toBe(true);
    expect(auditFilterSchema.safeParse({ entityType: 'planet' }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ brandId: 'not-an-id' }).success).toBe(false);
  });

  it('default the list to its first page and the export to newest first', () => {
    expect(listAuditEventsInput.parse({})).toMatchObject({ page: 1, perPage: 25, sort: { field: 'occurredAt' }, filter: {} });
    expect(exportAuditEventsInput.parse({ entityType: 'notice' })).toEqual({ entityType: 'notice', order: 'DESC' });
  });
});

describe('audit scope', () => {
  const managed = new Set(['brand-a']);
  const event = (actorId: string | null, brandId: string | null) => ({ actorId, brandId });

  it('lets leadership and platform admins read everything and reviewers and brand users nothing', () => {
    for (const role of ['leadership', 'platform_admin'] as const) expect(auditScopeCovers(auditScope(role, 'u'), event(null, null), managed)).toBe(true);
    for (const role of ['reviewer', 'brand_admin', 'brand_agent'] as const) {
      expect(auditScope(role, 'u')).toEqual({ kind: 'none' });
      expect(auditScopeCovers(auditScope(role, 'u'), event('u', 'brand-a'), managed)).toBe(false);
    }
  });

  it('lets an account manager read their brands’ events and their own actions only', () => {
    const scope = auditScope('account_manager', 'am-1');
    expect(auditScopeCovers(scope, event('someone', 'brand-a'), managed)).toBe(true);
    expect(auditScopeCovers(scope, event('am-1', 'brand-b'), managed)).toBe(true);
    expect(auditScopeCovers(scope, event('am-1', null), managed)).toBe(true);
    expect(auditScopeCovers(scope, event('someone', 'brand-b'), managed)).toBe(false);
    expect(auditScopeCovers(scope, event(null, null), managed)).toBe(false);
  });
});
