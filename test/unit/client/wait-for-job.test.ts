import { describe, expect, it } from 'vitest';
import { createJobsClient, InvalidWaitOptionsError, waitForJob, type WaitForJobOptions, type WaitForJobProgress } from '../../../src/client/index.js';
import { html502, jobAnswer, json, scriptedFetch, type Scripted } from './fake-jobs-api.js';

const JOB_ID = 'job_7f3k9q2m4x8t1w6z5b0n3c';
const running = jobAnswer('running');
const completed = jobAnswer('completed');
const transient: Record<string, Scripted> = {
  network: { networkError: 'fetch failed' },
  '500': json(500, { error: 'internal server error' }),
  '503': json(503, { error: 'service unavailable' }),
  'html 502': html502,
  '429': json(429, { error: 'rate limit exceeded' }),
};
const fiveTransient = Object.values(transient);

/** waitForJob on a fake clock: `sleep` advances `now` instantly and records each delay. */
function harness(script: readonly Scripted[]) {
  const fake = scriptedFetch(script);
  const client = createJobsClient({ baseUrl: 'http://api.test', token: 'capy_live_abc', fetch: fake.fetch });
  let clock = 1_750_000_000_000;
  const sleeps: number[] = [];
  const progress: WaitForJobProgress[] = [];
  const run = (options: WaitForJobOptions = {}) =>
    waitForJob(client, JOB_ID, {
      now: () => clock,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
      onProgress: (p) => progress.push(p),
      ...options,
    });
  return { run, sleeps, progress, requests: fake.requests };
}

describe('waitForJob: polling to a terminal state', () => {
  it('follows pending → running → completed with the CLI backoff 2, 4, 8, 10, 10 s', async () => {
    const h = harness([jobAnswer('pending'), jobAnswer('pending'), running, running, running, completed]);
    const result = await h.run();
    expect(result.ok && result.job.state).toBe('completed');
    expect(h.sleeps).toEqual([2000, 4000, 8000, 10000, 10000]);
    expect(h.progress.map((p) => [p.attempt, p.job.state, p.elapsedMs])).toEqual([
      [1, 'pending', 0],
      [2, 'pending', 2000],
      [3, 'running', 6000],
      [4, 'running', 14000],
      [5, 'running', 24000],
      [6, 'completed', 34000],
    ]);
    expect(h.requests.every((r) => new URL(r.url).pathname === `/v1/jobs/${JOB_ID}`)).toBe(true);
  });

  it('returns at once when the first poll is already completed', async () => {
    const h = harness([completed]);
    expect((await h.run()).ok).toBe(true);
    expect(h.sleeps).toEqual([]);
  });

  it('treats failed as terminal, reporting the job and its error', async () => {
    const h = harness([jobAnswer('pending'), jobAnswer('failed', { type: 'project.restore', error: 'disk full' }), running]);
    const result = await h.run();
    if (result.ok || result.error.kind !== 'job-failed') throw new Error(`expected job-failed, got ${JSON.stringify(result)}`);
    expect(result.error.job.state).toBe('failed');
    expect(result.error.message).toBe(`job ${JOB_ID} (project.restore) ended in failed: disk full`);
    expect(h.requests).toHaveLength(2);
  });

  it('honours a custom schedule', async () => {
    const h = harness([running, running, running, running, completed]);
    await h.run({ initialIntervalMs: 1000, backoffFactor: 3, maxIntervalMs: 5000 });
    expect(h.sleeps).toEqual([1000, 3000, 5000, 5000]);
  });
});

describe('waitForJob: errors', () => {
  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden: missing scope jobs:read'],
    [404, 'job not found'],
    [400, 'bad request'],
  ])('gives up at once on %i', async (status, message) => {
    const h = harness([running, json(status, { error: message }), running]);
    const result = await h.run();
    if (result.ok || result.error.kind !== 'rejected') throw new Error(`expected rejected, got ${JSON.stringify(result)}`);
    expect(result.error.status).toBe(status);
    expect(result.error.message).toBe(`poll job ${JOB_ID}: ${status} ${message}`);
    expect(h.requests).toHaveLength(2);
  });

  it('tolerates 5 transient errors in a row (network, 500, 503, HTML 502, 429)', async () => {
    const h = harness([...fiveTransient, completed]);
    const result = await h.run();
    expect(result.ok).toBe(true);
    expect(h.requests).toHaveLength(6);
    expect(h.progress.map((p) => p.attempt)).toEqual([6]);
  });

  it('gives up on the 6th transient error in a row with the CLI message', async () => {
    const h = harness([...fiveTransient, transient['503']!, completed]);
    const result = await h.run();
    if (result.ok || result.error.kind !== 'unreachable') throw new Error(`expected unreachable, got ${JSON.stringify(result)}`);
    expect(result.error.message).toBe(`poll job ${JOB_ID}: giving up after 5 consecutive failures`);
    expect(result.error.cause).toMatchObject({ kind: 'http', status: 503 });
    expect(h.requests).toHaveLength(6);
  });

  it('resets the failure count after a successful poll', async () => {
    const h = harness([...fiveTransient, running, ...fiveTransient, completed]);
    expect((await h.run()).ok).toBe(true);
    expect(h.requests).toHaveLength(12);
  });

  it.each([
    ['429 with Retry-After 7 waits 7 s', json(429, { error: 'rate limit exceeded' }, { 'Retry-After': '7' }), 7000],
    ['503 with Retry-After 30 waits 30 s', json(503, { error: 'service unavailable' }, { 'Retry-After': '30' }), 30000],
    ['429 without Retry-After waits the interval', json(429, { error: 'rate limit exceeded' }), 2000],
  ])('%s', async (_name, answer, expectedDelay) => {
    const h = harness([answer, completed]);
    expect((await h.run()).ok).toBe(true);
    expect(h.sleeps).toEqual([expectedDelay]);
  });
});

