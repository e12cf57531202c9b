import { describe, expect, it } from 'vitest';
import { durationBucket } from '../metrics/histogram';
import { dashboardInput } from './input';
import { appealSeries, authRequestSeries, periodsBetween, removalsSeries, turnaroundSeries } from './series';

const HOUR = 3_600_000;

describe('dashboard series', () => {
  it('lists every period of the range, gaps included, weeks starting on Monday', () => {
    expect(periodsBetween('2026-11-01', '2026-11-03', 'day')).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
    ]);
    // 2026-11-01 is a Sunday: its ISO week began on Monday 26 October.
    expect(periodsBetween('2026-11-01', '2026-11-10', 'week')).toEqual([
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
    ]);
    expect(periodsBetween('2026-01-31', '2026-03-01', 'month')).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
    ]);
  });

  it('adds removals up by period and source, with the proactive ratio', () => {
    const series = removalsSeries(
      [
        { day: '2026-11-02', source: 'proactive', requested: 70, reinstated: 1 },
        { day: '2026-11-03', source: 'authentication', requested: 10, reinstated: 0 },
        { day: '2026-11-04', source: 'notice_gft', requested: 6, reinstated: 2 },
        { day: '2026-11-08', source: 'notice_standard', requested: 4, reinstated: 0 },
        { day: '2026-11-09', source: 'proactive', requested: 5, reinstated: 0 },
      ],
      '2026-11-02',
      '2026-11-15',
      'week',
    );
    expect(series).toHaveLength(2);
    expect(series[0]).toMatchObject({
      period: '2026-11-02',
      proactive: 80,
      brandRequested: 10,
      ratio: 8,
      reinstated: 3,
    });
    expect(series[1]).toMatchObject({ period: '2026-11-09', proactive: 5, brandRequested: 0, ratio: null });
  });

  it('reads turnaround percentiles and the notices handled within 8 h and 24 h', () => {
    const row = (source: 'notice_standard' | 'proactive', ms: number, n = 1) => ({
      day: '2026-11-02',
      source,
      bucket: durationBucket(ms),
      n,
    });
    const { points, overall } = turnaroundSeries(
      [
        row('notice_standard', 2 * HOUR, 5),
        row('notice_standard', 9 * HOUR, 3),
        row('notice_standard', 30 * HOUR, 2),
        row('proactive', 15_000, 9),
      ],
      '2026-11-02',
      '2026-11-02',
      'day',
    );
    expect(points).toHaveLength(1);
    // Ten notice removals: ranks 5 (p50) in (1 h, 2 h], 9 (p90) in (24 h, 48 h].
    expect(overall.bySource.notice_standard).toEqual({
      count: 10,
      p50: 2 * HOUR,
      p90: 48 * HOUR,
      p99: 48 * HOUR,
    });
    expect(overall.bySource.proactive).toMatchObject({ count: 9, p50: 20_000 });
    expect(overall.bySource.notice_gft).toEqual({ count: 0, p50: null, p90: null, p99: null });
    expect(overall.noticesWithin8h).toBeCloseTo(0.5);
    expect(overall.noticesWithin24h).toBeCloseTo(0.8);
  });

  it('counts authentication requests, their answer time and expiry rate', () => {
    const summary = authRequestSeries(
      [{ day: '2026-11-02', created: 10, answered: 6, expired: 2, counterfeit: 4, genuine: 1, unsure: 1 }],
      [
        { bucket: durationBucket(3 * HOUR), n: 4 },
        { bucket: durationBucket(30 * HOUR), n: 2 },
      ],
      '2026-11-01',
      '2026-11-30',
      'month',
    );
    expect(summary.points).toEqual([
      { period: '2026-11-01', created: 10, answered: 6, expired: 2, counterfeit: 4, genuine: 1, unsure: 1 },
    ]);
    expect(summary.expiryRate).toBeCloseTo(2 / 8);
    expect(summary.responseP50).toBe(4 * HOUR);
    expect(summary.responseP90).toBe(48 * HOUR);
  });

  it('relates appeals to acknowledged removals and reinstatements to decided appeals', () => {
    const summary = appealSeries(
      [{ day: '2026-11-02', created: 5, reinstated: 1, upheld: 3 }],
      [{ day: '2026-11-02', acknowledged: 100 }],
      '2026-11-02',
      '2026-11-02',
      'day',
    );
    expect(summary.appealRate).toBeCloseTo(0.05);
    expect(summary.reinstatementRate).toBeCloseTo(0.25);
    expect(summary.points[0]).toMatchObject({ appeals: 5, removals: 100, appealRate: 0.05 });
  });

  it('refuses a backwards or oversized range, naming the field', () => {
    expect(dashboardInput.safeParse({ from: '2026-11-10', to: '2026-11-01' }).error?.issues[0]?.path).toEqual(
      ['from'],
    );
    expect(dashboardInput.safeParse({ from: '2020-01-01', to: '2026-11-01' }).error?.issues[0]?.path).toEqual(
      ['to'],
    );
    expect(dashboardInput.safeParse({ from: '2026-02-30', to: '2026-03-01' }).success).toBe(false);
    expect(dashboardInput.parse({ from: '2026-01-01', to: '2026-11-01' }).unit).toBe('week');
  });
});
