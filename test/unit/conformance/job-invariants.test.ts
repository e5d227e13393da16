import { describe, expect, it } from 'vitest';
import { compareTimestamps, findJobInvariantViolations } from '../../../src/conformance/index.js';

const T = (s: number, micros = 0) => `2026-06-18T09:00:${String(s).padStart(2, '0')}.${String(micros).padStart(6, '0')}Z`;
const base = { id: 'job_1', type: 'project.backup', attempts: 1, max_attempts: 3, organization_id: 'org_1', created_at: T(0), updated_at: T(0) };
const running = { ...base, state: 'running', claimed_at: T(1), started_at: T(2), updated_at: T(2) };
const completed = { ...running, state: 'completed', completed_at: T(9), updated_at: T(9) };
const failed = { ...completed, state: 'failed', error: 'disk full' };

describe('findJobInvariantViolations', () => {
  it.each([
    ['a fresh pending job', { ...base, state: 'pending', attempts: 0 }],
    ['a retried pending job keeping its error', { ...base, state: 'pending', error: 'disk full', updated_at: T(5) }],
    ['a running job', running],
    ['a completed job', completed],
    ['a failed job at its last attempt', { ...failed, attempts: 3 }],
    ['microsecond-ordered timestamps', { ...running, claimed_at: T(1, 1), started_at: T(1, 2), updated_at: T(1, 2) }],
    ['null optional fields', { ...base, state: 'pending', claimed_at: null, completed_at: null }],
  ])('accepts %s', (_name, job) => {
    expect(findJobInvariantViolations(job)).toEqual([]);
  });

  it.each([
    ['claimed before created', { ...running, claimed_at: '2026-06-18T08:59:59.000000Z' }, 'created_at is after claimed_at'],
    ['started before claimed, by a microsecond', { ...running, claimed_at: T(1, 2), started_at: T(1, 1), updated_at: T(2) }, 'claimed_at is after started_at'],
    ['completed before started', { ...completed, completed_at: T(1, 5) }, 'started_at is after completed_at'],
    ['updated_at older than completed_at', { ...completed, updated_at: T(3) }, 'completed_at is after updated_at'],
    ['a completed job without completed_at', { ...completed, completed_at: undefined }, 'completed job without completed_at'],
    ['a failed job without completed_at', { ...failed, completed_at: null }, 'failed job without completed_at'],
    ['a running job with completed_at', { ...running, completed_at: T(9), updated_at: T(9) }, 'running job with completed_at'],
    ['a failed job without error', { ...failed, error: undefined }, 'failed job without error'],
    ['a failed job with an empty error', { ...failed, error: '' }, 'failed job without error'],
    ['more attempts than allowed', { ...running, attempts: 4 }, 'attempts 4 > max_attempts 3'],
  ])('flags %s', (_name, job, message) => {
    expect(findJobInvariantViolations(job)).toContain(message);
  });

  it('leaves malformed timestamps to the schema check', () => {
    expect(findJobInvariantViolations({ ...running, claimed_at: 'yesterday' })).toEqual([]);
  });
});

describe('compareTimestamps', () => {
  it.each([
    ['2026-06-18T09:00:00.000001Z', '2026-06-18T09:00:00.000002Z', -1],
    ['2026-06-18T09:00:00.000002Z', '2026-06-18T09:00:00.000001Z', 1],
    ['2026-06-18T09:00:00Z', '2026-06-18T09:00:00.000000Z', 0],
    ['2026-06-18T11:00:00+02:00', '2026-06-18T09:00:00Z', 0],
    ['2026-06-18T09:00:00.5Z', '2026-06-18T09:00:00.499999999Z', 1],
  ] as const)('%s vs %s → %i', (a, b, want) => {
    expect(compareTimestamps(a, b)).toBe(want);
  });

  it.each([['not a date'], ['2026-06-18 09:00:00Z'], ['2026-06-18T09:00:00']])('is undefined for %s', (bad) => {
    expect(compareTimestamps(bad, '2026-06-18T09:00:00Z')).toBeUndefined();
  });
});
