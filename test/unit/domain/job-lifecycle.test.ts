import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JobState } from '../../../src/api/types.js';
import {
  InvalidTimelineError,
  MICROS_PER_SECOND,
  canTransition,
  checkJobInvariants,
  isTerminal,
  jobAtTime,
  nextChangeAt,
  parseTimestamp,
  timelineEvents,
  type AttemptPlan,
  type JobTimeline,
} from '../../../src/domain/index.js';

const S = MICROS_PER_SECOND;
const T0 = Date.UTC(2026, 5, 18, 9, 0, 0) * 1000 + 123_456;
const identity = {
  id: 'job_qmjdr4btxhh9za5fwpm4vs',
  type: 'project.restore',
  organization_id: 'org_2xk9m4q7w1t8z5b3n6v0',
  project_id: 'prj_k3v9q2m7x4t8w1z6b5n0',
  cluster_id: 'cls_h4t8w2z6b1n5q9m3x7k0',
  max_attempts: 3,
};
const timeout: AttemptPlan['outcome'] = { kind: 'transient', error: 'timed out after 15m0s', exitCode: 124, stderr: "timeout: sending signal TERM to command 'pg_restore'" };
const attempt = (claimDelayS: number, runS: number, outcome: AttemptPlan['outcome']): AttemptPlan => ({
  claimDelayUs: claimDelayS * S,
  startDelayUs: 40_000,
  runUs: runS * S,
  worker: 'worker-capydb-db3-4127',
  outcome,
});
/** Times out twice, then succeeds. */
const RETRIED: JobTimeline = {
  job: identity,
  createdAt: T0,
  attempts: [attempt(1, 900, timeout), attempt(10, 900, timeout), attempt(20, 600, { kind: 'success', stdout: 'restored' })],
};

describe('jobAtTime', () => {
  it('replays the life of a job step by step', () => {
    const [firstStart, firstFail, secondStart, secondFail, thirdStart, done] = timelineEvents(RETRIED).map((e) => e.at);
    const table: readonly [number, JobState, number][] = [
      [T0, 'pending', 0],
      [(firstStart ?? 0) - 1, 'pending', 0],
      [firstStart ?? 0, 'running', 1],
      [firstFail ?? 0, 'pending', 1],
      [secondStart ?? 0, 'running', 2],
      [secondFail ?? 0, 'pending', 2],
      [thirdStart ?? 0, 'running', 3],
      [(done ?? 0) - 1, 'running', 3],
      [done ?? 0, 'completed', 3],
      [(done ?? 0) + 86_400 * S, 'completed', 3],
    ];
    for (const [t, state, attempts] of table) {
      const job = jobAtTime(RETRIED, t);
      expect([job.state, job.attempts]).toEqual([state, attempts]);
      expect(checkJobInvariants(job)).toEqual([]);
    }
    expect(jobAtTime(RETRIED, done ?? 0)).toMatchObject({ last_exit_code: 0, last_stdout: 'restored' });
    expect(jobAtTime(RETRIED, secondFail ?? 0)).toMatchObject({ error: 'timed out after 15m0s', last_exit_code: 124, retry_classification: 'transient' });
  });

  it('accepts a Date as well as an instant', () => {
    const t = T0 + 2000 * S;
    expect(jobAtTime(RETRIED, new Date(t / 1000))).toEqual(jobAtTime(RETRIED, t));
  });

  it('ends failed when every attempt fails transiently', () => {
    const exhausted: JobTimeline = { ...RETRIED, attempts: [attempt(1, 5, timeout), attempt(10, 5, timeout), attempt(20, 5, timeout), attempt(1, 1, { kind: 'success' })] };
    const job = jobAtTime(exhausted, T0 + 3600 * S);
    expect(job).toMatchObject({ state: 'failed', attempts: 3, retry_classification: 'transient' });
    expect(timelineEvents(exhausted)).toHaveLength(6);
  });

  it('stays pending while a retry is never claimed', () => {
    const stuck: JobTimeline = { ...RETRIED, attempts: [attempt(1, 5, timeout)] };
    const job = jobAtTime(stuck, T0 + 86_400 * S);
    expect(job).toMatchObject({ state: 'pending', attempts: 1 });
    expect(nextChangeAt(stuck, T0 + 86_400 * S)).toBeUndefined();
  });

  it('uses the lock the timeline names', () => {
    const kv: JobTimeline = { ...RETRIED, lockedResource: `kv:${identity.project_id}` };
    expect(jobAtTime(kv, T0 + 10 * S).locked_resource).toBe(`kv:${identity.project_id}`);
  });

  it('throws a RangeError before the job existed', () => {
    expect(() => jobAtTime(RETRIED, T0 - 1)).toThrow(RangeError);
  });

  it('throws an InvalidTimelineError for a timeline that goes back in time', () => {
    const backwards: JobTimeline = { ...RETRIED, attempts: [attempt(1, 5, timeout), { ...attempt(0, 1, { kind: 'success' }), claimDelayUs: -60 * S }] };
    expect(() => jobAtTime(backwards, T0 + 3600 * S)).toThrow(InvalidTimelineError);
  });
});

