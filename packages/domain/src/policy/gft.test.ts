import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../metrics/rolling-window';
import { GFT_STATUSES, type DecidedItemOutcome, type GftStatus, type NoticeReason } from '../model';
import { canGftStatus } from '../state-machines/gft-status';
import { decidedItemOutcome, DEFAULT_GFT_SETTINGS, evaluateGft, gftSettingsSchema, type GftDecidedItem } from './gft';

const now = new Date('2025-06-30T12:00:00Z');

/** `count` items with one outcome and reason, decided 1, 2, 3… days before `at`. */
function decided(
  count: number,
  outcome: DecidedItemOutcome,
  reason: NoticeReason = 'counterfeit',
  at: Date = now,
): GftDecidedItem[] {
  return Array.from({ length: count }, (_, i) => ({
    outcome,
    reason,
    decidedAt: new Date(at.getTime() - (i + 1) * DAY_MS),
  }));
}

const evaluate = (
  status: GftStatus,
  items: GftDecidedItem[],
  extra: { suspendedAt?: Date; at?: Date } = {},
) => evaluateGft({ items, now: extra.at ?? now, status, suspendedAt: extra.suspendedAt });

describe('GFT settings', () => {
  it('accepts the defaults', () => {
    expect(gftSettingsSchema.parse(DEFAULT_GFT_SETTINGS)).toEqual(DEFAULT_GFT_SETTINGS);
  });

  it('refuses a suspension threshold above the eligibility threshold', () => {
    const result = gftSettingsSchema.safeParse({ ...DEFAULT_GFT_SETTINGS, suspendBelowSuccessRate: 0.95 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['suspendBelowSuccessRate']);
  });

  it('refuses rates outside 0..1 and non-integer day counts', () => {
    expect(gftSettingsSchema.safeParse({ ...DEFAULT_GFT_SETTINGS, minSuccessRate: 90 }).success).toBe(false);
    expect(gftSettingsSchema.safeParse({ ...DEFAULT_GFT_SETTINGS, windowDays: 90.5 }).success).toBe(false);
  });
});

describe('GFT eligibility (not_eligible brand)', () => {
  it('qualifies with 20 valid items', () => {
    const result = evaluate('not_eligible', decided(20, 'valid'));
    expect(result).toMatchObject({ qualifies: true, reasons: [], recommendedEvent: 'qualify' });
    expect(result.overall).toEqual({
      decided: 20,
      valid: 20,
      counterNoticed: 0,
      successRate: 1,
      counterNoticeRate: 0,
    });
  });

  it('qualifies at exactly 90% success (18 of 20)', () => {
    const result = evaluate('not_eligible', [...decided(18, 'valid'), ...decided(2, 'rejected')]);
    expect(result.overall.successRate).toBe(0.9);
    expect(result).toMatchObject({ qualifies: true, recommendedEvent: 'qualify' });
  });

  it('does not qualify at 85% success (17 of 20), and says why', () => {
    const result = evaluate('not_eligible', [
      ...decided(17, 'valid'),
      ...decided(2, 'rejected'),
      ...decided(1, 'overturned_in_audit'),
    ]);
    expect(result.qualifies).toBe(false);
    expect(result.recommendedEvent).toBeUndefined();
    expect(result.reasons).toEqual([
      'Takedown success rate is 85% (17 of 20 decided items valid), below the 90% needed to qualify.',
    ]);
  });

  it('qualifies at exactly 5% successful counter-notices (1 of 20)', () => {
    const result = evaluate('not_eligible', [...decided(19, 'valid'), ...decided(1, 'reinstated_on_appeal')]);
    expect(result.overall).toMatchObject({ successRate: 0.95, counterNoticed: 1, counterNoticeRate: 0.05 });
    expect(result.qualifies).toBe(true);
  });

  it('does not qualify at 10% successful counter-notices even with 90% success', () => {
    const result = evaluate('not_eligible', [...decided(18, 'valid'), ...decided(2, 'reinstated_on_appeal')]);
    expect(result.overall.successRate).toBe(0.9);
    expect(result.reasons).toEqual([
      'Successful counter-notice rate is 10% (2 of 20 decided items reinstated on appeal), above the 5% allowed to qualify.',
    ]);
  });

  it('needs at least 20 decided items', () => {
    const result = evaluate('not_eligible', decided(19, 'valid'));
    expect(result.qualifies).toBe(false);
    expect(result.reasons).toEqual(['Only 19 decided items in the last 90 days; at least 20 are needed.']);
  });

  it('lists every failed check, not just the first', () => {
    const result = evaluate('not_eligible', [...decided(8, 'valid'), ...decided(2, 'reinstated_on_appeal')]);
    expect(result.reasons).toHaveLength(3);
  });

  it('does not count an item exactly 90 days old, but counts one a millisecond younger', () => {
    const nineteen = decided(19, 'valid');
    const at = (msAgo: number): GftDecidedItem => ({
      outcome: 'valid',
      reason: 'counterfeit',
      decidedAt: new Date(now.getTime() - msAgo),
    });
    expect(evaluate('not_eligible', [...nineteen, at(90 * DAY_MS)]).overall.decided).toBe(19);
    expect(evaluate('not_eligible', [...nineteen, at(90 * DAY_MS - 1)])).toMatchObject({
      qualifies: true,
      overall: { decided: 20 },
    });
  });

  it('reports the window start', () => {
    expect(evaluate('not_eligible', []).windowStart).toEqual(new Date('2025-04-01T12:00:00Z'));
  });
});

describe('GFT per reason code', () => {
  it('fails a reason code with enough items below the threshold even when the overall record passes', () => {
    // Overall 29 / 30 = 96.7 %; copyright alone 4 / 5 = 80 %.
    const items = [
      ...decided(25, 'valid'),
      ...decided(4, 'valid', 'copyright'),
      ...decided(1, 'rejected', 'copyright'),
    ];
    const result = evaluate('not_eligible', items);
    expect(result.overall.successRate).toBeCloseTo(29 / 30, 12);
    expect(result.perReason.copyright).toEqual({
      decided: 5,
      valid: 4,
      counterNoticed: 0,
      successRate: 0.8,
      counterNoticeRate: 0,
      checked: true,
    });
    expect(result.reasons).toEqual([
      'Takedown success rate for copyright notices is 80% (4 of 5 decided items valid), below the 90% needed to qualify.',
    ]);
    expect(result.recommendedEvent).toBeUndefined();
  });

  it('does not check a reason code with fewer than 5 decided items', () => {
    // Overall 28 / 29 = 96.6 %; copyright 3 / 4 = 75 % but too thin to judge alone.
    const items = [
      ...decided(25, 'valid'),
      ...decided(3, 'valid', 'copyright'),
      ...decided(1, 'rejected', 'copyright'),
    ];
    const result = evaluate('not_eligible', items);
    expect(result.perReason.copyright).toMatchObject({ decided: 4, successRate: 0.75, checked: false });
    expect(result).toMatchObject({ qualifies: true, recommendedEvent: 'qualify' });
  });

  it('checks counter-notices per reason too, with the reason named in the message', () => {
    const items = [
      ...decided(25, 'valid'),
      ...decided(4, 'valid', 'trademark_misuse'),
      ...decided(1, 'reinstated_on_appeal', 'trademark_misuse'),
    ];
    const reasons = evaluate('not_eligible', items).reasons;
    expect(reasons).toContain(
      'Takedown success rate for trademark misuse notices is 80% (4 of 5 decided items valid), below the 90% needed to qualify.',
    );
    expect(reasons).toContain(
      'Successful counter-notice rate for trademark misuse notices is 20% (1 of 5 decided items reinstated on appeal), above the 5% allowed to qualify.',
    );
  });

  it('skips the per-reason check when the setting is off', () => {
    const items = [
      ...decided(25, 'valid'),
      ...decided(4, 'valid', 'copyright'),
      ...decided(1, 'rejected', 'copyright'),
    ];
    const result = evaluateGft({
      items,
      now,
      status: 'not_eligible',
      settings: { ...DEFAULT_GFT_SETTINGS, checkPerReason: false },
    });
    expect(result.perReason.copyright?.checked).toBe(false);
    expect(result.qualifies).toBe(true);
  });

  it('only lists reason codes that have items', () => {
    expect(Object.keys(evaluate('not_eligible', decided(3, 'valid', 'patent')).perReason)).toEqual([
      'patent',
    ]);
  });
});

describe('GFT for an eligible brand', () => {
  it('recommends nothing while it still qualifies: enrolment is a manual step', () => {
    const result = evaluate('eligible', decided(20, 'valid'));
    expect(result).toMatchObject({ qualifies: true, reasons: [] });
    expect(result.recommendedEvent).toBeUndefined();
  });

  it('recommends disqualify once it no longer qualifies', () => {
    expect(evaluate('eligible', decided(12, 'valid'))).toMatchObject({
      qualifies: false,
      recommendedEvent: 'disqualify',
    });
  });
});

describe('GFT suspension (enrolled brand)', () => {
  it('stays enrolled at exactly 90% success', () => {
    const result = evaluate('enrolled', [...decided(18, 'valid'), ...decided(2, 'overturned_in_audit')]);
    expect(result).toMatchObject({ qualifies: true, reasons: [] });
    expect(result.recommendedEvent).toBeUndefined();
  });

  it('is suspended below 90% success, with the reason', () => {
    const result = evaluate('enrolled', [...decided(17, 'valid'), ...decided(3, 'overturned_in_audit')]);
    expect(result).toMatchObject({ qualifies: false, recommendedEvent: 'suspend' });
    expect(result.reasons).toEqual([
      'Takedown success rate is 85% (17 of 20 decided items valid), below the 90% needed to stay enrolled.',
    ]);
  });

  it('is suspended above 5% successful counter-notices', () => {
    const result = evaluate('enrolled', [...decided(18, 'valid'), ...decided(2, 'reinstated_on_appeal')]);
    expect(result.recommendedEvent).toBe('suspend');
  });

  it('judges a thin record as if the missing items were valid: 2 bad of 3 is tolerated', () => {
    // (1 + 17) / 20 = 90 %: not below the threshold.
    const result = evaluate('enrolled', [...decided(1, 'valid'), ...decided(2, 'overturned_in_audit')]);
    expect(result.overall.successRate).toBeCloseTo(1 / 3, 12);
    expect(result.recommendedEvent).toBeUndefined();
  });

  it('suspends a thin record with more bad items than a full record could absorb', () => {
    // (0 + 17) / 20 = 85 %.
    const result = evaluate('enrolled', decided(3, 'overturned_in_audit'));
    expect(result.recommendedEvent).toBe('suspend');
    expect(result.reasons).toEqual([
      'Takedown success rate is 0% (0 of 3 decided items valid); even with 17 more valid items it would be 85%, below the 90% needed to stay enrolled.',
    ]);
  });

  it('judges thin counter-notices over the full record size too', () => {
    // 1 / 20 = 5 % passes; 2 / 20 = 10 % does not.
    expect(
      evaluate('enrolled', [...decided(4, 'valid'), ...decided(1, 'reinstated_on_appeal')]).recommendedEvent,
    ).toBe(undefined);
    const result = evaluate('enrolled', [...decided(1, 'valid'), ...decided(2, 'reinstated_on_appeal')]);
    expect(result.recommendedEvent).toBe('suspend');
    expect(result.reasons).toContain(
      'Successful counter-notice rate is 66.7% (2 of 3 decided items reinstated on appeal); even over 20 items it would be 10%, above the 5% allowed to stay enrolled.',
    );
  });

  it('stays enrolled through a quiet period with no decided items', () => {
    expect(evaluate('enrolled', []).recommendedEvent).toBeUndefined();
  });

  it('is suspended when one checked reason code falls below the threshold', () => {
    // Overall 37 / 40 = 92.5 %; copyright (7 + 10 padded) / 20 = 85 %.
    const items = [
      ...decided(30, 'valid'),
      ...decided(7, 'valid', 'copyright'),
      ...decided(3, 'overturned_in_audit', 'copyright'),
    ];
    const result = evaluate('enrolled', items);
    expect(result.recommendedEvent).toBe('suspend');
    expect(result.reasons).toEqual([
      'Takedown success rate for copyright notices is 70% (7 of 10 decided items valid); even with 10 more valid items it would be 85%, below the 90% needed to stay enrolled.',
    ]);
  });

  it('gives a thin reason code the same benefit of the doubt as a thin record', () => {
    // Copyright 4 / 5 would fail eligibility, but (4 + 15) / 20 = 95 % does not suspend.
    const items = [
      ...decided(20, 'valid'),
      ...decided(4, 'valid', 'copyright'),
      ...decided(1, 'overturned_in_audit', 'copyright'),
    ];
    expect(evaluate('enrolled', items).recommendedEvent).toBeUndefined();
    expect(evaluate('not_eligible', items).qualifies).toBe(false);
  });

  it('uses its own suspension threshold, lower than the eligibility one', () => {
    const settings = { ...DEFAULT_GFT_SETTINGS, minSuccessRate: 0.95 };
    const items = [...decided(18, 'valid'), ...decided(2, 'rejected')]; // 90 %
    expect(evaluateGft({ items, now, status: 'enrolled', settings }).recommendedEvent).toBeUndefined();
    expect(evaluateGft({ items, now, status: 'not_eligible', settings }).qualifies).toBe(false);
  });
});

describe('GFT cooldown (suspended brand)', () => {
  const suspendedAt = new Date('2025-01-01T00:00:00Z');
  const cooldownEndsAt = new Date('2025-04-01T00:00:00Z'); // 90 × 24 h later
  // A clean record built entirely after the suspension.
  const cleanRecord = decided(20, 'valid', 'counterfeit', cooldownEndsAt);

  it('recommends nothing during the cooldown, and says until when', () => {
    const result = evaluate('suspended', cleanRecord, {
      suspendedAt,
      at: new Date(cooldownEndsAt.getTime() - 1),
    });
    expect(result).toMatchObject({ qualifies: true, cooldownEndsAt });
    expect(result.recommendedEvent).toBeUndefined();
    expect(result.reasons).toEqual([
      'Suspended on 2025-01-01 00:00 UTC; the 90-day cooldown ends on 2025-04-01 00:00 UTC.',
    ]);
  });

  it('recommends requalify the moment the cooldown ends, if the record qualifies', () => {
    const result = evaluate('suspended', cleanRecord, { suspendedAt, at: cooldownEndsAt });
    expect(result).toMatchObject({
      qualifies: true,
      reasons: [],
      recommendedEvent: 'requalify',
      cooldownEndsAt,
    });
  });

  it('stays suspended after the cooldown while the record does not qualify', () => {
    const result = evaluate('suspended', decided(5, 'valid', 'counterfeit', cooldownEndsAt), {
      suspendedAt,
      at: cooldownEndsAt,
    });
    expect(result.recommendedEvent).toBeUndefined();
    expect(result.reasons).toEqual(['Only 5 decided items in the last 90 days; at least 20 are needed.']);
  });

  it('no longer counts the items that led to the suspension once the cooldown is over', () => {
    // Bad items decided at the moment of suspension are exactly 90 days old when the cooldown ends.
    const badAtSuspension = Array.from({ length: 10 }, () => ({
      outcome: 'rejected' as const,
      reason: 'counterfeit' as const,
      decidedAt: suspendedAt,
    }));
    const result = evaluate('suspended', [...badAtSuspension, ...cleanRecord], {
      suspendedAt,
      at: cooldownEndsAt,
    });
    expect(result.overall.decided).toBe(20);
    expect(result.recommendedEvent).toBe('requalify');
  });

  it('lists what else is wrong during the cooldown after the cooldown itself', () => {
    const result = evaluate('suspended', decided(5, 'valid'), {
      suspendedAt,
      at: new Date('2025-02-01T00:00:00Z'),
    });
    expect(result.reasons).toHaveLength(2);
    expect(result.reasons[0]).toMatch(/cooldown ends on 2025-04-01/);
  });

  it('recommends nothing when the suspension date is unknown', () => {
    const result = evaluate('suspended', decided(20, 'valid'));
    expect(result.recommendedEvent).toBeUndefined();
    expect(result.reasons).toEqual([
      'The suspension date is unknown, so the end of the cooldown cannot be determined.',
    ]);
  });
});

describe('GFT recommendations', () => {
  const records = {
    empty: [],
    clean: decided(20, 'valid'),
    bad: [...decided(10, 'valid'), ...decided(10, 'rejected')],
  };
  const cases = GFT_STATUSES.flatMap((status) =>
    Object.entries(records).map(([record, items]) => ({ status, record, items })),
  );

  it.each(cases)('for a $status brand with a $record record is a legal event', ({ status, items }) => {
    const { recommendedEvent } = evaluate(status, items, { suspendedAt: new Date('2024-01-01T00:00:00Z') });
    if (recommendedEvent) expect(canGftStatus(status, recommendedEvent)).toBe(true);
  });
});

describe('decidedItemOutcome', () => {
  it('counts removals as valid unless an audit overturned them, and appeals against the brand', () => {
    expect(decidedItemOutcome({ state: 'removed', auditUpheld: null })).toBe('valid');
    expect(decidedItemOutcome({ state: 'removed', auditUpheld: true })).toBe('valid');
    expect(decidedItemOutcome({ state: 'removed', auditUpheld: false })).toBe('overturned_in_audit');
    expect(decidedItemOutcome({ state: 'rejected', auditUpheld: null })).toBe('rejected');
    expect(decidedItemOutcome({ state: 'reinstated', auditUpheld: null })).toBe('reinstated_on_appeal');
    expect(decidedItemOutcome({ state: 'reinstated', auditUpheld: false })).toBe('overturned_in_audit');
    expect(decidedItemOutcome({ state: 'pending', auditUpheld: null })).toBeNull();
    expect(decidedItemOutcome({ state: 'needs_info', auditUpheld: null })).toBeNull();
  });
});
