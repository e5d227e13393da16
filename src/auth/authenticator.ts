import type { JSONWebKeySet } from 'jose';
import { createApiKeyRegistry, toKeyPrincipal, API_KEY_PREFIX, type ApiKeyRecord } from './api-key-registry.js';
import { refuse } from './auth-failures.js';
import { readBearerToken } from './bearer-token.js';
import { createClerkSessionVerifier, type VerifiedSession } from './clerk-session.js';
import { DEV_API_KEYS } from './dev-credentials.js';
import { DEV_JWKS } from './dev-jwks.js';
import { DEV_CLERK_ISSUER } from './dev-session-claims.js';
import { JOBS_READ_SCOPE, SESSION_SCOPES, hasScope } from './scopes.js';
import type { AuthResult, Principal } from './types.js';

/** Options of `createAuthenticator`. */
export interface AuthenticatorOptions {
  /** The API keys accepted; defaults to the development keys (`DEV_API_KEYS`). */
  readonly credentials?: readonly ApiKeyRecord[];
  /** Public keys of the Clerk instance; defaults to the development JWKS (`DEV_JWKS`). */
  readonly jwks?: JSONWebKeySet;
  /** Expected `iss` of session tokens; defaults to `DEV_CLERK_ISSUER`. */
  readonly issuer?: string;
  /** The mock's clock: session expiry is judged against it. */
  readonly clock: () => Date;
  /** How many verified session tokens to remember (default 256). */
  readonly sessionCacheSize?: number;
}

/** Turns an `Authorization` header into a principal, a 401 or a 403. */
export interface Authenticator {
  authenticate(authorization: string | undefined): Promise<AuthResult>;
}

function toSessionPrincipal(session: VerifiedSession, organizationId: string): Principal {
  return {
    kind: 'clerk-session',
    credentialId: session.sessionId,
    organizationId,
    scopes: SESSION_SCOPES,
    userId: session.userId,
  };
}

function authorize(principal: Principal): AuthResult {
  return hasScope(principal, JOBS_READ_SCOPE) ? { ok: true, principal } : refuse('missing-scope');
}

/**
 * Creates the authenticator of precedence rules 1 and 2: any bad credential is a 401
 * `unauthorized`; a good one without `jobs:read` (or `*`) is a 403
 * `forbidden: missing scope jobs:read`. A valid Clerk session without an active organization
 * holds no organization scope, so it is a 403 too.
 *
 * @example
 * const auth = createAuthenticator({ clock: () => new Date('2026-06-18T09:15:00Z') });
 * await auth.authenticate(`Bearer ${README_API_KEY}`); // { ok: true, principal: { kind: 'org-key', ... } }
 * await auth.authenticate(undefined); // { ok: false, status: 401, error: 'unauthorized', reason: 'missing' }
 */
export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  const keys = createApiKeyRegistry(options.credentials ?? DEV_API_KEYS);
  const sessions = createClerkSessionVerifier({
    jwks: options.jwks ?? DEV_JWKS,
    issuer: options.issuer ?? DEV_CLERK_ISSUER,
    clock: options.clock,
    ...(options.sessionCacheSize === undefined ? {} : { cacheSize: options.sessionCacheSize }),
  });
  return {
    async authenticate(authorization) {
      const bearer = readBearerToken(authorization);
      if (!bearer.ok) return refuse(bearer.error);
      const token = bearer.value;
      if (token.startsWith(API_KEY_PREFIX)) {
        const record = keys.find(token);
        if (record === undefined) return refuse('unknown-key');
        if (record.revoked === true) return refuse('revoked-key');
        return authorize(toKeyPrincipal(record));
      }
      const session = await sessions.verify(token);
      if (!session.ok) return refuse(session.error);
      const { organizationId } = session.value;
      if (organizationId === undefined) return refuse('missing-scope');
      return authorize(toSessionPrincipal(session.value, organizationId));
    },
  };
}
