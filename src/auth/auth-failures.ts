/** The body message of every 401 (precedence rule 1). */
export const UNAUTHORIZED_MESSAGE = 'unauthorized';

/** The body message of a 403 for a credential without `jobs:read` (precedence rule 2). */
export const MISSING_SCOPE_MESSAGE = 'forbidden: missing scope jobs:read';

/**
 * Why a credential was refused. Not part of the HTTP contract (every 401 says `unauthorized`);
 * the request journal and the control panel show it.
 */
export type AuthFailureReason =
  | 'missing'
  | 'malformed'
  | 'unknown-key'
  | 'revoked-key'
  | 'invalid-session'
  | 'bad-signature'
  | 'wrong-issuer'
  | 'expired-session'
  | 'not-yet-valid-session'
  | 'missing-scope';

/** A refused credential: 401 for every reason but `missing-scope`, which is a 403. */
export interface AuthFailure {
  readonly ok: false;
  readonly status: 401 | 403;
  readonly error: string;
  readonly reason: AuthFailureReason;
}

/**
 * The 401 (or, for `missing-scope`, 403) result for a reason.
 *
 * @example
 * refuse('revoked-key'); // { ok: false, status: 401, error: 'unauthorized', reason: 'revoked-key' }
 */
export function refuse(reason: AuthFailureReason): AuthFailure {
  return reason === 'missing-scope'
    ? { ok: false, status: 403, error: MISSING_SCOPE_MESSAGE, reason }
    : { ok: false, status: 401, error: UNAUTHORIZED_MESSAGE, reason };
}
