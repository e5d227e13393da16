import type { AuthFailureReason } from './auth-failures.js';

/** What kind of credential authenticated a request. */
export type CredentialKind = 'org-key' | 'project-key' | 'clerk-session';

/** Who is calling and what it may read. */
export interface Principal {
  readonly kind: CredentialKind;
  /** A stable, non-secret label of the credential (for the request journal), e.g. `key_acme_org`. */
  readonly credentialId: string;
  readonly organizationId: string;
  /** Set for a project-scoped key: it may read only this project's jobs. */
  readonly projectId?: string;
  readonly scopes: readonly string[];
  /** The Clerk user (`sub`) of a session; absent for API keys. */
  readonly userId?: string;
}

/**
 * Outcome of authenticating an `Authorization` header, following rules 1 and 2 of the
 * contract's precedence table: 401 for any bad credential, then 403 without `jobs:read`.
 */
export type AuthResult =
  | { readonly ok: true; readonly principal: Principal }
  | {
      readonly ok: false;
      readonly status: 401 | 403;
      readonly error: string;
      /** Why, for the request journal; every 401 body still says only `unauthorized`. */
      readonly reason?: AuthFailureReason;
    };
