import type { Job } from '../api/types.js';
import type { JobsClient } from './create-jobs-client.js';
import type { JobsClientError, JobsHttpError } from './jobs-client-result.js';
import { formatGoDuration } from '../domain/go-duration.js';
import { describePollError, isTransientPollError } from './poll-failure.js';

/** What {@link waitForJob} reports after each successful poll. */
export interface WaitForJobProgress {
  readonly job: Job;
  /** 1 for the first poll, counting failed polls too. */
  readonly attempt: number;
  readonly elapsedMs: number;
}

/** Options of {@link waitForJob}; the defaults are the CapyDB CLI's. */
export interface WaitForJobOptions {
  /** Stop waiting early; the result is then `aborted`. */
  readonly signal?: AbortSignal;
  /** Overall limit (default 30 min, the CLI's `--wait-timeout`); `Infinity` waits forever. */
  readonly timeoutMs?: number;
  /** First delay between polls (default 2000). */
  readonly initialIntervalMs?: number;
  /** Cap of the delay between polls (default 10000). */
  readonly maxIntervalMs?: number;
  /** Growth of the delay after each poll (default 2: 2 s, 4 s, 8 s, 10 s, 10 s ...). */
  readonly backoffFactor?: number;
  /** Transient poll errors tolerated in a row (default 5); one more gives up. */
  readonly maxConsecutiveFailures?: number;
  /** Called after every successful poll, terminal or not. */
  readonly onProgress?: (progress: WaitForJobProgress) => void;
  /** Clock in milliseconds (default `Date.now`). */
  readonly now?: () => number;
  /** Waits `ms`, resolving early (or rejecting) when `signal` aborts (default: a `setTimeout`). */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Why waiting did not end in a completed job. Every kind carries a one-line `message`:
 * - `job-failed`: the job reached `failed` (a normal outcome of the job, not of the wait);
 * - `rejected`: a poll got a 4xx other than 408/429 (401, 403, 404 ...), which asking again will not fix;
 * - `unreachable`: more than `maxConsecutiveFailures` transient errors in a row (network, 5xx, 429, junk body);
 * - `timeout`: `timeoutMs` passed; `job` is the last state seen;
 * - `aborted`: `signal` aborted.
 */
export type WaitForJobError =
  | { readonly kind: 'job-failed'; readonly message: string; readonly job: Job }
  | { readonly kind: 'rejected'; readonly message: string; readonly status: number; readonly cause: JobsHttpError }
  | { readonly kind: 'unreachable'; readonly message: string; readonly failures: number; readonly cause: JobsClientError; readonly job: Job | undefined }
  | { readonly kind: 'timeout'; readonly message: string; readonly elapsedMs: number; readonly job: Job | undefined }
  | { readonly kind: 'aborted'; readonly message: string; readonly job: Job | undefined };

/** `ok: true` only for a `completed` job; a `failed` job is `{ ok: false, error: { kind: 'job-failed', job } }`. */
export type WaitForJobResult = { readonly ok: true; readonly job: Job } | { readonly ok: false; readonly error: WaitForJobError };

/** Thrown for options that make no sense (programmer misuse), e.g. a negative interval. */
export class InvalidWaitOptionsError extends Error {
  override readonly name = 'InvalidWaitOptionsError';
}

/**
 * Poll `GET /v1/jobs/{jobID}` until the job is `completed` or `failed`, the way the CapyDB CLI does:
 * delays 2 s → 4 s → 8 s → 10 s (capped), `Retry-After` honoured, 5 transient errors in a row
 * tolerated, 401/403/404 fatal at once, 30 min overall.
 * @example
 * const result = await waitForJob(client, 'job_7f3k9q2m4x8t1w6z5b0n3c', {
 *   onProgress: ({ job, attempt, elapsedMs }) => console.error(`waiting for job ${job.id} (${job.type}) - ${job.state}, attempt ${attempt}, elapsed ${Math.round(elapsedMs / 1000)}s`),
 * });
 * if (!result.ok) throw new Error(result.error.message);
 */
export async function waitForJob(client: Pick<JobsClient, 'getJob'>, jobId: string, options: WaitForJobOptions = {}): Promise<WaitForJobResult> {
  const { signal, onProgress, now = Date.now, sleep = sleepFor } = options;
  const timeoutMs = options.timeoutMs ?? 30 * 60_000;
  const maxIntervalMs = options.maxIntervalMs ?? 10_000;
  const initialIntervalMs = options.initialIntervalMs ?? Math.min(2_000, maxIntervalMs);
  const factor = options.backoffFactor ?? 2;
  const maxFailures = options.maxConsecutiveFailures ?? 5;
  assertOptions({ timeoutMs, initialIntervalMs, maxIntervalMs, factor, maxFailures });

  const start = now();
  const deadline = start + timeoutMs;
  let interval = initialIntervalMs;
  let failures = 0;
  let attempt = 0;
  let job: Job | undefined;
  const aborted = (): WaitForJobResult => ({ ok: false, error: { kind: 'aborted', message: `waiting for job ${jobId} was aborted`, job } });

  for (;;) {
    if (signal?.aborted) return aborted();
    attempt += 1;
    const res = await client.getJob(jobId, signal ? { signal } : {});
    if (signal?.aborted) return aborted();
    let delay = interval;
    if (res.ok) {
      failures = 0;
      job = res.data;
      onProgress?.({ job, attempt, elapsedMs: now() - start });
      if (job.state === 'completed') return { ok: true, job };
      if (job.state === 'failed') {
        return { ok: false, error: { kind: 'job-failed', job, message: `job ${job.id} (${job.type}) ended in failed: ${job.error ?? 'no error message'}` } };
      }
    } else if (res.error.kind === 'http' && !isTransientPollError(res.error)) {
      return { ok: false, error: { kind: 'rejected', status: res.status, cause: res.error, message: `poll job ${jobId}: ${describePollError(res.error)}` } };
    } else {
      failures += 1;
      if (failures > maxFailures) {
        return { ok: false, error: { kind: 'unreachable', failures, cause: res.error, job, message: `poll job ${jobId}: giving up after ${maxFailures} consecutive failures` } };
      }
      if (res.error.kind === 'http' && res.error.retryAfterSeconds !== undefined) delay = res.error.retryAfterSeconds * 1000;
    }
    interval = Math.min(interval * factor, maxIntervalMs);

    const remaining = deadline - now();
    if (remaining > 0) {
      try {
        await sleep(Math.min(delay, remaining), signal);
      } catch (cause) {
        if (signal?.aborted) return aborted();
        throw cause;
      }
    }
    if (signal?.aborted) return aborted();
    const elapsedMs = now() - start;
    if (now() >= deadline) {
      return { ok: false, error: { kind: 'timeout', elapsedMs, job, message: `timed out waiting for job ${jobId} after ${formatGoDuration(timeoutMs)}` } };
    }
  }
}

function assertOptions(o: { timeoutMs: number; initialIntervalMs: number; maxIntervalMs: number; factor: number; maxFailures: number }): void {
  const problems = [
    !(o.timeoutMs > 0) && 'timeoutMs must be > 0',
    !(o.initialIntervalMs >= 0 && Number.isFinite(o.initialIntervalMs)) && 'initialIntervalMs must be a finite number >= 0',
    !(o.maxIntervalMs >= o.initialIntervalMs && Number.isFinite(o.maxIntervalMs)) && 'maxIntervalMs must be finite and >= initialIntervalMs',
    !(o.factor >= 1) && 'backoffFactor must be >= 1',
    !(Number.isInteger(o.maxFailures) && o.maxFailures >= 0) && 'maxConsecutiveFailures must be an integer >= 0',
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length > 0) throw new InvalidWaitOptionsError(`waitForJob: ${problems.join('; ')}`);
}

function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
