import {
  FOREIGN_ORGANIZATION_ID,
  MAIN_ORGANIZATION_ID,
  MAIN_PROJECT_ID,
} from '../data/topology.js';
import type { ApiKeyRecord } from './api-key-registry.js';
import { DEV_SESSION_SPECS, type DevSessionName } from './dev-session-claims.js';
import { DEV_SESSION_TOKENS } from './dev-session-tokens.js';
import { SESSION_SCOPES } from './scopes.js';
import type { CredentialKind } from './types.js';

/** A development credential, with what it is for (README, control panel, tests). */
export interface DevCredential {
  readonly credentialId: string;
  readonly kind: CredentialKind;
  readonly token: string;
  readonly description: string;
  /** Absent only for the session without an active organization. */
  readonly organizationId?: string;
  readonly projectId?: string;
  readonly scopes: readonly string[];
  /** What authenticating it answers at the pinned test "now" (2026-06-18T09:15:00Z). */
  readonly expectedStatus: 200 | 401 | 403;
}

/** The README's key: organization-wide, `jobs:read`, main organization (Acme Analytics). */
export const README_API_KEY = 'capy_live_k3VjnN6ueOh3jkhDVfGphJMrC9Gu9dKy';
/** Organization-wide key of the main organization with scope `*`. */
export const WILDCARD_API_KEY = 'capy_live_MtU62qlfMGXUO2vYfiHnVDZgD3xDDjld';
/** Key scoped to the main project (`storefront`), `jobs:read`. */
export const PROJECT_API_KEY = 'capy_live_7nUGjFYHOL7prkV36HI9ZQvmk96LDmRk';
/** A revoked key of the main organization: 401. */
export const REVOKED_API_KEY = 'capy_live_zaDujl0yrJT305NdBxiliItKbLwzROLh';
/** A key of the main organization with only `projects:read`: 403. */
export const NO_JOBS_SCOPE_API_KEY = 'capy_live_SatwoSEng0WTM0r1X0pOmnqOCRrH9B6I';
/** Organization-wide key of the foreign organization (Globex). */
export const FOREIGN_API_KEY = 'capy_live_9aThQ2qrcf56yyUBq7iZ6RyCrKkVU4fs';

/** Clerk session of an admin of the main organization, valid until 2099. */
export const SESSION_TOKEN = DEV_SESSION_TOKENS.valid;
/** Clerk session of a member of the main organization, expiring at 2026-07-01T00:00:00Z. */
export const EXPIRING_SESSION_TOKEN = DEV_SESSION_TOKENS.expiring;
/** Clerk session signed by a key that is not in the JWKS: 401. */
export const BAD_SIGNATURE_SESSION_TOKEN = DEV_SESSION_TOKENS.badSignature;
/** Clerk session without an `o` claim (no active organization): 403. */
export const NO_ORGANIZATION_SESSION_TOKEN = DEV_SESSION_TOKENS.noOrganization;
/** Clerk session of an admin of the foreign organization. */
export const FOREIGN_SESSION_TOKEN = DEV_SESSION_TOKENS.foreign;
/** Clerk session issued by another Clerk instance: 401. */
export const WRONG_ISSUER_SESSION_TOKEN = DEV_SESSION_TOKENS.wrongIssuer;

type DevApiKey = ApiKeyRecord & Pick<DevCredential, 'description' | 'expectedStatus'>;

