import type { Job } from '../api/types.js';
import { instantOf, toTimestamp, type Instant } from './instant.js';
import { patchJob } from './job-fields.js';
import { applyTransition, type CompleteEvent, type FailEvent, type JobEvent } from './job-transition.js';

/** The fields of a job that never change over its life. */
export type JobIdentity = Pick<Job, 'id' | 'type' | 'organization_id' | 'max_attempts'> &
  Partial<Pick<Job, 'project_id' | 'preview_database_id' | 'cluster_id'>>;

/** How an attempt ends. */
export type AttemptOutcome =
  | { readonly kind: 'success'; readonly stdout?: string; readonly stderr?: string }
  | {
      readonly kind: 'transient' | 'permanent';
      readonly error: string;
      /** 1..255; omitted when the attempt failed before a process ran. */
      readonly exitCode?: number;
      readonly stdout?: string;
      readonly stderr?: string;
    };

/** One attempt of a job; all durations in microseconds. */
export interface AttemptPlan {
  /** Wait before a worker claims it: from creation (first attempt) or from the previous failure. */
  readonly claimDelayUs: number;
  /** From claim to start (process spawn); 0 when omitted. */
  readonly startDelayUs?: number;
  /** From start to exit. */
  readonly runUs: number;
  readonly worker: string;
  readonly outcome: AttemptOutcome;
}

/**
 * A pure description of a job's whole life: created at `createdAt`, then attempts in order.
 * Attempts after the one that ends the job are ignored.
 */
export interface JobTimeline {
  readonly job: JobIdentity;
  readonly createdAt: Instant;
  readonly attempts: readonly AttemptPlan[];
  /** Resource locked while running (default: derived from the job's target). */
  readonly lockedResource?: string;
}

/** Thrown when a timeline describes something the state machine refuses (programmer misuse). */
export class InvalidTimelineError extends Error {
  override readonly name = 'InvalidTimelineError';
}

/** A state change of a timeline and when it takes effect. */
export interface TimelineEvent {
  readonly at: Instant;
  readonly event: JobEvent;
}

/**
 * The state changes of a timeline in order (a claim takes effect when the attempt starts).
 * @example
 * timelineEvents(timeline).map((e) => e.event.kind); // ['claim', 'fail', 'claim', 'complete']
 */
export function timelineEvents(timeline: JobTimeline): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  let cursor = timeline.createdAt;
  let used = 0;
  for (const attempt of timeline.attempts) {
    if (used >= timeline.job.max_attempts) break;
    const claimAt = cursor + attempt.claimDelayUs;
    const startAt = claimAt + (attempt.startDelayUs ?? 0);
    const endAt = startAt + attempt.runUs;
    used += 1;
    events.push({ at: startAt, event: { kind: 'claim', worker: attempt.worker, at: claimAt, startedAt: startAt } });
    const { outcome } = attempt;
    // Built field by field: an object spread followed by more keys is slow in V8 (hot path).
    if (outcome.kind === 'success') {
      const complete: Mutable<CompleteEvent> = { kind: 'complete', at: endAt };
      if (outcome.stdout !== undefined) complete.stdout = outcome.stdout;
      if (outcome.stderr !== undefined) complete.stderr = outcome.stderr;
      events.push({ at: endAt, event: complete });
      break;
    }
    const fail: Mutable<FailEvent> = { kind: 'fail', at: endAt, error: outcome.error, classification: outcome.kind };
    if (outcome.exitCode !== undefined) fail.exitCode = outcome.exitCode;
    if (outcome.stdout !== undefined) fail.stdout = outcome.stdout;
    if (outcome.stderr !== undefined) fail.stderr = outcome.stderr;
    events.push({ at: endAt, event: fail });
    if (outcome.kind === 'permanent') break;
    cursor = endAt;
  }
  return events;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The job as it is at time `t` (an `Instant` in microseconds, or a `Date`), built by replaying
 * `applyTransition`, so its fields are exactly those the domain fills. Throws a RangeError for a
 * time before the job existed and an `InvalidTimelineError` for an impossible timeline.
 * @example
 * jobAtTime(timeline, timeline.createdAt).state; // 'pending'
 * jobAtTime(timeline, new Date()).state; // whatever it is by now
 */
export function jobAtTime(timeline: JobTimeline, t: Instant | Date): Job {
  const at = typeof t === 'number' ? t : instantOf(t);
  if (!(at >= timeline.createdAt)) throw new RangeError(`job ${timeline.job.id} did not exist yet at ${toTimestamp(at)}`);
  const created = toTimestamp(timeline.createdAt);
  let job = patchJob(timeline.job, { state: 'pending', attempts: 0, created_at: created, updated_at: created });
  const ctx = timeline.lockedResource === undefined ? {} : { lockedResource: timeline.lockedResource };
  for (const step of timelineEvents(timeline)) {
    if (step.at > at) break;
    const next = applyTransition(job, step.event, ctx);
    if (!next.ok) throw new InvalidTimelineError(`timeline of ${timeline.job.id}: ${next.error.message}`);
    job = next.value;
  }
  return job;
}

/**
 * When the job's state next changes after time `t`, or undefined once it never will.
 * @example
 * nextChangeAt(timeline, timeline.createdAt); // the instant the first attempt starts
 */
export function nextChangeAt(timeline: JobTimeline, t: Instant | Date): Instant | undefined {
  const at = typeof t === 'number' ? t : instantOf(t);
  return timelineEvents(timeline).find((step) => step.at > at)?.at;
}
