import { describe, expect, it } from 'vitest';
import { proactiveRatio } from './proactive-ratio';

describe('proactiveRatio', () => {
  it('divides proactive + authentication by notice_gft + notice_standard', () => {
    // (600 + 200) / (70 + 30) = 8: the reference year's "8x as many".
    expect(
      proactiveRatio({ proactive: 600, authentication: 200, notice_gft: 70, notice_standard: 30 }),
    ).toEqual({
      proactive: 800,
      brandRequested: 100,
      ratio: 8,
    });
  });

  it('counts missing sources as zero', () => {
    expect(proactiveRatio({ authentication: 3, notice_standard: 4 })).toEqual({
      proactive: 3,
      brandRequested: 4,
      ratio: 0.75,
    });
  });

  it('has no ratio when there were no brand-requested removals', () => {
    expect(proactiveRatio({ proactive: 5 })).toEqual({ proactive: 5, brandRequested: 0, ratio: null });
    expect(proactiveRatio({})).toEqual({ proactive: 0, brandRequested: 0, ratio: null });
  });

  it('is zero, not null, when brands requested removals and detection found none', () => {
    expect(proactiveRatio({ notice_gft: 2 }).ratio).toBe(0);
  });
});
