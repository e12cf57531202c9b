import { describe, expect, it } from 'vitest';
import { toCsv, UTF8_BOM } from './csv';
import { formatBound, formatDuration } from './format';

describe('chart CSV', () => {
  it('starts with a BOM, quotes what needs it and keeps Chinese names intact', () => {
    const csv = toCsv(
      [
        { header: 'Brand', value: (row: { brand: string; n: number | null }) => row.brand },
        { header: 'Removals', value: (row) => row.n },
      ],
      [
        { brand: '澄澈光学', n: 12 },
        { brand: 'Dunmore, "Finch"', n: null },
        { brand: '=HYPERLINK("x")', n: 3 },
      ],
    );
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual(['Brand,Removals', '澄澈光学,12', '"Dunmore, ""Finch""",', `"'=HYPERLINK(""x"")",3`, '']);
    // Excel needs the BOM's bytes at the start of the file.
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('durations', () => {
  it('reads bucket bounds as "at most" and exact turnarounds plainly', () => {
    expect(formatBound(4 * 3_600_000)).toBe('≤ 4 h');
    expect(formatBound(30 * 60_000)).toBe('≤ 30 min');
    expect(formatBound(3 * 86_400_000)).toBe('≤ 3 d');
    expect(formatBound(null)).toBe('> 30 d');
    expect(formatBound(null, false)).toBe('—');
    expect(formatDuration(3 * 3_600_000 + 20 * 60_000)).toBe('3 h 20 min');
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(2 * 86_400_000 + 4 * 3_600_000)).toBe('2 d 4 h');
  });
});
