import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer, type RunningMockServer } from '../../mocks/server/index.js';
import { README_API_KEY, REVOKED_API_KEY } from '../../src/auth/dev-credentials.js';
import { createJobsClient, waitForJob, type WaitForJobOptions } from '../../src/client/index.js';
import type { FaultKind } from '../../src/faults/index.js';
import type { LiveOutcome } from '../../src/scenarios/index.js';

let server: RunningMockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, frozen: true });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.api.reset();
  server.api.clock.freeze();
});

/** waitForJob on the mock's clock: every sleep advances the frozen clock instead of waiting. */
function onMockClock(sleeps: number[] = [], states: string[] = []): WaitForJobOptions {
  return {
    now: () => server.api.clock.now().getTime(),
    sleep: async (ms) => {
      sleeps.push(ms);
      server.api.clock.advance(ms);
    },
    onProgress: ({ job }) => {
      if (states.at(-1) !== job.state) states.push(job.state);
    },
    timeoutMs: 6 * 60 * 60_000,
  };
}

function startLive(outcome: LiveOutcome): string {
  const started = server.api.startLiveJob({ type: 'instance.create', outcome });
  if (!started.ok) throw new Error(started.error);
  return started.value.id;
}

const client = (token = README_API_KEY) => createJobsClient({ baseUrl: server.url, token });

describe('waitForJob against the live mock over a socket', () => {
  it('sees pending → running → completed for a successful job', async () => {
    const states: string[] = [];
    const result = await waitForJob(client(), startLive('success'), onMockClock([], states));
    expect(result.ok).toBe(true);
    expect(states).toEqual(['pending', 'running', 'completed']);
    if (result.ok) expect(result.job.attempts).toBe(1);
  });

  it('completes a retry-then-success job with attempts 2', async () => {
    const result = await waitForJob(client(), startLive('retry-then-success'), onMockClock());
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.job.state).toBe('completed');
      expect(result.job.attempts).toBe(2);
    }
  });

  it.each([['retries-exhausted'], ['permanent-failure']] as const)('reports job-failed for %s', async (outcome) => {
    const result = await waitForJob(client(), startLive(outcome), onMockClock());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('job-failed');
      if (result.error.kind === 'job-failed') expect(result.error.job.state).toBe('failed');
    }
  });

  it('stops at once on 401, polling a single time', async () => {
    const id = startLive('success');
    const sleeps: number[] = [];
    const result = await waitForJob(client(REVOKED_API_KEY), id, onMockClock(sleeps));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('rejected');
      if (result.error.kind === 'rejected') expect(result.error.status).toBe(401);
    }
    expect(sleeps).toEqual([]);
  });
});

describe('waitForJob through injected faults', () => {
  it.each<readonly [FaultKind, number | undefined]>([
    ['server-error', 500],
    ['bad-gateway', 502],
    ['unavailable', 503],
    ['rate-limit', 429],
    ['reset', undefined],
    ['truncate', undefined],
  ])('tolerates two %s answers, then completes; the journal shows them', async (kind, status) => {
    const id = startLive('success');
    server.api.faults.add({ fault: { kind }, probability: 1, operation: 'getJob', remaining: 2 });
    const result = await waitForJob(client(), id, onMockClock());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.job.state).toBe('completed');
    const faulted = server.api.journal.entries().filter((e) => e.fault === kind);
    expect(faulted).toHaveLength(2);
    if (status !== undefined) expect(faulted.every((e) => e.status === status)).toBe(true);
  });

  it('honours Retry-After on 429', async () => {
    const id = startLive('success');
    server.api.faults.add({ fault: { kind: 'rate-limit', retryAfterSeconds: 7 }, probability: 1, operation: 'getJob', remaining: 1 });
    const sleeps: number[] = [];
    const result = await waitForJob(client(), id, { ...onMockClock(sleeps), initialIntervalMs: 1_000 });
    expect(result.ok).toBe(true);
    expect(sleeps[0]).toBe(7_000);
  });

  it('gives up as unreachable when the faults never stop', async () => {
    const id = startLive('success');
    server.api.faults.add({ fault: { kind: 'unavailable' }, probability: 1, operation: 'getJob' });
    const result = await waitForJob(client(), id, { ...onMockClock(), maxConsecutiveFailures: 3 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('unreachable');
  });
});
