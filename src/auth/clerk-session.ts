import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import type { AuthFailureReason } from './auth-failures.js';
import { createBoundedCache } from './bounded-cache.js';

/** What a verified Clerk session token says. */
export interface VerifiedSession {
  readonly sessionId: string;
  readonly userId: string;
  /** From the v2 `o` claim; absent when the session has no active organization. */
  readonly organizationId?: string;
  /** Seconds since the epoch. */
  readonly expiresAt: number;
  readonly notBefore?: number;
}

/** Why a session token was refused (every one is a 401). */
export type SessionFailureReason = Extract<
  AuthFailureReason,
  'invalid-session' | 'bad-signature' | 'wrong-issuer' | 'expired-session' | 'not-yet-valid-session'
>;

/** The outcome of verifying a session token. */
export type SessionVerification =
  | { readonly ok: true; readonly value: VerifiedSession }
  | { readonly ok: false; readonly error: SessionFailureReason };

/** Options of `createClerkSessionVerifier`. */
export interface ClerkSessionVerifierOptions {
  readonly jwks: JSONWebKeySet;
  readonly issuer: string;
  readonly clock: () => Date;
  /** Verified tokens remembered (their time window is still checked on every use). */
  readonly cacheSize?: number;
}

/** Verifies Clerk session JWTs against a JWKS, caching the signature check per token. */
export interface ClerkSessionVerifier {
  verify(token: string): Promise<SessionVerification>;
}

const toSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);

function toReason(error: unknown): SessionFailureReason {
  if (error instanceof errors.JWTExpired) return 'expired-session';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'not-yet-valid-session';
    if (error.claim === 'iss') return 'wrong-issuer';
    return 'invalid-session';
  }
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return 'bad-signature';
  }
  return 'invalid-session';
}

function readOrganizationId(payload: JWTPayload): string | undefined | null {
  const claim = payload['o'];
  if (claim === undefined) return undefined;
  if (typeof claim !== 'object' || claim === null) return null;
  const id = (claim as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : null;
}

/** The session of a signed, well-formed payload, or `undefined` if a claim is unusable. */
function toSession(payload: JWTPayload): VerifiedSession | undefined {
  const { sub, sid, exp, nbf } = payload as JWTPayload & { sid?: unknown };
  const organizationId = readOrganizationId(payload);
  if (typeof sub !== 'string' || typeof sid !== 'string' || exp === undefined) return undefined;
  if (organizationId === null) return undefined;
  return {
    sessionId: sid,
    userId: sub,
    expiresAt: exp,
    ...(organizationId === undefined ? {} : { organizationId }),
    ...(nbf === undefined ? {} : { notBefore: nbf }),
  };
}

// Same comparisons as jose's claim checks (no clock tolerance), so a cached token and a fresh
// one expire at the same second.
function checkTimeWindow(session: VerifiedSession, now: Date): SessionVerification {
  const seconds = toSeconds(now);
  if (session.expiresAt <= seconds) return { ok: false, error: 'expired-session' };
  if (session.notBefore !== undefined && session.notBefore > seconds) {
    return { ok: false, error: 'not-yet-valid-session' };
  }
  return { ok: true, value: session };
}

/**
 * Creates a verifier of Clerk session tokens (RS256 only, issuer checked, `exp` required).
 * Only successes are cached, and a cached session is re-checked against the clock on each use,
 * so moving the clock past `exp` expires it.
 *
 * @example
 * const verifier = createClerkSessionVerifier({ jwks: DEV_JWKS, issuer: DEV_CLERK_ISSUER, clock: () => new Date() });
 * await verifier.verify(DEV_SESSION_TOKENS.valid); // { ok: true, value: { sessionId: 'sess_2...', ... } }
 */
export function createClerkSessionVerifier(options: ClerkSessionVerifierOptions): ClerkSessionVerifier {
  const keySet = createLocalJWKSet(options.jwks);
  const cache = createBoundedCache<string, VerifiedSession>(options.cacheSize ?? 256);
  return {
    async verify(token) {
      const now = options.clock();
      const cached = cache.get(token);
      if (cached !== undefined) return checkTimeWindow(cached, now);
      try {
        const { payload } = await jwtVerify(token, keySet, {
          algorithms: ['RS256'],
          issuer: options.issuer,
          requiredClaims: ['exp', 'sub', 'sid'],
          currentDate: now,
        });
        const session = toSession(payload);
        if (session === undefined) return { ok: false, error: 'invalid-session' };
        cache.set(token, session);
        return { ok: true, value: session };
      } catch (error) {
        return { ok: false, error: toReason(error) };
      }
    },
  };
}
