import type { Job } from '../api/types.js';
import { parseTimestamp, type Instant } from './instant.js';
import { isPresent } from './job-fields.js';
import { isTerminal } from './job-state.js';

/** One broken rule of a job. */
export interface InvariantViolation {
  /** Stable kebab-case rule id (a key of `INVARIANT_RULES`). */
  readonly rule: InvariantRule;
  readonly message: string;
}

/** Every rule `checkJobInvariants` knows, with what it demands. */
export const INVARIANT_RULES = {
  'timestamp-format': 'every timestamp is RFC 3339 in UTC (Z)',
  'timestamps-ordered': 'created_at <= claimed_at <= started_at <= completed_at',
  'updated-at-latest': 'updated_at is the latest timestamp (a retrying pending job: at least the latest)',
  'attempts-range': 'attempts is an integer >= 0 and max_attempts an integer >= 1',
  'attempts-within-max': 'attempts <= max_attempts',
  'terminal-has-completed-at': 'completed and failed jobs have completed_at',
  'terminal-unlocked': 'completed and failed jobs hold no locked_resource',
  'terminal-keeps-claim': 'completed and failed jobs keep the last claim (claimed_at, claimed_by, started_at) and attempts >= 1',
  'failed-has-error': 'a failed job has an error',
  'completed-has-no-error': 'a completed job has no error',
  'completed-exit-code-zero': 'a completed job exited 0 (or has no exit code)',
  'running-has-claim': 'a running job has claimed_at, claimed_by, started_at, locked_resource and attempts >= 1',
  'pending-has-no-claim': 'a pending job has no claimed_at, claimed_by, started_at or locked_resource',
  'pending-has-attempts-left': 'a pending job has attempts < max_attempts',
  'non-terminal-has-no-completed-at': 'pending and running jobs have no completed_at',
  'retry-keeps-last-error': 'a retry (pending with attempts >= 1, running with attempts >= 2) keeps the last error',
  'retry-is-transient': 'a retried job was classified transient',
  'first-attempt-has-no-failure': 'before any attempt ended there is no error, exit code, output or classification',
  'failed-transient-exhausted': 'a job failed on a transient failure only after max_attempts attempts',
  'classification-known': 'retry_classification is transient or permanent',
  'classification-needs-error': 'retry_classification comes with an error',
  'error-exit-code-nonzero': 'a failed attempt did not exit 0',
  'exit-code-range': 'last_exit_code is an integer 0..255',
  'id-prefixes': 'ids carry their prefixes (job_, org_, prj_, pvw_, cls_)',
  'preview-has-project': 'a preview job also names its project',
  'lock-names-target': 'locked_resource names the job target (<kind>:<pvw_id>, else <kind>:<prj_id>)',
} as const;

/** A rule id of `INVARIANT_RULES`. */
export type InvariantRule = keyof typeof INVARIANT_RULES;

const TIMESTAMP_FIELDS = ['created_at', 'claimed_at', 'started_at', 'completed_at', 'updated_at'] as const;
const ORDERED_FIELDS = ['created_at', 'claimed_at', 'started_at', 'completed_at'] as const;
const CLAIM_FIELDS = ['claimed_at', 'claimed_by', 'started_at', 'locked_resource'] as const;
const FAILURE_FIELDS = ['error', 'last_exit_code', 'last_stdout', 'last_stderr', 'retry_classification'] as const;
const PREFIXES = [
  ['id', 'job_'],
  ['organization_id', 'org_'],
  ['project_id', 'prj_'],
  ['preview_database_id', 'pvw_'],
  ['cluster_id', 'cls_'],
] as const;

/**
 * Every rule of the job model that `job` breaks (empty when it is a job a real worker could
 * have produced). `null` and absent fields are the same thing.
 * @example
 * checkJobInvariants({ ...runningJob, claimed_by: null });
 * // [{ rule: 'running-has-claim', message: 'running job lacks claimed_by' }]
 */
