import { describe, expect, it } from 'vitest';
import {
  activeStrikeCount,
  brandResponseDueAt,
  counterNoticeProblem,
  DEFAULT_APPEAL_SETTINGS,
  sellerStatusFor,
  silenceEvent,
  strikeExpiresAt,
  strikeSettingsSchema,
} from './rules';

const DAY = 86_400_000;
const removedAt = new Date('2026-03-01T12:00:00Z');
const after = (ms: number) => new Date(removedAt.getTime() + ms);
const applied = { removedAt, reinstatedAt: null };

describe('counter-notice window', () => {
  it('accepts a counter-notice up to the last instant of the seller window and refuses one after', () => {
    expect(counterNoticeProblem(applied, false, after(4 * DAY))).toBeNull();
    const late = counterNoticeProblem(applied, false, after(4 * DAY + 1));
    expect(late?.removalId?.[0]).toMatch(/accepted until 2026-03-05T12:00:00.000Z/);
  });

  it('refuses a duplicate, a removal not applied yet and one already reinstated', () => {
    expect(counterNoticeProblem(applied, true, after(DAY))?.removalId?.[0]).toMatch(/appealed once/);
    expect(counterNoticeProblem({ removedAt: null, reinstatedAt: null }, false, after(DAY))?.removalId?.[0]).toMatch(/not applied/);
    expect(counterNoticeProblem({ removedAt, reinstatedAt: after(DAY) }, false, after(DAY))?.removalId?.[0]).toMatch(/already reinstated/);
  });

  it('follows the configured window', () => {
    expect(counterNoticeProblem(applied, false, after(9 * DAY), { ...DEFAULT_APPEAL_SETTINGS, sellerWindowDays: 10 })).toBeNull();
  });
});

describe('brand silence', () => {
  const createdAt = new Date('2026-03-02T00:00:00Z');
  const open = { state: 'open' as const, createdAt };
  it('means nothing while the brand window runs, a retraction once it has passed', () => {
    expect(brandResponseDueAt(createdAt)).toEqual(new Date('2026-03-06T00:00:00Z'));
    expect(silenceEvent(open, new Date('2026-03-06T00:00:00Z'))).toBeNull();
    expect(silenceEvent(open, new Date('2026-03-06T00:00:00.001Z'))).toBe('retract');
  });

  it('counts as a contest when the settings say so, and never touches an answered appeal', () => {
    const late = new Date('2026-03-07T00:00:00Z');
    expect(silenceEvent(open, late, { ...DEFAULT_APPEAL_SETTINGS, silenceMeans: 'contest' })).toBe('contest');
    expect(silenceEvent({ state: 'contested', createdAt }, late)).toBeNull();
  });
});

describe('strikes', () => {
  const issued = new Date('2026-01-01T00:00:00Z');
  it('expire after 180 days and stop counting then', () => {
    const expiresAt = strikeExpiresAt(issued);
    expect(expiresAt).toEqual(new Date(issued.getTime() + 180 * DAY));
    expect(activeStrikeCount([{ createdAt: issued, expiresAt }], new Date(expiresAt.getTime() - 1))).toBe(1);
    expect(activeStrikeCount([{ createdAt: issued, expiresAt }], expiresAt)).toBe(0);
  });

  it('restrict a seller at 3 and ban at 5', () => {
    expect([0, 2, 3, 4, 5, 9].map((count) => sellerStatusFor(count))).toEqual(['active', 'active', 'restricted', 'restricted', 'banned', 'banned']);
    expect(sellerStatusFor(2, { restrictAt: 2, banAt: 4, expiryDays: 30 })).toBe('restricted');
  });

  it('refuse settings where a ban needs no more strikes than a restriction', () => {
    expect(strikeSettingsSchema.safeParse({ restrictAt: 3, banAt: 3, expiryDays: 180 }).success).toBe(false);
  });
});
