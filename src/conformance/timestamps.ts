/** An RFC 3339 instant split so that sub-millisecond digits still count. */
interface Instant {
  readonly ms: number;
  readonly nanosOfMs: number;
}

const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/i;

function parseInstant(text: string): Instant | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const fraction = (m[2] ?? '').padEnd(9, '0');
  const ms = Date.parse(`${m[1]}.${fraction.slice(0, 3)}${m[3]}`);
  return Number.isNaN(ms) ? undefined : { ms, nanosOfMs: Number(fraction.slice(3)) };
}

/**
 * Compare two RFC 3339 timestamps to the nanosecond (`Date.parse` alone stops at milliseconds,
 * and the Go backend prints microseconds). Undefined when either does not parse.
 * @example
 * compareTimestamps('2026-06-18T09:00:00.000001Z', '2026-06-18T09:00:00.000002Z'); // -1
 */
export function compareTimestamps(a: string, b: string): -1 | 0 | 1 | undefined {
  const x = parseInstant(a);
  const y = parseInstant(b);
  if (!x || !y) return undefined;
  if (x.ms !== y.ms) return x.ms < y.ms ? -1 : 1;
  if (x.nanosOfMs !== y.nanosOfMs) return x.nanosOfMs < y.nanosOfMs ? -1 : 1;
  return 0;
}