export function checkJobInvariants(job: Job): InvariantViolation[] {
  const out: InvariantViolation[] = [];
  const add = (rule: InvariantRule, message: string): void => {
    out.push({ rule, message });
  };
  const missing = (fields: readonly (keyof Job)[]): (keyof Job)[] => fields.filter((f) => !isPresent(job[f]));
  const present = (fields: readonly (keyof Job)[]): (keyof Job)[] => fields.filter((f) => isPresent(job[f]));
  const { state, attempts, max_attempts: maxAttempts } = job;
  const terminal = isTerminal(state);

  const times = new Map<string, Instant>();
  for (const field of TIMESTAMP_FIELDS) {
    const text = job[field];
    if (!isPresent(text)) continue;
    const instant = typeof text === 'string' ? parseTimestamp(text) : undefined;
    if (instant === undefined) add('timestamp-format', `${field} ${JSON.stringify(text)} is not an RFC 3339 UTC timestamp`);
    else times.set(field, instant);
  }
  let previous: [string, Instant] | undefined;
  for (const field of ORDERED_FIELDS) {
    const t = times.get(field);
    if (t === undefined) continue;
    if (previous && t < previous[1]) add('timestamps-ordered', `${field} is before ${previous[0]}`);
    previous = [field, t];
  }
  const updated = times.get('updated_at');
  if (updated !== undefined) {
    const latest = Math.max(...ORDERED_FIELDS.map((f) => times.get(f) ?? -Infinity));
    const retrying = state === 'pending' && attempts >= 1;
    if (updated < latest) add('updated-at-latest', 'updated_at is before another timestamp');
    else if (!retrying && updated !== latest && Number.isFinite(latest)) add('updated-at-latest', 'updated_at is later than the latest timestamp');
  }

  if (!Number.isInteger(attempts) || attempts < 0 || !Number.isInteger(maxAttempts) || maxAttempts < 1) {
    add('attempts-range', `attempts ${attempts} / max_attempts ${maxAttempts} out of range`);
  }
  if (attempts > maxAttempts) add('attempts-within-max', `attempts ${attempts} exceeds max_attempts ${maxAttempts}`);

  if (terminal) {
    if (!isPresent(job.completed_at)) add('terminal-has-completed-at', `${state} job has no completed_at`);
    if (isPresent(job.locked_resource)) add('terminal-unlocked', `${state} job still holds ${job.locked_resource}`);
    const lacking = missing(['claimed_at', 'claimed_by', 'started_at']);
    if (lacking.length > 0 || attempts < 1) add('terminal-keeps-claim', `${state} job lacks ${[...lacking, ...(attempts < 1 ? ['an attempt'] : [])].join(', ')}`);
  } else if (isPresent(job.completed_at)) {
    add('non-terminal-has-no-completed-at', `${state} job has completed_at`);
  }
  if (state === 'failed' && !nonEmptyText(job.error)) add('failed-has-error', 'failed job has no error');
  if (state === 'completed') {
    if (isPresent(job.error)) add('completed-has-no-error', 'completed job has an error');
    if (isPresent(job.last_exit_code) && job.last_exit_code !== 0) add('completed-exit-code-zero', `completed job exited ${job.last_exit_code}`);
  }
  if (state === 'running') {
    const lacking = missing(CLAIM_FIELDS);
    if (lacking.length > 0 || attempts < 1) add('running-has-claim', `running job lacks ${[...lacking, ...(attempts < 1 ? ['an attempt'] : [])].join(', ')}`);
  }
  if (state === 'pending') {
    const claimed = present(CLAIM_FIELDS);
    if (claimed.length > 0) add('pending-has-no-claim', `pending job has ${claimed.join(', ')}`);
    if (attempts >= maxAttempts) add('pending-has-attempts-left', `pending job has used ${attempts} of ${maxAttempts} attempts`);
  }

  const retry = (state === 'pending' && attempts >= 1) || (state === 'running' && attempts >= 2);
  const firstAttempt = (state === 'pending' && attempts === 0) || (state === 'running' && attempts === 1);
  if (retry) {
    if (!nonEmptyText(job.error)) add('retry-keeps-last-error', `${state} job on attempt ${attempts} lost the last error`);
    if (isPresent(job.retry_classification) && job.retry_classification !== 'transient') {
      add('retry-is-transient', `${state} job was retried after a ${job.retry_classification} failure`);
    }
  }
  if (firstAttempt) {
    const leftovers = present(FAILURE_FIELDS);
    if (leftovers.length > 0) add('first-attempt-has-no-failure', `${state} job on attempt ${attempts} has ${leftovers.join(', ')}`);
  }
  if (state === 'failed' && job.retry_classification === 'transient' && attempts !== maxAttempts) {
    add('failed-transient-exhausted', `failed on a transient failure after ${attempts} of ${maxAttempts} attempts`);
  }
  if (isPresent(job.retry_classification)) {
    if (job.retry_classification !== 'transient' && job.retry_classification !== 'permanent') {
      add('classification-known', `unknown retry_classification ${JSON.stringify(job.retry_classification)}`);
    }
    if (!isPresent(job.error)) add('classification-needs-error', 'retry_classification without an error');
  }
  if (isPresent(job.last_exit_code)) {
    const code = job.last_exit_code;
    if (!Number.isInteger(code) || code < 0 || code > 255) add('exit-code-range', `last_exit_code ${code} is not 0..255`);
    if (isPresent(job.error) && code === 0) add('error-exit-code-nonzero', 'a failed attempt exited 0');
  }

  for (const [field, prefix] of PREFIXES) {
    const value = job[field];
    if (isPresent(value) && !(typeof value === 'string' && value.startsWith(prefix) && value.length > prefix.length)) {
      add('id-prefixes', `${field} ${JSON.stringify(value)} does not start with ${prefix}`);
    }
  }
  if (isPresent(job.preview_database_id) && !isPresent(job.project_id)) add('preview-has-project', 'preview job names no project');
  if (isPresent(job.locked_resource)) {
    const target = job.preview_database_id ?? job.project_id;
    if (isPresent(target) && !new RegExp(`^[a-z_]+:${escapeRegExp(target)}$`).test(job.locked_resource)) {
      add('lock-names-target', `locked_resource ${job.locked_resource} does not name ${target}`);
    }
  }
  return out;
}

function nonEmptyText(value: string | null | undefined): boolean {
  return typeof value === 'string' && value.length > 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
