import { describe, expect, it } from 'vitest';
import { nulCharacterPath } from './errors';

describe('nulCharacterPath', () => {
  it('names the first field holding a NUL character, in nested objects, arrays and keys', () => {
    expect(nulCharacterPath({ a: 'fine', b: { c: ['x', 'y\u0000'] } })).toBe('b.c.1');
    expect(nulCharacterPath('\u0000')).toBe('input');
    expect(nulCharacterPath({ 'ke\u0000y': 1 })).toBe('key');
    expect(nulCharacterPath({ a: 'clean', n: 1, z: null, u: undefined })).toBeNull();
  });

  it('stays cheap on hostile shapes: shared sub-objects are visited once, and the walk is bounded', () => {
    let shared: unknown = 'bottom';
    for (let i = 0; i < 60; i++) shared = { a: shared, b: [shared] };
    expect(nulCharacterPath(shared)).toBeNull();
    const wide = Array.from({ length: 5000 }, () => 'x');
    expect(nulCharacterPath(['\u0000', ...wide], 1000)).toBeNull();
    expect(nulCharacterPath(['\u0000', ...wide])).toBe('0');
  });
});
