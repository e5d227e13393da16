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
 * A job in the spec's field order with every empty optional field omitted (never `null`).
 * @example
 * toJob({ ...job, error: null }); // same job without an `error` key
 */
export function toJob(draft: JobDraft): Job {
  const out: Record<string, unknown> = {};
  for (const key of JOB_FIELD_ORDER) {
    const value = draft[key];
    if (value !== null && value !== undefined) out[key] = value;
  }
  return out as unknown as Job;
}
