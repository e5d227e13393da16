import type { Job, JobState } from '../api/types.js';
import { toTimestamp, parseTimestamp, type Instant } from './instant.js';
import { isPresent, patchJob } from './job-fields.js';
import { canTransition } from './job-state.js';
import { err, ok, type Result } from './result.js';

/** How a failure was classified (the real values are not public: invented by the kit). */
export type RetryClassification = 'transient' | 'permanent';

/** The classifications the kit uses. */
export const RETRY_CLASSIFICATIONS = ['transient', 'permanent'] as const satisfies readonly RetryClassification[];

/** A worker claims a pending job; it starts running at `startedAt` (default: `at`). */
export interface ClaimEvent {
  readonly kind: 'claim';
  readonly worker: string;
  readonly at: Instant;
  readonly startedAt?: Instant;
}

/** The running attempt exits 0. */
export interface CompleteEvent {
  readonly kind: 'complete';
  readonly at: Instant;
  readonly stdout?: string;
  readonly stderr?: string;
}

/** The running attempt fails; a transient failure with attempts left goes back to pending. */
export interface FailEvent {
  readonly kind: 'fail';
  readonly at: Instant;
  readonly error: string;
  readonly classification: RetryClassification;
  /** The process's exit code (1..255); omitted when the attempt failed before running a process. */
  readonly exitCode?: number;
  readonly stderr?: string;
  readonly stdout?: string;
}

/** What a worker can do to a job. */
export type JobEvent = ClaimEvent | CompleteEvent | FailEvent;

/** Extra facts a transition needs. */
export interface TransitionContext {
  /** The resource to lock on claim (default: `lockedResourceFor(job, worker)`). */
  readonly lockedResource?: string;
}

/** Why a transition was refused. */
export interface TransitionError {
  readonly code: 'illegal-transition' | 'no-attempts-left' | 'time-went-backwards' | 'invalid-event' | 'invalid-job';
  readonly message: string;
}

/**
 * The resource a job locks while it runs (the format is not public; invented by the kit):
 * `preview:<pvw_id>` for preview jobs, `project:<prj_id>` for project jobs, else
 * `cluster:<cls_id>`, else `host:<worker>`.
 * @example
 * lockedResourceFor({ ...job, project_id: 'prj_1' }, 'worker-capydb-db1-2231'); // 'project:prj_1'
 */
export function lockedResourceFor(job: Job, worker: string): string {
  if (isPresent(job.preview_database_id)) return `preview:${job.preview_database_id}`;
  if (isPresent(job.project_id)) return `project:${job.project_id}`;
  if (isPresent(job.cluster_id)) return `cluster:${job.cluster_id}`;
  return `host:${worker}`;
}

/** The state an event moves a job to. */
function targetState(job: Job, event: JobEvent): JobState {
  if (event.kind === 'claim') return 'running';
  if (event.kind === 'complete') return 'completed';
  return event.classification === 'transient' && job.attempts < job.max_attempts ? 'pending' : 'failed';
}

const refuse = (code: TransitionError['code'], message: string): Result<Job, TransitionError> => err({ code, message });

/** Treat "" and undefined as "remove": empty optional fields never reach the JSON. */
const nonEmpty = (text: string | undefined): string | null => (text === undefined || text === '' ? null : text);

/**
 * Apply a worker event to a job, filling the fields a real worker fills, or refuse it.
 * - claim (pending → running): `claimed_at`, `claimed_by`, `started_at`, `locked_resource`, attempts + 1.
 * - complete (running → completed): `completed_at`, exit code 0, lock released, error cleared.
 * - fail, transient with attempts left (running → pending): keeps `error` and `last_*`, clears the claim.
 * - fail otherwise (running → failed): `completed_at`, `error`, `last_*`, lock released.
 * @example
 * const claimed = applyTransition(job, { kind: 'claim', worker: 'worker-capydb-db3-4127', at });
 * if (claimed.ok) console.log(claimed.value.state); // 'running'
 */
export function applyTransition(job: Job, event: JobEvent, ctx: TransitionContext = {}): Result<Job, TransitionError> {
  const to = targetState(job, event);
  if (!canTransition(job.state, to)) {
    return refuse('illegal-transition', `cannot ${event.kind} a ${job.state} job (${job.state} → ${to} is not a legal transition)`);
  }
  const last = parseTimestamp(job.updated_at);
  if (last === undefined) return refuse('invalid-job', `updated_at ${JSON.stringify(job.updated_at)} is not an RFC 3339 UTC timestamp`);
  if (!Number.isFinite(event.at)) return refuse('invalid-event', 'event time must be a finite instant');
  if (event.at < last) return refuse('time-went-backwards', `event at ${toTimestamp(event.at)} is before updated_at ${job.updated_at}`);
  const at = toTimestamp(event.at);

  switch (event.kind) {
    case 'claim': {
      if (job.attempts >= job.max_attempts) return refuse('no-attempts-left', `job has used ${job.attempts} of ${job.max_attempts} attempts`);
      if (event.worker === '') return refuse('invalid-event', 'claim needs a worker');
      const startedAt = event.startedAt ?? event.at;
      if (!Number.isFinite(startedAt) || startedAt < event.at) return refuse('invalid-event', 'a job cannot start before it is claimed');
      const started = toTimestamp(startedAt);
      return ok(
        patchJob(job, {
          state: 'running',
          attempts: job.attempts + 1,
          claimed_at: at,
          claimed_by: event.worker,
          started_at: started,
          updated_at: started,
          locked_resource: ctx.lockedResource ?? lockedResourceFor(job, event.worker),
        }),
      );
    }
    case 'complete':
      return ok(
        patchJob(job, {
          state: 'completed',
          completed_at: at,
          updated_at: at,
          locked_resource: null,
          error: null,
          retry_classification: null,
          last_exit_code: 0,
          last_stdout: nonEmpty(event.stdout),
          last_stderr: nonEmpty(event.stderr),
        }),
      );
    case 'fail': {
      if (event.error === '') return refuse('invalid-event', 'a failure needs an error message');
      if (event.exitCode !== undefined && (!Number.isInteger(event.exitCode) || event.exitCode < 1 || event.exitCode > 255)) {
        return refuse('invalid-event', `a failed process exits with 1..255, not ${event.exitCode}`);
      }
      const retry = to === 'pending';
      return ok(
        patchJob(job, {
          state: to,
          error: event.error,
          retry_classification: event.classification,
          last_exit_code: event.exitCode ?? null,
          last_stdout: nonEmpty(event.stdout),
          last_stderr: nonEmpty(event.stderr),
          locked_resource: null,
          updated_at: at,
          // A retry goes back to the queue: the claim is gone. A final failure keeps it.
          claimed_at: retry ? null : undefined,
          claimed_by: retry ? null : undefined,
          started_at: retry ? null : undefined,
          completed_at: retry ? undefined : at,
        }),
      );
    }
  }
}
