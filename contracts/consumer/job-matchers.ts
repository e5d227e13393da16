import { MatchersV3 } from '@pact-foundation/pact';
import type { ExampleJob } from './example-values.js';

const { integer, regex, string } = MatchersV3;

/** The spec's job id pattern (`Job.id`). */
export const JOB_ID_PATTERN = '^job_[0-9a-z_]{1,60}$';
/** RFC 3339 date-time, as the spec's `format: date-time` allows it. */
export const TIMESTAMP_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$';
/** Any of the four lifecycle states, and nothing else. */
export const JOB_STATE_PATTERN = '^(pending|running|completed|failed)$';
/** `application/json`, with or without a charset. */
export const JSON_CONTENT_TYPE = regex('^application/json(;\\s*charset=utf-8)?$', 'application/json');

/**
 * The fields of a job that the client's users rely on, as Pact matchers. Nullable or optional
 * fields stay out (Pact cannot say "a string or null"), except `completed_at` for terminal states
 * and `error` for a failed job, which are always set there.
 * @param exactState - match `state` exactly (a per-state get) instead of by the enum pattern.
 * @example
 * jobBody(EXAMPLE_JOBS.failed, { exactState: true });
 */
export function jobBody(example: ExampleJob, { exactState }: { readonly exactState: boolean }): Record<string, unknown> {
  return {
    id: regex(JOB_ID_PATTERN, example.id),
    type: string(example.type),
    state: exactState ? example.state : regex(JOB_STATE_PATTERN, example.state),
    attempts: integer(example.attempts),
    max_attempts: integer(example.max_attempts),
    created_at: regex(TIMESTAMP_PATTERN, example.created_at),
    updated_at: regex(TIMESTAMP_PATTERN, example.updated_at),
    ...(example.completed_at === undefined ? {} : { completed_at: regex(TIMESTAMP_PATTERN, example.completed_at) }),
    ...(example.error === undefined ? {} : { error: string(example.error) }),
  };
}
