/**
 * Small, fast, seedable randomness. Every job gets its own generator seeded from a hash of
 * (seed, project, index), so no job depends on the order in which others were generated.
 */

/**
 * A 32-bit integer finalizer with good avalanche (a bijection on 0..2^32-1).
 * @example
 * mix32(1) !== mix32(2); // true
 */
export function mix32(input: number): number {
  let x = input >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * A 32-bit hash of a few 32-bit words.
 * @example
 * hashWords(42, 0, 7); // the same number on every run
 */
export function hashWords(...words: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const word of words) h = mix32((h ^ mix32(word + 0x632be5ab)) + 0x6a09e667);
  return h;
}

/**
 * A 32-bit key for any safe-integer seed (negative and > 2^32 seeds included).
 * @example
 * seedKey(42) !== seedKey(43); // true
 */
export function seedKey(seed: number): number {
  if (!Number.isSafeInteger(seed)) throw new TypeError(`seed must be a safe integer, got ${seed}`);
  const low = seed >>> 0;
  const high = Math.floor(seed / 0x1_0000_0000) >>> 0;
  return hashWords(low, high, 0x5eed);
}

/** A seeded pseudo-random generator (mulberry32): fast, 32-bit state, good enough for fake data. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty array');
    return item;
  }
}

/** A weighted table prepared for fast picking. */
export interface WeightedTable<T> {
  readonly items: readonly T[];
  readonly cumulative: readonly number[];
  readonly total: number;
}

/**
 * Prepare a weighted table (entries with weight <= 0 are dropped).
 * @example
 * const t = weightedTable([['a', 3], ['b', 1]]);
 * pickWeighted(new Rng(1), t); // 'a' three times as often as 'b'
 */
export function weightedTable<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  const items: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [item, weight] of entries) {
    if (!(weight > 0)) continue;
    total += weight;
    items.push(item);
    cumulative.push(total);
  }
  if (items.length === 0) throw new RangeError('a weighted table needs at least one positive weight');
  return { items, cumulative, total };
}

/** One item of a weighted table. */
export function pickWeighted<T>(rng: Rng, table: WeightedTable<T>): T {
  const target = rng.next() * table.total;
  const { cumulative, items } = table;
  for (let i = 0; i < cumulative.length; i++) {
    if (target < (cumulative[i] ?? 0)) return items[i] as T;
  }
  return items[items.length - 1] as T;
}
