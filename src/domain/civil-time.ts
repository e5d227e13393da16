/**
 * Calendar arithmetic on days since 1970-01-01 (proleptic Gregorian, UTC), without `Date`:
 * formatting and parsing timestamps is the hot path of data generation, and `toISOString` and
 * `Date.UTC` cost several times more than this integer arithmetic (H. Hinnant's algorithms).
 */

/** Days since the epoch of a calendar date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Whether `day` exists in `month` of `year`. */
export function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2) return day <= (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28);
  return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));
const two = (n: number): string => TWO_DIGITS[n] ?? String(n);

let cachedDay = NaN;
let cachedText = '';

/** `YYYY-MM-DD` of a day since the epoch (years 0..9999). */
export function civilDateText(days: number): string {
  if (days === cachedDay) return cachedText;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  cachedDay = days;
  cachedText = `${two(Math.floor(year / 100))}${two(year % 100)}-${two(month)}-${two(day)}`;
  return cachedText;
}

/** `HH:MM:SS.ffffff` of microseconds into a day. */
export function clockText(microsOfDay: number): string {
  const seconds = Math.floor(microsOfDay / 1_000_000);
  const micros = microsOfDay - seconds * 1_000_000;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds - h * 3600) / 60);
  const s = seconds - h * 3600 - m * 60;
  const hi = Math.floor(micros / 10_000);
  const mid = Math.floor((micros - hi * 10_000) / 100);
  return `${two(h)}:${two(m)}:${two(s)}.${two(hi)}${two(mid)}${two(micros % 100)}`;
}
