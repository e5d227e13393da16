import {
  FOREIGN_ORGANIZATION_ID,
  MAIN_ORGANIZATION_ID,
} from '../data/topology.js';

/** The issuer of the development Clerk instance (a Clerk production instance's Frontend API). */
export const DEV_CLERK_ISSUER = 'https://clerk.capydb.dev';

/** The `azp` (authorized party) of the development sessions: the dashboard origin. */
export const DEV_AUTHORIZED_PARTY = 'https://capydb.dev';

/** The Clerk v2 `o` claim: the session's active organization. */
export interface ClerkOrganizationClaim {
  readonly id: string;
  /** Role without the `org:` prefix (v2 tokens), e.g. `admin`. */
  readonly rol: string;
  readonly slg: string;
}

/** The claims of a Clerk v2 session token, as the development sessions carry them. */
export interface DevSessionClaims {
  readonly iss: string;
  readonly sub: string;
  readonly sid: string;
  readonly azp: string;
  /** Seconds since the epoch, like every JWT time claim. */
  readonly iat: number;
  readonly nbf: number;
  readonly exp: number;
  readonly v: 2;
  readonly o?: ClerkOrganizationClaim;
}

/** How one development session token is made. */
export interface DevSessionSpec {
  readonly claims: DevSessionClaims;
  /** `impostor` signs with a key that is not in the development JWKS (a bad signature). */
  readonly signedBy: 'dev' | 'impostor';
}

const toSeconds = (iso: string): number => Date.parse(iso) / 1000;

// Issued long before any plausible clock so that a server on the real clock accepts them too;
// Clerk back-dates `nbf` by 10 s to absorb clock skew.
const ISSUED_AT = toSeconds('2024-01-01T00:00:00Z');
const BASE = {
  iss: DEV_CLERK_ISSUER,
  azp: DEV_AUTHORIZED_PARTY,
  iat: ISSUED_AT,
  nbf: ISSUED_AT - 10,
  exp: toSeconds('2099-12-31T23:59:59Z'),
  v: 2,
} as const;

const ACME = { id: MAIN_ORGANIZATION_ID, rol: 'admin', slg: 'acme-analytics' } as const;

/** The instant the expiring development session expires (valid at the pinned test "now"). */
export const EXPIRING_SESSION_EXPIRES_AT = new Date('2026-07-01T00:00:00Z');

/**
 * The claims of every development session token; `scripts/make-dev-tokens.ts` signs them into
 * `dev-session-tokens.ts`.
 *
 * @example
 * DEV_SESSION_SPECS.valid.claims.o?.id; // 'org_2xk9m4q7w1t8z5b3n6v0'
 */
export const DEV_SESSION_SPECS = {
  valid: {
    signedBy: 'dev',
    claims: { ...BASE, sub: 'user_2UAVLXgi2a3Rv14cVbrxU2KZV6P', sid: 'sess_2DgdlpGsg2b8ntfFwddDVs4X5Lo', o: ACME },
  },
  expiring: {
    signedBy: 'dev',
    claims: {
      ...BASE,
      sub: 'user_2HxJ0mDOvhcG7pKIQFyOs1lj6bZ',
      sid: 'sess_2s0VTUSVMPRn0t282AeSCExvqME',
      exp: EXPIRING_SESSION_EXPIRES_AT.getTime() / 1000,
      o: { ...ACME, rol: 'member' },
    },
  },
  badSignature: {
    signedBy: 'impostor',
    claims: { ...BASE, sub: 'user_2UAVLXgi2a3Rv14cVbrxU2KZV6P', sid: 'sess_28rm1bBMtfsDewTxiIBcKTNd1zM', o: ACME },
  },
  noOrganization: {
    signedBy: 'dev',
    claims: { ...BASE, sub: 'user_2UlpA7zddMymfUFAWrfZW46hBoq', sid: 'sess_2yYtjWGffkugHS0QJV24G3Y6fBL' },
  },
  foreign: {
    signedBy: 'dev',
    claims: {
      ...BASE,
      sub: 'user_2bK3Syrch6JeVA1EJK6qjQdzVe1',
      sid: 'sess_2NpBIWoS8oT41s2xnZUEWAdDoZd',
      o: { id: FOREIGN_ORGANIZATION_ID, rol: 'admin', slg: 'globex' },
    },
  },
  wrongIssuer: {
    signedBy: 'dev',
    claims: {
      ...BASE,
      iss: 'https://clerk.example.com',
      sub: 'user_2knEop970W26C5B8lRdFcdClK4H',
      sid: 'sess_2OeqBuliFF7GD705miAuuZbG9NK',
      o: ACME,
    },
  },
} as const satisfies Record<string, DevSessionSpec>;

/** The name of a development session. */
export type DevSessionName = keyof typeof DEV_SESSION_SPECS;
