import { describe, expect, it } from 'vitest';
import { formatGoDuration } from '../../../src/client/index.js';

describe('formatGoDuration', () => {
  it.each([
    [0, '0s'],
    [250, '250ms'],
    [1500, '1.5s'],
    [2000, '2s'],
    [90_000, '1m30s'],
    [30 * 60_000, '30m0s'],
    [3_600_000, '1h0m0s'],
    [3_723_450, '1h2m3.45s'],
    [-2000, '-2s'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatGoDuration(ms)).toBe(text);
  });
});
