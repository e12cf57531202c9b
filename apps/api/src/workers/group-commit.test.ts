import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('groupCommit', () => {
  it('writes the first item at once and everything that arrived meanwhile in one later batch', async () => {
    const batches: number[][] = [];
    let release: () => void = () => {};
    const record = groupCommit(async (items: number[]) => {
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return items.map((item) => item * 10);
    });
    const first = record(1);
    await tick();
    const rest = [record(2), record(3), record(4)];
    await tick();
    expect(batches).toEqual([[1]]);
    release();
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('falls back to one write per item when a batch fails, so only the bad item is refused', async () => {
    const record = groupCommit(async (items: number[]) => {
      if (items.includes(13)) throw new Error(`cannot record ${items.join(',')}`);
      return items.map(String);
    });
    const results = await Promise.allSettled([12, 13, 14].map((item) => record(item)));
    expect(results.map((result) => (result.status === 'fulfilled' ? result.value : (result.reason as Error).message))).toEqual(['12', 'cannot record 13', '14']);
  });
});
