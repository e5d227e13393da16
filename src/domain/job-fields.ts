import type { Job } from '../api/types.js';

/** A job under construction: any field may be missing, `null` or `undefined` (all mean "empty"). */
export type JobDraft = { readonly [K in keyof Job]?: Job[K] | null | undefined };

/** The spec's property order, which is also the order of the JSON the kit emits. */
export const JOB_FIELD_ORDER = [
  'id',
  'type',
  'state',
  'attempts',
  'max_attempts',
  'organization_id',
  'project_id',
  'preview_database_id',
  'cluster_id',
  'claimed_at',
  'claimed_by',
  'started_at',
  'completed_at',
  'created_at',
  'updated_at',
  'locked_resource',
  'error',
  'last_exit_code',
  'last_stdout',
  'last_stderr',
  'retry_classification',
] as const satisfies readonly (keyof Job)[];

/**
 * Whether an optional job field holds a value (`null`, `undefined` and absent are all "empty").
 * @example
 * isPresent(null); // false
 * isPresent(0); // true
 */
export function isPresent<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}

/**
 * Changes to a job: `undefined` (or absent) keeps the field, `null` removes it.
 * Internal to the domain's transitions.
 */
export type JobPatch = { readonly [K in keyof Job]?: Job[K] | null | undefined };

/**
 * A job in the spec's field order with every empty optional field omitted (never `null`).
 * Written out field by field: this is the hot path of data generation.
 * @example
 * toJob({ ...job, error: null }); // same job without an `error` key
 */
export function toJob(draft: JobDraft): Job {
  return patchJob(draft, EMPTY_PATCH);
}

const EMPTY_PATCH: JobPatch = {};

/**
 * `job` with `patch` applied (`null` in the patch removes a field), in the spec's field order,
 * empty fields omitted.
 * @example
 * patchJob(job, { state: 'running', error: null });
 */
export function patchJob(job: JobDraft, patch: JobPatch): Job {
  const out: Record<string, unknown> = {
    id: patch.id ?? job.id,
    type: patch.type ?? job.type,
    state: patch.state ?? job.state,
    attempts: patch.attempts ?? job.attempts,
    max_attempts: patch.max_attempts ?? job.max_attempts,
    organization_id: patch.organization_id ?? job.organization_id,
  };
  let v: unknown;
  if ((v = patch.project_id === undefined ? job.project_id : patch.project_id) != null) out['project_id'] = v;
  if ((v = patch.preview_database_id === undefined ? job.preview_database_id : patch.preview_database_id) != null) out['preview_database_id'] = v;
  if ((v = patch.cluster_id === undefined ? job.cluster_id : patch.cluster_id) != null) out['cluster_id'] = v;
  if ((v = patch.claimed_at === undefined ? job.claimed_at : patch.claimed_at) != null) out['claimed_at'] = v;
  if ((v = patch.claimed_by === undefined ? job.claimed_by : patch.claimed_by) != null) out['claimed_by'] = v;
  if ((v = patch.started_at === undefined ? job.started_at : patch.started_at) != null) out['started_at'] = v;
  if ((v = patch.completed_at === undefined ? job.completed_at : patch.completed_at) != null) out['completed_at'] = v;
  out['created_at'] = patch.created_at ?? job.created_at;
  out['updated_at'] = patch.updated_at ?? job.updated_at;
  if ((v = patch.locked_resource === undefined ? job.locked_resource : patch.locked_resource) != null) out['locked_resource'] = v;
  if ((v = patch.error === undefined ? job.error : patch.error) != null) out['error'] = v;
  if ((v = patch.last_exit_code === undefined ? job.last_exit_code : patch.last_exit_code) != null) out['last_exit_code'] = v;
  if ((v = patch.last_stdout === undefined ? job.last_stdout : patch.last_stdout) != null) out['last_stdout'] = v;
  if ((v = patch.last_stderr === undefined ? job.last_stderr : patch.last_stderr) != null) out['last_stderr'] = v;
  if ((v = patch.retry_classification === undefined ? job.retry_classification : patch.retry_classification) != null) out['retry_classification'] = v;
  return out as unknown as Job;
}
