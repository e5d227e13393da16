import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantOf, parseTimestamp, toTimestamp } from '../../../src/domain/index.js';

describe('timestamps with microseconds', () => {
  it('prints RFC 3339 UTC with six fraction digits, like a Go backend', () => {
    expect(toTimestamp(Date.UTC(2026, 5, 18, 9, 12, 33) * 1000 + 481_923)).toBe('2026-06-18T09:12:33.481923Z');
    expect(toTimestamp(instantOf(new Date('2024-02-29T23:59:59.999Z')))).toBe('2024-02-29T23:59:59.999000Z');
  });

  it('agrees with Date#toISOString to the millisecond and round-trips every microsecond', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8_000_000_000_000, max: 9_000_000_000_000 }).map((ms) => ms * 1000), fc.integer({ min: 0, max: 999 }), (base, micros) => {
        const instant = base + micros;
        const text = toTimestamp(instant);
        expect(text.slice(0, 23)).toBe(new Date(base / 1000).toISOString().slice(0, 23));
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
        expect(parseTimestamp(text)).toBe(instant);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['2026-06-18T09:15:00Z', Date.UTC(2026, 5, 18, 9, 15) * 1000],
    ['2026-06-18T09:15:00.5Z', Date.UTC(2026, 5, 18, 9, 15) * 1000 + 500_000],
    ['2026-06-18T09:15:00.123456789Z', Date.UTC(2026, 5, 18, 9, 15) * 1000 + 123_456],
  ])('parses %s', (text, expected) => {
    expect(parseTimestamp(text)).toBe(expected);
  });

  it.each(['2026-02-29T00:00:00.000000Z', '2026-06-31T00:00:00Z', '2026-06-18T24:00:00Z', '2026-06-18T09:15:00+02:00', '2026-06-18 09:15:00Z', 'yesterday', ''])(
    'rejects %j',
    (text) => {
      expect(parseTimestamp(text)).toBeUndefined();
    },
  );

  it.each([Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])('refuses to print %s', (instant) => {
    expect(() => toTimestamp(instant)).toThrow(RangeError);
  });
});
