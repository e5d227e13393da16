import { describe, expect, it } from 'vitest';
import { createBoundedCache } from '../../../src/auth/bounded-cache.js';

describe('createBoundedCache', () => {
  it('forgets the least recently used entry beyond its size', () => {
    const cache = createBoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([1, undefined, 3, 2]);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a size of %s', (size) => {
    expect(() => createBoundedCache(size)).toThrow(RangeError);
  });
});
