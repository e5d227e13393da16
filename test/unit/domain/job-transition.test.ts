import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Job, JobState } from '../../../src/api/types.js';
import { JOB_STATES } from '../../../src/api/types.js';
import {
  applyTransition,
  canTransition,
  checkJobInvariants,
  parseTimestamp,
  toTimestamp,
  type JobEvent,
} from '../../../src/domain/index.js';
import { COMPLETED, ENDED, FAILED_PERMANENT, PENDING, RETRYING, RUNNING, RUNNING_PREVIEW, RUNNING_RETRY } from './fixtures.js';

const at = (text: string): number => {
  const instant = parseTimestamp(text);
  if (instant === undefined) throw new Error(`bad fixture time ${text}`);
  return instant;
};
const LATER = at(ENDED) + 60_000_000;
const claim = (time = LATER): JobEvent => ({ kind: 'claim', worker: 'worker-capydb-db1-2231', at: time });
const complete = (time = LATER): JobEvent => ({ kind: 'complete', at: time, stdout: 'done' });
const fail = (classification: 'transient' | 'permanent', time = LATER): JobEvent => ({
  kind: 'fail',
  at: time,
  error: 'timed out after 15m0s',
  exitCode: 124,
  stderr: "timeout: sending signal TERM to command 'pg_restore'",
  classification,
});

const expectOk = (job: Job, event: JobEvent): Job => {
  const result = applyTransition(job, event);
  if (!result.ok) throw new Error(`refused: ${result.error.message}`);
  expect(checkJobInvariants(result.value)).toEqual([]);
  expect(Object.values(result.value)).not.toContain(null);
  return result.value;
};

describe('applyTransition: legal moves fill what a worker fills', () => {
  it('claim: pending → running with the claim, the lock and one more attempt', () => {
    const job = expectOk(PENDING, { kind: 'claim', worker: 'worker-capydb-db1-2231', at: LATER, startedAt: LATER + 40_000 });
    expect(job).toMatchObject({
      state: 'running',
      attempts: 1,
      claimed_at: toTimestamp(LATER),
      claimed_by: 'worker-capydb-db1-2231',
      started_at: toTimestamp(LATER + 40_000),
      updated_at: toTimestamp(LATER + 40_000),
      locked_resource: `project:${PENDING.project_id}`,
    });
  });

  it('claim of a preview job locks the preview', () => {
    const pendingPreview = { ...PENDING, preview_database_id: RUNNING_PREVIEW.preview_database_id } as Job;
    expect(expectOk(pendingPreview, claim()).locked_resource).toBe(`preview:${RUNNING_PREVIEW.preview_database_id}`);
  });

  it('claim of a retry keeps the last error while the new attempt runs', () => {
    const job = expectOk(RETRYING, claim());
    expect(job).toMatchObject({ state: 'running', attempts: 2, error: RETRYING.error, retry_classification: 'transient' });
  });

  it('complete: running → completed, lock released, exit 0, error cleared', () => {
    const job = expectOk(RUNNING_RETRY, complete());
    expect(job).toMatchObject({ state: 'completed', completed_at: toTimestamp(LATER), updated_at: toTimestamp(LATER), last_exit_code: 0, last_stdout: 'done' });
    for (const gone of ['locked_resource', 'error', 'retry_classification', 'last_stderr']) expect(job).not.toHaveProperty(gone);
    expect(job.claimed_by).toBe(RUNNING_RETRY.claimed_by);
  });

  it('fail transient with attempts left: running → pending, keeps error and output, drops the claim', () => {
    const job = expectOk(RUNNING, fail('transient'));
    expect(job).toMatchObject({ state: 'pending', attempts: 1, error: 'timed out after 15m0s', last_exit_code: 124, retry_classification: 'transient', updated_at: toTimestamp(LATER) });
    for (const gone of ['claimed_at', 'claimed_by', 'started_at', 'locked_resource', 'completed_at']) expect(job).not.toHaveProperty(gone);
  });

  it('fail transient on the last attempt: running → failed', () => {
    const job = expectOk({ ...RUNNING_RETRY, attempts: 3 }, fail('transient'));
    expect(job).toMatchObject({ state: 'failed', attempts: 3, completed_at: toTimestamp(LATER), retry_classification: 'transient' });
    expect(job).not.toHaveProperty('locked_resource');
  });

  it('fail permanent on the first attempt: running → failed at once', () => {
    const job = expectOk(RUNNING, fail('permanent'));
    expect(job).toMatchObject({ state: 'failed', attempts: 1, completed_at: toTimestamp(LATER), retry_classification: 'permanent', claimed_by: RUNNING.claimed_by });
  });

  it('fail without a process omits the exit code', () => {
    const job = expectOk(RUNNING, { kind: 'fail', at: LATER, error: 'subscription is required', classification: 'permanent' });
    expect(job).not.toHaveProperty('last_exit_code');
    expect(job).not.toHaveProperty('last_stderr');
  });

  it('accepts a job with explicit nulls and returns one without them', () => {
    const withNulls = { ...PENDING, error: null, claimed_at: null, locked_resource: null } as Job;
    expect(expectOk(withNulls, claim()).state).toBe('running');
  });
});

