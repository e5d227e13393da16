/**
 * The job model: states, legal transitions, invariants and lifecycle timelines. Pure: no I/O,
 * safe in the browser.
 * @packageDocumentation
 */
export { ok, err, type Result } from './result.js';
export { instantOf, parseTimestamp, toTimestamp, MICROS_PER_MILLI, MICROS_PER_SECOND, type Instant } from './instant.js';
export { formatGoDuration } from './go-duration.js';
export { JOB_TRANSITIONS, canTransition, isTerminal, nextStates } from './job-state.js';
export { JOB_FIELD_ORDER, isPresent, toJob, type JobDraft } from './job-fields.js';
export {
  RETRY_CLASSIFICATIONS,
  applyTransition,
  lockedResourceFor,
  type ClaimEvent,
  type CompleteEvent,
  type FailEvent,
  type JobEvent,
  type RetryClassification,
  type TransitionContext,
  type TransitionError,
} from './job-transition.js';
export { INVARIANT_RULES, checkJobInvariants, type InvariantRule, type InvariantViolation } from './job-invariants.js';
export {
  InvalidTimelineError,
  jobAtTime,
  nextChangeAt,
  timelineEvents,
  type AttemptOutcome,
  type AttemptPlan,
  type JobIdentity,
  type JobTimeline,
  type TimelineEvent,
} from './job-lifecycle.js';
