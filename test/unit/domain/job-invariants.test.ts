import { describe, expect, it } from 'vitest';
import type { Job } from '../../../src/api/types.js';
import { INVARIANT_RULES, checkJobInvariants, type InvariantRule } from '../../../src/domain/index.js';
import { COMPLETED, CREATED, ENDED, FAILED_EXHAUSTED, FAILED_PERMANENT, PENDING, RETRYING, RUNNING, RUNNING_PREVIEW, VALID_JOBS } from './fixtures.js';

/** A job that breaks one rule, built from a valid one. Fields set to `undefined` are removed. */
const broken = (base: Job, changes: Record<string, unknown>): Job => {
  const out: Record<string, unknown> = { ...base, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete out[key];
  return out as unknown as Job;
};

const CASES: readonly (readonly [InvariantRule, string, Job])[] = [
  ['timestamp-format', 'a created_at without a time zone', broken(PENDING, { created_at: '2026-06-18 09:00:00', updated_at: '2026-06-18 09:00:00' })],
  ['timestamp-format', 'a day that does not exist', broken(PENDING, { created_at: '2026-02-30T09:00:00.000000Z', updated_at: '2026-02-30T09:00:00.000000Z' })],
  ['timestamps-ordered', 'started before it was claimed', broken(COMPLETED, { started_at: '2026-06-18T09:00:01.100000Z' })],
  ['timestamps-ordered', 'claimed before it was created', broken(RUNNING, { created_at: '2026-06-18T09:00:02.000000Z' })],
  ['updated-at-latest', 'updated before it completed', broken(COMPLETED, { updated_at: STARTED_PLUS(1) })],
  ['updated-at-latest', 'updated after the latest event of a running job', broken(RUNNING, { updated_at: ENDED })],
  ['attempts-range', 'a fractional attempt count', broken(RUNNING, { attempts: 1.5 })],
  ['attempts-range', 'max_attempts of 0', broken(PENDING, { max_attempts: 0 })],
  ['attempts-within-max', 'more attempts than allowed', broken(FAILED_EXHAUSTED, { attempts: 4 })],
  ['terminal-has-completed-at', 'completed without completed_at', broken(COMPLETED, { completed_at: undefined })],
  ['terminal-has-completed-at', 'failed with completed_at null', broken(FAILED_PERMANENT, { completed_at: null })],
  ['terminal-unlocked', 'completed but still locked', broken(COMPLETED, { locked_resource: 'project:prj_k3v9q2m7x4t8w1z6b5n0' })],
  ['terminal-keeps-claim', 'failed without claimed_by', broken(FAILED_PERMANENT, { claimed_by: undefined })],
  ['failed-has-error', 'failed without an error', broken(FAILED_PERMANENT, { error: null })],
  ['failed-has-error', 'failed with an empty error', broken(FAILED_PERMANENT, { error: '' })],
  ['completed-has-no-error', 'completed with an error', broken(COMPLETED, { error: 'disk full' })],
  ['completed-exit-code-zero', 'completed with exit code 1', broken(COMPLETED, { last_exit_code: 1 })],
  ['running-has-claim', 'running without a lock', broken(RUNNING, { locked_resource: undefined })],
  ['running-has-claim', 'running with claimed_by null', broken(RUNNING, { claimed_by: null })],
  ['running-has-claim', 'running without an attempt', broken(RUNNING, { attempts: 0 })],
  ['pending-has-no-claim', 'pending with a worker', broken(PENDING, { claimed_by: 'worker-capydb-db3-4127' })],
  ['pending-has-no-claim', 'pending with a lock', broken(RETRYING, { locked_resource: 'project:prj_k3v9q2m7x4t8w1z6b5n0' })],
  ['pending-has-attempts-left', 'pending with every attempt used', broken(RETRYING, { attempts: 3 })],
  ['non-terminal-has-no-completed-at', 'running with completed_at', broken(RUNNING, { completed_at: RUNNING.started_at })],
  ['retry-keeps-last-error', 'a retry that lost its error', broken(RETRYING, { error: undefined, retry_classification: undefined })],
  ['retry-is-transient', 'retried after a permanent failure', broken(RETRYING, { retry_classification: 'permanent' })],
  ['first-attempt-has-no-failure', 'first attempt with stderr', broken(RUNNING, { last_stderr: 'psql: error' })],
  ['first-attempt-has-no-failure', 'never attempted but has an exit code', broken(PENDING, { last_exit_code: 1 })],
  ['failed-transient-exhausted', 'failed on a transient failure with attempts left', broken(FAILED_PERMANENT, { retry_classification: 'transient' })],
  ['classification-known', 'an unknown classification', broken(FAILED_PERMANENT, { retry_classification: 'flaky' })],
  ['classification-needs-error', 'completed with a classification', broken(COMPLETED, { retry_classification: 'transient' })],
  ['error-exit-code-nonzero', 'failed with exit code 0', broken(FAILED_PERMANENT, { last_exit_code: 0 })],
  ['exit-code-range', 'exit code 300', broken(FAILED_PERMANENT, { last_exit_code: 300 })],
  ['id-prefixes', 'a project id without prj_', broken(COMPLETED, { project_id: 'proj_1' })],
  ['id-prefixes', 'a bare job id', broken(PENDING, { id: 'job_' })],
  ['preview-has-project', 'a preview job without its project', broken(PENDING, { preview_database_id: 'pvw_q7x2m9k4t1w8z3b6n5v0', project_id: undefined })],
  ['lock-names-target', 'a lock on another project', broken(RUNNING, { locked_resource: 'project:prj_other' })],
  ['lock-names-target', 'a preview job locked on its project', broken(RUNNING_PREVIEW, { locked_resource: 'project:prj_k3v9q2m7x4t8w1z6b5n0' })],
];

function STARTED_PLUS(seconds: number): string {
  return `2026-06-18T09:00:0${1 + seconds}.300000Z`;
}

describe('checkJobInvariants', () => {
  it.each(Object.entries(VALID_JOBS))('finds nothing wrong with a valid %s job', (_name, job) => {
    expect(checkJobInvariants(job)).toEqual([]);
  });

  it.each(CASES)('catches %s: %s', (rule, _why, job) => {
    const violations = checkJobInvariants(job);
    expect(violations.map((v) => v.rule)).toContain(rule);
    for (const v of violations) expect(v.message.length).toBeGreaterThan(0);
  });

  it('has a broken job for every rule it knows', () => {
    const covered = new Set(CASES.map(([rule]) => rule));
    expect([...Object.keys(INVARIANT_RULES)].filter((rule) => !covered.has(rule as InvariantRule))).toEqual([]);
  });

  it('uses stable kebab-case rule ids', () => {
    for (const rule of Object.keys(INVARIANT_RULES)) expect(rule).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('treats null and absent fields alike', () => {
    const withNulls = { ...COMPLETED, error: null, locked_resource: null, preview_database_id: null, retry_classification: null } as Job;
    expect(checkJobInvariants(withNulls)).toEqual([]);
    expect(checkJobInvariants({ ...RUNNING, locked_resource: null } as Job).map((v) => v.rule)).toEqual(['running-has-claim']);
  });

  it('reports every violation, not only the first', () => {
    const job = broken(COMPLETED, { error: 'disk full', last_exit_code: 1, locked_resource: 'project:prj_k3v9q2m7x4t8w1z6b5n0', attempts: 5 });
    const rules = checkJobInvariants(job).map((v) => v.rule);
    expect(rules).toEqual(expect.arrayContaining(['completed-has-no-error', 'completed-exit-code-zero', 'terminal-unlocked', 'attempts-within-max']));
  });

  it('accepts timestamps without fractions or with nanoseconds', () => {
    expect(checkJobInvariants({ ...PENDING, created_at: '2026-06-18T09:00:00Z', updated_at: '2026-06-18T09:00:00.000000000Z' })).toEqual([]);
    expect(checkJobInvariants({ ...RETRYING, updated_at: CREATED })).toEqual([]);
  });
});
