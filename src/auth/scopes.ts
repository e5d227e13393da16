import type { Principal } from './types.js';

/** The scope the Jobs API requires. */
export const JOBS_READ_SCOPE = 'jobs:read';

/** The scope that grants every other scope (CLI fixtures use it). */
export const WILDCARD_SCOPE = '*';

/** What a member's Clerk session may do in its active organization. */
export const SESSION_SCOPES: readonly string[] = [JOBS_READ_SCOPE, 'projects:read'];

/**
 * Whether the principal holds `scope`, directly or through `*`.
 *
 * @example
 * hasScope({ ...principal, scopes: ['*'] }, 'jobs:read'); // true
 */
export function hasScope(principal: Pick<Principal, 'scopes'>, scope: string): boolean {
  return principal.scopes.includes(scope) || principal.scopes.includes(WILDCARD_SCOPE);
}
