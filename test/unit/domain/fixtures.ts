import type { Job } from '../../../src/api/types.js';

/** Valid jobs of every shape, written out by hand (independent of the transitions under test). */
const identity = {
  id: 'job_qmjdr4btxhh9za5fwpm4vs',
  type: 'project.backup',
  max_attempts: 3,
  organization_id: 'org_2xk9m4q7w1t8z5b3n6v0',
  project_id: 'prj_k3v9q2m7x4t8w1z6b5n0',
  cluster_id: 'cls_h4t8w2z6b1n5q9m3x7k0',
} as const;

export const CREATED = '2026-06-18T09:00:00.100000Z';
export const CLAIMED = '2026-06-18T09:00:01.200000Z';
export const STARTED = '2026-06-18T09:00:01.300000Z';
export const ENDED = '2026-06-18T09:04:30.400000Z';

export const PENDING: Job = { ...identity, state: 'pending', attempts: 0, created_at: CREATED, updated_at: CREATED };

export const RUNNING: Job = {
  ...identity,
  state: 'running',
  attempts: 1,
  claimed_at: CLAIMED,
  claimed_by: 'worker-capydb-db3-4127',
  started_at: STARTED,
  created_at: CREATED,
  updated_at: STARTED,
  locked_resource: 'project:prj_k3v9q2m7x4t8w1z6b5n0',
};

export const COMPLETED: Job = {
  ...identity,
  state: 'completed',
  attempts: 1,
  claimed_at: CLAIMED,
  claimed_by: 'worker-capydb-db3-4127',
  started_at: STARTED,
  completed_at: ENDED,
  created_at: CREATED,
  updated_at: ENDED,
  last_exit_code: 0,
  last_stdout: 'pg_dump: dumping contents of table "public.orders"',
};

const failure = {
  error: 'pg_dump exited with status 1',
  last_exit_code: 1,
  last_stderr: 'pg_dump: error: Dumping the contents of table "orders" failed: PQgetResult() failed.',
} as const;

export const FAILED_PERMANENT: Job = {
  ...identity,
  state: 'failed',
  attempts: 1,
  claimed_at: CLAIMED,
  claimed_by: 'worker-capydb-db3-4127',
  started_at: STARTED,
  completed_at: ENDED,
  created_at: CREATED,
  updated_at: ENDED,
  ...failure,
  retry_classification: 'permanent',
};

export const FAILED_EXHAUSTED: Job = { ...FAILED_PERMANENT, attempts: 3, retry_classification: 'transient' };

/** Pending again after a transient failure: keeps the last error, the claim is gone. */
export const RETRYING: Job = {
  ...identity,
  state: 'pending',
  attempts: 1,
  created_at: CREATED,
  updated_at: ENDED,
  ...failure,
  retry_classification: 'transient',
};

/** Running its second attempt: the previous attempt's error is still shown. */
export const RUNNING_RETRY: Job = {
  ...RUNNING,
  attempts: 2,
  claimed_at: '2026-06-18T09:04:41.000000Z',
  started_at: '2026-06-18T09:04:41.050000Z',
  updated_at: '2026-06-18T09:04:41.050000Z',
  ...failure,
  retry_classification: 'transient',
};

/** A preview job, locked on its preview. */
export const RUNNING_PREVIEW: Job = {
  ...RUNNING,
  type: 'branch.create',
  preview_database_id: 'pvw_q7x2m9k4t1w8z3b6n5v0',
  locked_resource: 'preview:pvw_q7x2m9k4t1w8z3b6n5v0',
};

/** A host-level job: no project, no preview. */
export const HOST_COMPLETED: Job = (() => {
  const { project_id: _p, ...rest } = COMPLETED;
  return { ...rest, type: 'host.health_probe' };
})();

/** Every valid fixture by name. */
export const VALID_JOBS: Readonly<Record<string, Job>> = {
  PENDING,
  RETRYING,
  RUNNING,
  RUNNING_RETRY,
  RUNNING_PREVIEW,
  COMPLETED,
  FAILED_PERMANENT,
  FAILED_EXHAUSTED,
  HOST_COMPLETED,
};