const KEYS: readonly DevApiKey[] = [
  {
    credentialId: 'key_acme_jobs_read',
    kind: 'org-key',
    token: README_API_KEY,
    organizationId: MAIN_ORGANIZATION_ID,
    scopes: ['jobs:read'],
    expectedStatus: 200,
    description: 'The README key: organization-wide, jobs:read; reads every project of Acme Analytics.',
  },
  {
    credentialId: 'key_acme_all',
    kind: 'org-key',
    token: WILDCARD_API_KEY,
    organizationId: MAIN_ORGANIZATION_ID,
    scopes: ['*'],
    expectedStatus: 200,
    description: 'Organization-wide key of Acme Analytics with scope * (every scope).',
  },
  {
    credentialId: 'key_acme_storefront_jobs_read',
    kind: 'project-key',
    token: PROJECT_API_KEY,
    organizationId: MAIN_ORGANIZATION_ID,
    projectId: MAIN_PROJECT_ID,
    scopes: ['jobs:read'],
    expectedStatus: 200,
    description: "Key scoped to the storefront project: its jobs answer 200, a sibling project's 403.",
  },
  {
    credentialId: 'key_acme_revoked',
    kind: 'org-key',
    token: REVOKED_API_KEY,
    organizationId: MAIN_ORGANIZATION_ID,
    scopes: ['jobs:read'],
    revoked: true,
    expectedStatus: 401,
    description: 'Revoked key of Acme Analytics: 401 unauthorized.',
  },
  {
    credentialId: 'key_acme_projects_read',
    kind: 'org-key',
    token: NO_JOBS_SCOPE_API_KEY,
    organizationId: MAIN_ORGANIZATION_ID,
    scopes: ['projects:read'],
    expectedStatus: 403,
    description: 'Key of Acme Analytics with projects:read only: 403 forbidden: missing scope jobs:read.',
  },
  {
    credentialId: 'key_globex_jobs_read',
    kind: 'org-key',
    token: FOREIGN_API_KEY,
    organizationId: FOREIGN_ORGANIZATION_ID,
    scopes: ['jobs:read'],
    expectedStatus: 200,
    description: 'Organization-wide key of Globex (the foreign organization): Acme ids answer 404.',
  },
];

/**
 * The API keys the mock accepts by default (the revoked one included, so that it answers 401
 * as revoked rather than as unknown).
 *
 * @example
 * createAuthenticator({ credentials: DEV_API_KEYS, clock });
 */
export const DEV_API_KEYS: readonly ApiKeyRecord[] = KEYS;

const SESSION_NOTES: Readonly<Record<DevSessionName, Pick<DevCredential, 'description' | 'expectedStatus'>>> = {
  valid: { expectedStatus: 200, description: 'Clerk session (RS256) of an Acme Analytics admin, valid until 2099.' },
  expiring: { expectedStatus: 200, description: 'Clerk session of an Acme Analytics member: valid at the pinned now, 401 from 2026-07-01T00:00:00Z.' },
  badSignature: { expectedStatus: 401, description: 'Clerk session signed by a key outside the JWKS (same kid): 401 unauthorized.' },
  noOrganization: { expectedStatus: 403, description: 'Valid Clerk session without an o claim (no active organization): 403 forbidden: missing scope jobs:read.' },
  foreign: { expectedStatus: 200, description: 'Clerk session of a Globex admin (foreign organization): Acme ids answer 404.' },
  wrongIssuer: { expectedStatus: 401, description: 'Clerk session issued by https://clerk.example.com: 401 unauthorized.' },
};

function describeKey({ revoked: _revoked, ...credential }: DevApiKey): DevCredential {
  return credential;
}

function describeSession(name: DevSessionName): DevCredential {
  const { claims } = DEV_SESSION_SPECS[name];
  const organizationId = 'o' in claims ? claims.o.id : undefined;
  return {
    credentialId: claims.sid,
    kind: 'clerk-session',
    token: DEV_SESSION_TOKENS[name],
    ...(organizationId === undefined ? {} : { organizationId }),
    scopes: organizationId === undefined ? [] : SESSION_SCOPES,
    ...SESSION_NOTES[name],
  };
}

/**
 * Every development credential: six API keys, then six Clerk sessions. Tokens are public on
 * purpose; they only open this mock.
 *
 * @example
 * DEV_CREDENTIALS.find((c) => c.credentialId === 'key_acme_jobs_read')?.token; // README_API_KEY
 */
export const DEV_CREDENTIALS: readonly DevCredential[] = [
  ...KEYS.map(describeKey),
  ...(Object.keys(DEV_SESSION_SPECS) as DevSessionName[]).map(describeSession),
];
