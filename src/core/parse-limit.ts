import { LIST_LIMIT } from '../api/types.js';

/** `limit` as the list operation reads it: absent means the default; anything else must be 1..100. */
export type LimitResult = { readonly ok: true; readonly value: number } | { readonly ok: false };

/**
 * Parse the raw `limit` query values (every occurrence, in order).
 * @example parseLimit([]) // { ok: true, value: 25 }
 * @example parseLimit(['0']) // { ok: false }
 */
export function parseLimit(values: readonly string[]): LimitResult {
  if (values.length === 0) return { ok: true, value: LIST_LIMIT.default };
  if (values.length > 1) return { ok: false };
  const raw = values[0] ?? '';
  if (!/^[0-9]{1,3}$/.test(raw)) return { ok: false };
  const value = Number(raw);
  return value >= LIST_LIMIT.min && value <= LIST_LIMIT.max ? { ok: true, value } : { ok: false };
}
