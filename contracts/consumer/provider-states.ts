import type { JobState } from '../../src/api/types.js';

/**
 * The provider-state sentences of the jobs contract, shared with the mock, the reference
 * provider and every backend that runs `capydb-jobs verify`. Each state answers the values
 * named beside it, which the pact injects into paths and headers (`${projectId}`, `${jobId}`,
 * `${token}`).
 */
export const PROVIDER_STATES = {
  /** → `{ projectId, token }`; the project has more jobs than the explicit limit the pact asks for. */
  projectWithJobs: 'a project with jobs exists',
  /** → `{ projectId, token }`. */
  projectWithoutJobs: 'a project with no jobs exists',
  /** → `{ projectId, token }`; the id names no project of the credential's organization. */
  noSuchProject: 'no project with this id exists',
  /** → `{ jobId, token }`; the id names no job of the credential's organization. */
  noSuchJob: 'no job with this id exists',
  /** → `{ projectId, jobId, token }`; the token is valid but lacks `jobs:read`. */
  credentialWithoutJobsRead: 'a credential without jobs:read exists',
  /** → `{ projectId, token }`; the token is scoped to a sibling project of `projectId`. */
  credentialForAnotherProject: 'a project-scoped credential for another project exists',
} as const;

/**
 * The state sentence of a job in a given lifecycle state (params `{ state }`; answers
 * `{ jobId, projectId, token }`).
 * @example
 * jobInStateExists('failed'); // 'a job in state failed exists'
 */
export function jobInStateExists(state: JobState): `a job in state ${JobState} exists` {
  return `a job in state ${state} exists`;
}