describe('nextChangeAt', () => {
  it('walks from change to change until the job ends', () => {
    const seen: number[] = [];
    for (let t: number | undefined = T0; t !== undefined; t = nextChangeAt(RETRIED, t)) seen.push(t);
    expect(seen.slice(1)).toEqual(timelineEvents(RETRIED).map((e) => e.at));
    const last = seen[seen.length - 1] ?? 0;
    expect(isTerminal(jobAtTime(RETRIED, last).state)).toBe(true);
    expect(jobAtTime(RETRIED, last - 1).state).not.toBe(jobAtTime(RETRIED, last).state);
  });
});

describe('any timeline, replayed at any times', () => {
  const outcomeArb = fc.oneof(
    fc.constant({ kind: 'success' as const }),
    fc.record({ kind: fc.constantFrom('transient' as const, 'permanent' as const), error: fc.constantFrom('disk full', 'exit status 1'), exitCode: fc.integer({ min: 1, max: 255 }) }),
  );
  const attemptArb = fc.record({
    // At least 1 µs apart, so each event has an instant of its own to be observed at.
    claimDelayUs: fc.integer({ min: 1, max: 120 * S }),
    startDelayUs: fc.nat(S),
    runUs: fc.integer({ min: 1, max: 1200 * S }),
    worker: fc.constantFrom('worker-capydb-db1-2231', 'worker-capydb-db2-918'),
    outcome: outcomeArb,
  });
  const timelineArb = fc.record({
    job: fc.record({ ...Object.fromEntries(Object.entries(identity).map(([k, v]) => [k, fc.constant(v)])), max_attempts: fc.integer({ min: 1, max: 4 }) }) as fc.Arbitrary<JobTimeline['job']>,
    createdAt: fc.constant(T0),
    attempts: fc.array(attemptArb, { maxLength: 5 }),
  });

  it('gives valid jobs whose states follow the legal order', () => {
    fc.assert(
      fc.property(timelineArb, fc.array(fc.nat(4 * 3600 * S), { minLength: 1, maxLength: 20 }), (timeline, offsets) => {
        let previous = jobAtTime(timeline, T0);
        for (const offset of [...offsets].sort((a, b) => a - b)) {
          const job = jobAtTime(timeline, T0 + offset);
          expect(checkJobInvariants(job)).toEqual([]);
          if (job.state !== previous.state) {
            // Between two samples several moves may have happened; attempts only grow.
            expect(job.attempts).toBeGreaterThanOrEqual(previous.attempts);
            expect(isTerminal(previous.state)).toBe(false);
          }
          expect(parseTimestamp(job.updated_at)).toBeGreaterThanOrEqual(parseTimestamp(previous.updated_at) ?? 0);
          previous = job;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('changes state only at the instants of its events, one legal move each', () => {
    fc.assert(
      fc.property(timelineArb, (timeline) => {
        let job = jobAtTime(timeline, T0);
        for (const { at } of timelineEvents(timeline)) {
          const next = jobAtTime(timeline, at);
          expect(canTransition(job.state, next.state)).toBe(true);
          expect(jobAtTime(timeline, at - 1).state).toBe(job.state);
          job = next;
        }
      }),
      { numRuns: 300 },
    );
  });
});
