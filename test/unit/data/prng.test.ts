import { describe, expect, it } from 'vitest';
import { Rng, hashWords, mix32, seedKey } from '../../../src/data/index.js';
import { pickWeighted, weightedTable } from '../../../src/data/prng.js';

describe('seeded randomness', () => {
  it('repeats a sequence for a seed and differs across seeds', () => {
    const draw = (seed: number) => Array.from({ length: 8 }, ((r) => () => r.next())(new Rng(seed)));
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    for (const x of draw(3)) expect(x >= 0 && x < 1).toBe(true);
  });

  it('spreads draws evenly over ranges', () => {
    const rng = new Rng(99);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[rng.int(0, 3)]! += 1;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it('picks by weight', () => {
    const rng = new Rng(5);
    const table = weightedTable([['often', 9], ['rarely', 1], ['never', 0]] as const);
    const picks = Array.from({ length: 10_000 }, () => pickWeighted(rng, table));
    const often = picks.filter((p) => p === 'often').length;
    expect(often).toBeGreaterThan(8700);
    expect(often).toBeLessThan(9300);
    expect(picks).not.toContain('never');
  });

  it('refuses a table with nothing to pick, an empty pick and a non-integer seed', () => {
    expect(() => weightedTable([['x', 0]])).toThrow(RangeError);
    expect(() => new Rng(1).pick([])).toThrow(RangeError);
    expect(() => seedKey(0.5)).toThrow(TypeError);
  });

  it('hashes words into well-mixed 32-bit values', () => {
    expect(hashWords(42, 0, 1)).not.toBe(hashWords(42, 1, 0));
    expect(seedKey(2 ** 40)).not.toBe(seedKey(0));
    expect(seedKey(-1)).not.toBe(seedKey(1));
    const outputs = new Set(Array.from({ length: 10_000 }, (_, i) => mix32(i)));
    expect(outputs.size).toBe(10_000);
  });
});
