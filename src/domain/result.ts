/**
 * An expected outcome: a value, or an error the caller is meant to handle.
 * @example
 * const r: Result<number, string> = ok(1);
 * if (r.ok) console.log(r.value);
 */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/**
 * A successful result.
 * @example
 * ok(42); // { ok: true, value: 42 }
 */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/**
 * A failed result.
 * @example
 * err({ code: 'illegal-transition', message: 'completed is terminal' });
 */
export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
