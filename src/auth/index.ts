export type { AuthResult, CredentialKind, Principal } from './types.js';
export {
  MISSING_SCOPE_MESSAGE,
  UNAUTHORIZED_MESSAGE,
  refuse,
  type AuthFailure,
  type AuthFailureReason,
} from './auth-failures.js';
export { MAX_AUTHORIZATION_LENGTH, readBearerToken, type BearerTokenResult } from './bearer-token.js';
export { JOBS_READ_SCOPE, SESSION_SCOPES, WILDCARD_SCOPE, hasScope } from './scopes.js';
export {
  API_KEY_PREFIX,
  InvalidApiKeyRecordError,
  createApiKeyRegistry,
  toKeyPrincipal,
  type ApiKeyRecord,
  type ApiKeyRegistry,
} from './api-key-registry.js';
export {
  createClerkSessionVerifier,
  type ClerkSessionVerifier,
  type ClerkSessionVerifierOptions,
  type SessionFailureReason,
  type SessionVerification,
  type VerifiedSession,
} from './clerk-session.js';
export { createAuthenticator, type Authenticator, type AuthenticatorOptions } from './authenticator.js';
export { describeCredential } from './describe-credential.js';
export { DEV_JWKS } from './dev-jwks.js';
export {
  DEV_AUTHORIZED_PARTY,
  DEV_CLERK_ISSUER,
  DEV_SESSION_SPECS,
  EXPIRING_SESSION_EXPIRES_AT,
  type ClerkOrganizationClaim,
  type DevSessionClaims,
  type DevSessionName,
  type DevSessionSpec,
} from './dev-session-claims.js';
export { DEV_SESSION_TOKENS } from './dev-session-tokens.js';
export {
  BAD_SIGNATURE_SESSION_TOKEN,
  DEV_API_KEYS,
  DEV_CREDENTIALS,
  EXPIRING_SESSION_TOKEN,
  FOREIGN_API_KEY,
  FOREIGN_SESSION_TOKEN,
  NO_JOBS_SCOPE_API_KEY,
  NO_ORGANIZATION_SESSION_TOKEN,
  PROJECT_API_KEY,
  README_API_KEY,
  REVOKED_API_KEY,
  SESSION_TOKEN,
  WILDCARD_API_KEY,
  WRONG_ISSUER_SESSION_TOKEN,
  type DevCredential,
} from './dev-credentials.js';
