import { describe, expect, it } from 'vitest';
import { changeFilters, chartInput, filtersFromSearch, periodEnd, presetRange, rangeProblem, searchOfFilters } from './filters';
import { removalsBehind } from './drill-down';

const today = new Date('2026-11-28T15:00:00Z'); // a Saturday

describe('dashboard filters', () => {
  it('starts presets on a whole period ending today (UTC)', () => {
    expect(presetRange('30d', 'day', today)).toEqual({ from: '2026-10-30', to: '2026-11-28' });
    // 90 days back is Mon 31 Aug 2026 already; 30 days back by week moves to that week's Monday.
    expect(presetRange('90d', 'week', today)).toEqual({ from: '2026-08-31', to: '2026-11-28' });
    expect(presetRange('30d', 'week', today)).toEqual({ from: '2026-10-26', to: '2026-11-28' });
    expect(presetRange('12m', 'month', today)).toEqual({ from: '2025-12-01', to: '2026-11-28' });
  });

  it('reads the URL, falling back to the last 90 days by week', () => {
    expect(filtersFromSearch(new URLSearchParams(''), today)).toMatchObject({ range: '90d', unit: 'week', from: '2026-08-31' });
    expect(filtersFromSearch(new URLSearchParams('range=12m&marketplace=tmall&reason=none&brandId=b1'), today)).toEqual({
      range: '12m',
      from: '2025-12-01',
      to: '2026-11-28',
      unit: 'month',
      marketplace: 'tmall',
      brandId: 'b1',
      reason: 'none',
    });
    // Unknown values are dropped rather than sent to the API.
    expect(filtersFromSearch(new URLSearchParams('range=5y&marketplace=ebay&reason=bad&unit=year'), today)).toMatchObject({ range: '90d', marketplace: undefined, reason: undefined, unit: 'week' });
  });

  it('keeps a custom range by its days and refuses daily points over 400 days', () => {
    const custom = filtersFromSearch(new URLSearchParams('from=2025-01-01&to=2026-06-30&unit=day'), today);
    expect(custom).toMatchObject({ range: 'custom', from: '2025-01-01', to: '2026-06-30', unit: 'week' });
    expect(filtersFromSearch(new URLSearchParams('from=2026-02-30&to=2026-03-01'), today).range).toBe('90d');
    expect(filtersFromSearch(new URLSearchParams(searchOfFilters(custom).toString()), today)).toEqual(custom);
  });

  it('round-trips through the URL and switches the unit with the preset', () => {
    const filters = filtersFromSearch(new URLSearchParams('range=90d&marketplace=taobao'), today);
    const yearly = changeFilters(filters, { range: '12m' }, today);
    expect(yearly).toMatchObject({ range: '12m', unit: 'month', marketplace: 'taobao', from: '2025-12-01' });
    expect(searchOfFilters(yearly).toString()).toBe('range=12m&unit=month&marketplace=taobao');
    expect(changeFilters(yearly, { marketplace: undefined }, today).marketplace).toBeUndefined();
    expect(chartInput(yearly)).toEqual({ from: '2025-12-01', to: '2026-11-28', unit: 'month', marketplace: 'taobao', brandId: undefined, reason: undefined });
  });

  it('names what is wrong with a custom range by field', () => {
    expect(rangeProblem('2026-03-01', '2026-02-01')).toEqual({ field: 'from', message: 'Must not be after the end of the range' });
    expect(rangeProblem('2020-01-01', '2026-02-01')?.field).toBe('to');
    expect(rangeProblem('2026-01-01', '')?.field).toBe('to');
    expect(rangeProblem('2026-01-01', '2026-02-01')).toBeNull();
  });

  it('opens the removals of a point: its days within the range, and the filters that apply', () => {
    expect(periodEnd('2026-11-23', 'week', '2026-11-28')).toBe('2026-11-28');
    expect(periodEnd('2026-02-01', 'month', '2026-11-28')).toBe('2026-02-28');
    const filters = { ...filtersFromSearch(new URLSearchParams('range=12m&marketplace=tmall&brandId=b1'), today) };
    const path = removalsBehind(filters, '2026-02-01', { source: 'notice_gft' });
    const query = new URLSearchParams(path.split('?')[1]);
    expect(path.startsWith('/removals?')).toBe(true);
    expect(JSON.parse(query.get('filter')!)).toEqual({ source: 'notice_gft', from: '2026-02-01', to: '2026-02-28', marketplace: 'tmall', brandId: 'b1' });
    // A week that began before a custom range opens from the range's first day.
    const custom = filtersFromSearch(new URLSearchParams('from=2026-03-04&to=2026-03-20&unit=week'), today);
    expect(JSON.parse(new URLSearchParams(removalsBehind(custom, '2026-03-02').split('?')[1]).get('filter')!)).toEqual({ from: '2026-03-04', to: '2026-03-08' });
  });
});
