import { civilDateText, clockText, daysFromCivil, isValidDay } from './civil-time.js';

/**
 * A point in time in microseconds since the Unix epoch (the CapyDB backend is Go, so its
 * timestamps carry microseconds; a `Date` cannot). Safe as a JS number until the year 2255.
 */
export type Instant = number;

/** Microseconds in one millisecond. */
export const MICROS_PER_MILLI = 1_000;
/** Microseconds in one second. */
export const MICROS_PER_SECOND = 1_000_000;

/**
 * The instant of a `Date` (millisecond precision).
 * @example
 * instantOf(new Date('2026-06-18T09:15:00Z')); // 1781774100000000
 */
export function instantOf(date: Date): Instant {
  return date.getTime() * MICROS_PER_MILLI;
}

/**
 * An RFC 3339 UTC timestamp with microseconds, as a Go backend prints it.
 * @example
 * toTimestamp(1781774100481923); // '2026-06-18T09:15:00.481923Z'
 */
export function toTimestamp(instant: Instant): string {
  const micros = Math.floor(instant);
  const days = Math.floor(micros / MICROS_PER_DAY);
  if (!Number.isSafeInteger(micros) || !(days >= MIN_DAY && days <= MAX_DAY)) throw new RangeError(`instant ${instant} cannot be printed as a timestamp`);
  const text = `${civilDateText(days)}T${clockText(micros - days * MICROS_PER_DAY)}Z`;
  lastText = text;
  lastInstant = micros;
  return text;
}

// A transition parses the `updated_at` the previous one just printed: remember the last one.
let lastText = '1970-01-01T00:00:00.000000Z';
let lastInstant = 0;

const MICROS_PER_DAY = 86_400_000_000;
const MIN_DAY = daysFromCivil(0, 1, 1);
const MAX_DAY = daysFromCivil(9999, 12, 31);

const RFC3339_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;

/**
 * The instant of an RFC 3339 UTC timestamp (`Z` suffix, up to 9 fractional digits; digits
 * beyond microseconds are dropped), or undefined when the text is not one (2026-02-30 is not).
 * @example
 * parseTimestamp('2026-06-18T09:15:00.481923Z'); // 1781774100481923
 * parseTimestamp('yesterday'); // undefined
 */
export function parseTimestamp(text: string): Instant | undefined {
  if (text === lastText) return lastInstant;
  const fast = parseOwnFormat(text);
  if (fast !== undefined) return fast;
  const match = RFC3339_UTC.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const micros = Number((match[7] ?? '').padEnd(6, '0').slice(0, 6));
  return toInstant(year, month, day, hour, minute, second, micros);
}

function toInstant(year: number, month: number, day: number, hour: number, minute: number, second: number, micros: number): Instant | undefined {
  if (!isValidDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  return daysFromCivil(year, month, day) * MICROS_PER_DAY + ((hour * 60 + minute) * 60 + second) * MICROS_PER_SECOND + micros;
}

const digit = (text: string, i: number): number => text.charCodeAt(i) - 48;
const digits = (text: string, from: number, count: number): number => {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = digit(text, i);
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
};

/** Fast path for the kit's own `YYYY-MM-DDTHH:MM:SS.ffffffZ` (hot in transitions). */
function parseOwnFormat(text: string): Instant | undefined {
  if (text.length !== 27 || text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':' || text[19] !== '.' || text[26] !== 'Z') {
    return undefined;
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const micros = digits(text, 20, 6);
  if (Number.isNaN(year + month + day + hour + minute + second + micros)) return undefined;
  return toInstant(year, month, day, hour, minute, second, micros);
}
