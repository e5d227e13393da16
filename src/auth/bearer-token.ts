import type { AuthFailureReason } from './auth-failures.js';

/**
 * Longest `Authorization` value read. Real keys are 42 characters and Clerk session tokens stay
 * under 4 KiB; anything longer is refused before any parsing.
 */
export const MAX_AUTHORIZATION_LENGTH = 8192;

// RFC 6750 b64token. It has no comma and no space, so a repeated header (joined as "a, b" by
// fetch, MSW and Node) and any extra parameter are malformed.
const BEARER = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i;

/** The token of a `Bearer` header, or why there is none. */
export type BearerTokenResult =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly error: Extract<AuthFailureReason, 'missing' | 'malformed'> };

/**
 * Reads the token of an `Authorization: Bearer <token>` value (scheme case-insensitive, exactly
 * one space, nothing else).
 *
 * @example
 * readBearerToken('Bearer capy_live_abc'); // { ok: true, value: 'capy_live_abc' }
 * readBearerToken('Basic dXNlcjpwdw=='); // { ok: false, error: 'malformed' }
 */
export function readBearerToken(authorization: string | undefined): BearerTokenResult {
  if (authorization === undefined || authorization === '') return { ok: false, error: 'missing' };
  if (authorization.length > MAX_AUTHORIZATION_LENGTH) return { ok: false, error: 'malformed' };
  const token = BEARER.exec(authorization)?.[1];
  return token === undefined ? { ok: false, error: 'malformed' } : { ok: true, value: token };
}
