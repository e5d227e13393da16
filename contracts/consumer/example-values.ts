import type { JobState } from '../../src/api/types.js';

/**
 * Realistic example values of the consumer contract. The consumer test's client sends exactly
 * these; during verification Pact replaces ids and tokens with the values the provider state
 * answers, so a real backend with its own ids passes.
 */
export const EXAMPLE_PROJECT_ID = 'prj_k3v9q2m7x4t8w1z6b5n0';
/** An API key with `jobs:read` of the example project's organization. */
export const EXAMPLE_TOKEN = 'capy_live_8d2k5q9m1x7t4w3z6b0n2c5v';
/** An unknown project / job id, as a backend would never have issued it. */
export const EXAMPLE_UNKNOWN_PROJECT_ID = 'prj_0000000000000000zzzz';
export const EXAMPLE_UNKNOWN_JOB_ID = 'job_0000000000000000zzzzzz';
/** The page size of the explicit-limit interaction (a project with jobs holds more than this). */
export const EXAMPLE_LIMIT = 5;
/** A `limit` outside 1..100 for the 400 interaction. */
export const EXAMPLE_BAD_LIMIT = 0;

/** One example job per state: the fields the contract asserts, with the spec's example values. */
export interface ExampleJob {
  readonly id: string;
  readonly type: string;
  readonly state: JobState;
  readonly attempts: number;
  readonly max_attempts: number;
  readonly created_at: string;
  readonly updated_at: string;
  readonly completed_at?: string;
  readonly error?: string;
}

export const EXAMPLE_JOBS: Readonly<Record<JobState, ExampleJob>> = {
  pending: {
    id: 'job_7f3k9q2m4x8t1w6z5b0n3c',
    type: 'instance.create',
    state: 'pending',
    attempts: 0,
    max_attempts: 3,
    created_at: '2026-06-18T09:12:33.481923Z',
    updated_at: '2026-06-18T09:12:33.481923Z',
  },
  running: {
    id: 'job_2b8w5z1q7m3k9x4t6n0v8c',
    type: 'branch.create',
    state: 'running',
    attempts: 1,
    max_attempts: 3,
    created_at: '2026-06-18T09:05:01.930551Z',
    updated_at: '2026-06-18T09:05:02.204117Z',
  },
  completed: {
    id: 'job_9x4t6n0v2b8w5z1q7m3k1d',
    type: 'project.backup',
    state: 'completed',
    attempts: 1,
    max_attempts: 3,
    created_at: '2026-06-18T03:00:00.812007Z',
    updated_at: '2026-06-18T03:02:47.090415Z',
    completed_at: '2026-06-18T03:02:47.090415Z',
  },
  failed: {
    id: 'job_4k1d9x4t6n0v2b8w5z1q7m',
    type: 'project.restore',
    state: 'failed',
    attempts: 3,
    max_attempts: 3,
    created_at: '2026-06-17T22:20:44.019873Z',
    updated_at: '2026-06-17T22:56:10.431006Z',
    completed_at: '2026-06-17T22:56:10.431006Z',
    error: 'pg_restore: error: could not execute query: ERROR: out of shared memory',
  },
};
