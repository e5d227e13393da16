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
  const millis = Math.floor(micros / MICROS_PER_MILLI);
  const rest = micros - millis * MICROS_PER_MILLI;
  const iso = new Date(millis).toISOString();
  return `${iso.slice(0, 23)}${rest < 10 ? '00' : rest < 100 ? '0' : ''}${rest}Z`;
}

const RFC3339_UTC = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/;

/**
 * The instant of an RFC 3339 UTC timestamp (`Z` suffix, up to 9 fractional digits; digits
 * beyond microseconds are dropped), or undefined when the text is not one.
 * @example
 * parseTimestamp('2026-06-18T09:15:00.481923Z'); // 1781774100481923
 * parseTimestamp('yesterday'); // undefined
 */
export function parseTimestamp(text: string): Instant | undefined {
  const match = RFC3339_UTC.exec(text);
  if (!match) return undefined;
  const seconds = Date.parse(`${match[1] ?? ''}Z`);
  if (Number.isNaN(seconds)) return undefined;
  const fraction = (match[2] ?? '').padEnd(6, '0').slice(0, 6);
  return seconds * MICROS_PER_MILLI + Number(fraction);
}
