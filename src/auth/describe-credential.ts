import type { Principal } from './types.js';

/**
 * A short, non-secret label of a principal for the request journal: kind, credential and, for
 * a project-scoped key, its project.
 *
 * @example
 * describeCredential(principal); // 'project-key key_acme_storefront_jobs_read (prj_k3v9q2m7x4t8w1z6b5n0)'
 */
export function describeCredential(principal: Principal): string {
  const label = `${principal.kind} ${principal.credentialId}`;
  return principal.projectId === undefined ? label : `${label} (${principal.projectId})`;
}
