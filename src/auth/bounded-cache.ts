/** A map that forgets its least recently used entry beyond `maxEntries`. */
export interface BoundedCache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  readonly size: number;
}

/**
 * Creates a small least-recently-used cache (a `Map` keeps insertion order; a hit re-inserts).
 *
 * @example
 * const cache = createBoundedCache<string, number>(2);
 * cache.set('a', 1);
 * cache.get('a'); // 1
 */
export function createBoundedCache<K, V>(maxEntries: number): BoundedCache<K, V> {
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
  }
  const entries = new Map<K, V>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as K);
    },
    get size() {
      return entries.size;
    },
  };
}