describe('waitForJob: timeout and abort', () => {
  it('times out after timeoutMs without polling past the deadline', async () => {
    const h = harness(Array<Scripted>(20).fill(running));
    const result = await h.run({ timeoutMs: 30_000 });
    if (result.ok || result.error.kind !== 'timeout') throw new Error(`expected timeout, got ${JSON.stringify(result)}`);
    expect(result.error.message).toBe(`timed out waiting for job ${JOB_ID} after 30s`);
    expect(result.error.job?.state).toBe('running');
    expect(h.sleeps).toEqual([2000, 4000, 8000, 10000, 6000]);
    expect(h.requests).toHaveLength(5);
  });

  it('defaults to the CLI\'s 30 minutes', async () => {
    const h = harness(Array<Scripted>(200).fill(running));
    const result = await h.run();
    expect(!result.ok && result.error.message).toBe(`timed out waiting for job ${JOB_ID} after 30m0s`);
    expect(h.sleeps.reduce((a, b) => a + b, 0)).toBe(30 * 60_000);
  });

  it('completes when the job finishes just before the deadline', async () => {
    const h = harness([running, running, running, running, completed]);
    expect((await h.run({ timeoutMs: 24_001 })).ok).toBe(true);
  });

  it('stops when the signal aborts between polls', async () => {
    const h = harness([running, running, running, completed]);
    const controller = new AbortController();
    const result = await h.run({ signal: controller.signal, onProgress: (p) => p.attempt === 2 && controller.abort() });
    expect(!result.ok && result.error.kind).toBe('aborted');
    expect(h.requests).toHaveLength(2);
  });

  it('does not poll when the signal is already aborted', async () => {
    const h = harness([completed]);
    const result = await h.run({ signal: AbortSignal.abort() });
    expect(!result.ok && result.error.kind).toBe('aborted');
    expect(h.requests).toHaveLength(0);
  });

  it('turns a sleep that rejects on abort into an aborted result', async () => {
    const h = harness([running, completed]);
    const controller = new AbortController();
    const result = await h.run({
      signal: controller.signal,
      sleep: async () => {
        controller.abort();
        throw new DOMException('aborted', 'AbortError');
      },
    });
    expect(!result.ok && result.error.kind).toBe('aborted');
  });

  it('wakes the default sleep when the signal aborts', async () => {
    const fake = scriptedFetch([running, completed]);
    const client = createJobsClient({ baseUrl: 'http://api.test', fetch: fake.fetch });
    const controller = new AbortController();
    // A one-hour first interval: only an abort-aware sleep lets this test finish.
    const pending = waitForJob(client, JOB_ID, { signal: controller.signal, initialIntervalMs: 3_600_000, maxIntervalMs: 3_600_000, timeoutMs: 7_200_000 });
    setTimeout(() => controller.abort(), 1);
    const result = await pending;
    expect(!result.ok && result.error.kind).toBe('aborted');
  });
});

describe('waitForJob: misuse', () => {
  it.each<[string, WaitForJobOptions]>([
    ['timeoutMs 0', { timeoutMs: 0 }],
    ['negative interval', { initialIntervalMs: -1 }],
    ['max below initial', { initialIntervalMs: 5000, maxIntervalMs: 1000 }],
    ['factor below 1', { backoffFactor: 0.5 }],
    ['fractional failure budget', { maxConsecutiveFailures: 1.5 }],
  ])('throws InvalidWaitOptionsError for %s', async (_name, options) => {
    const h = harness([completed]);
    await expect(h.run(options)).rejects.toBeInstanceOf(InvalidWaitOptionsError);
    expect(h.requests).toHaveLength(0);
  });

  it('accepts the defaults and Infinity as a timeout', async () => {
    const h = harness([completed]);
    expect((await h.run({ timeoutMs: Infinity })).ok).toBe(true);
  });
});