describe('applyTransition: refusals are results, not throws', () => {
  const STATES: Readonly<Record<JobState, Job>> = { pending: PENDING, running: RUNNING, completed: COMPLETED, failed: FAILED_PERMANENT };
  const EVENTS: readonly [string, JobEvent, (job: Job) => JobState][] = [
    ['claim', claim(), () => 'running'],
    ['complete', complete(), () => 'completed'],
    ['fail transient', fail('transient'), (job) => (job.attempts < job.max_attempts ? 'pending' : 'failed')],
    ['fail permanent', fail('permanent'), () => 'failed'],
  ];
  const table = JOB_STATES.flatMap((state) => EVENTS.map(([name, event, to]) => [state, name, event, to] as const));

  it.each(table)('%s + %s is accepted exactly when the move is legal', (state, _name, event, to) => {
    const job = STATES[state];
    const result = applyTransition(job, event);
    expect(result.ok).toBe(canTransition(state, to(job)));
    if (!result.ok) expect(result.error.code).toBe('illegal-transition');
    else expect(result.value.state).toBe(to(job));
  });

  const refusals: readonly [string, Job, JobEvent, string][] = [
    ['an event before the last update', RUNNING, complete(at(RUNNING.updated_at) - 1), 'time-went-backwards'],
    ['a claim with no attempts left', { ...RETRYING, attempts: 3 }, claim(), 'no-attempts-left'],
    ['a start before the claim', PENDING, { kind: 'claim', worker: 'w', at: LATER, startedAt: LATER - 1 }, 'invalid-event'],
    ['a claim without a worker', PENDING, { kind: 'claim', worker: '', at: LATER }, 'invalid-event'],
    ['a failure that exited 0', RUNNING, { kind: 'fail', at: LATER, error: 'x', exitCode: 0, classification: 'permanent' }, 'invalid-event'],
    ['a failure without a message', RUNNING, { kind: 'fail', at: LATER, error: '', classification: 'permanent' }, 'invalid-event'],
    ['a job whose updated_at is not a timestamp', { ...RUNNING, updated_at: 'soon' }, complete(), 'invalid-job'],
    ['a time that is not a number', RUNNING, complete(Number.NaN), 'invalid-event'],
  ];
  it.each(refusals)('refuses %s', (_why, job, event, code) => {
    const result = applyTransition(job, event);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });
});

describe('applyTransition: any sequence of events', () => {
  const eventArb = fc.oneof(
    fc.record({ kind: fc.constant('claim' as const), worker: fc.constantFrom('worker-capydb-db1-2231', 'worker-capydb-db2-918'), gap: fc.nat(5_000_000), startGap: fc.nat(300_000) }),
    fc.record({ kind: fc.constant('complete' as const), gap: fc.nat(900_000_000), stdout: fc.option(fc.constantFrom('', 'ok'), { nil: undefined }) }),
    fc.record({
      kind: fc.constant('fail' as const),
      gap: fc.nat(900_000_000),
      classification: fc.constantFrom('transient' as const, 'permanent' as const),
      exitCode: fc.option(fc.integer({ min: 1, max: 255 }), { nil: undefined }),
    }),
  );

  it('only ever yields valid jobs, through legal moves', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 12 }), fc.integer({ min: 1, max: 5 }), (steps, maxAttempts) => {
        let job: Job = { ...PENDING, max_attempts: maxAttempts };
        let time = at(job.updated_at);
        for (const step of steps) {
          time += step.gap;
          const event: JobEvent =
            step.kind === 'claim'
              ? { kind: 'claim', worker: step.worker, at: time, startedAt: time + step.startGap }
              : step.kind === 'complete'
                ? { kind: 'complete', at: time, ...(step.stdout === undefined ? {} : { stdout: step.stdout }) }
                : { kind: 'fail', at: time, error: 'exit status 1', classification: step.classification, ...(step.exitCode === undefined ? {} : { exitCode: step.exitCode }) };
          const result = applyTransition(job, event);
          if (!result.ok) continue;
          expect(canTransition(job.state, result.value.state)).toBe(true);
          expect(checkJobInvariants(result.value)).toEqual([]);
          job = result.value;
          time = at(job.updated_at);
        }
      }),
      { numRuns: 500 },
    );
  });
});
