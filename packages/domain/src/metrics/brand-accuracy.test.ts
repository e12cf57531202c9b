import { describe, expect, it } from 'vitest';
import type { DecidedItemOutcome } from '../model';
import { brandAccuracy } from './brand-accuracy';
import { DAY_MS } from './rolling-window';

const now = new Date('2025-04-01T12:00:00Z');
const decided = (outcome: DecidedItemOutcome, msAgo: number) => ({
  outcome,
  decidedAt: new Date(now.getTime() - msAgo),
});

describe('brandAccuracy', () => {
  it('is valid / decided over the last 90 days, every non-valid outcome counting as invalid', () => {
    const items = [
      decided('valid', 1 * DAY_MS),
      decided('valid', 10 * DAY_MS),
      decided('valid', 30 * DAY_MS),
      decided('rejected', 45 * DAY_MS),
      decided('reinstated_on_appeal', 60 * DAY_MS),
      decided('overturned_in_audit', 89 * DAY_MS),
      decided('rejected', 120 * DAY_MS), // outside the window
    ];
    expect(brandAccuracy(items, now)).toEqual({ decided: 6, valid: 3, invalid: 3, accuracy: 0.5 });
  });

  it('leaves out an item exactly 90 days old and keeps one a millisecond younger', () => {
    expect(brandAccuracy([decided('rejected', 90 * DAY_MS)], now).decided).toBe(0);
    expect(brandAccuracy([decided('rejected', 90 * DAY_MS - 1)], now).decided).toBe(1);
  });

  it('keeps an item decided at `now` and leaves out one dated after it', () => {
    expect(brandAccuracy([decided('valid', 0)], now).decided).toBe(1);
    expect(brandAccuracy([decided('valid', -1)], now).decided).toBe(0);
  });

  it('takes the window length as a parameter', () => {
    const items = [decided('valid', 5 * DAY_MS), decided('rejected', 20 * DAY_MS)];
    expect(brandAccuracy(items, now, 7)).toEqual({ decided: 1, valid: 1, invalid: 0, accuracy: 1 });
  });

  it('has no accuracy when nothing was decided', () => {
    expect(brandAccuracy([], now)).toEqual({ decided: 0, valid: 0, invalid: 0, accuracy: null });
  });
});
