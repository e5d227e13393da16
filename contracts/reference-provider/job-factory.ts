import type { JobState } from '../../src/api/types.js';
import type { JobRow } from './store.js';

/** What varies between the reference provider's jobs. */
export interface JobSpec {
  readonly id: string;
  readonly organizationId: string;
  readonly projectId: string | null;
  readonly clusterId: string | null;
  readonly state: JobState;
  /** Creation time, in milliseconds since the epoch. */
  readonly createdAtMs: number;
  /** Picks the type, worker and messages, so that neighbouring jobs differ. */
  readonly variant: number;
}

const TYPES = ['instance.create', 'project.backup', 'branch.create', 'project.restore', 'instance.sleep', 'instance.wake', 'project.upgrade_minor', 'kv.create'];
const WORKERS = ['worker-capydb-db1-2231', 'worker-capydb-db2-918', 'worker-capydb-db3-4127'];
const FAILURES = [
  { error: 'disk full', stderr: 'zfs: cannot create snapshot: out of space', exit: 1 },
  { error: 'timed out after 15m0s', stderr: 'pg_restore: still restoring table "public.events"', exit: 124 },
  { error: 'pg_restore: error: could not execute query: ERROR: out of shared memory', stderr: 'HINT:  You might need to increase max_locks_per_transaction.', exit: 1 },
];

/**
 * RFC 3339 UTC with microseconds, the way the Go backend prints it.
 * @example
 * toGoTimestamp(Date.UTC(2026, 5, 18), 42); // '2026-06-18T00:00:00.000042Z'
 */
export function toGoTimestamp(ms: number, extraMicros = 0): string {
  const iso = new Date(ms).toISOString(); // 2026-06-18T00:00:00.000Z
  return `${iso.slice(0, 23)}${String(extraMicros % 1000).padStart(3, '0')}Z`;
}

/**
 * A complete, internally consistent job row in the given state.
 * @example
 * buildJob({ id: 'job_ref_1', organizationId: 'org_ref_alpha', projectId: 'prj_ref_app', clusterId: null, state: 'failed', createdAtMs: 0, variant: 0 }).completed_at;
 */
export function buildJob(spec: JobSpec): JobRow {
  const v = spec.variant;
  const at = (offsetMs: number) => toGoTimestamp(spec.createdAtMs + offsetMs, (v * 137 + offsetMs) % 1000);
  const created = at(0);
  const claimed = at(1_200);
  const started = at(1_350);
  const finished = at(1_350 + 60_000 + (v % 7) * 13_000);
  const failure = FAILURES[v % FAILURES.length] ?? FAILURES[0]!;
  const base: JobRow = {
    id: spec.id,
    type: spec.projectId === null ? 'host.health_probe' : (TYPES[v % TYPES.length] ?? 'instance.create'),
    state: spec.state,
    attempts: 0,
    max_attempts: 3,
    organization_id: spec.organizationId,
    project_id: spec.projectId,
    preview_database_id: null,
    cluster_id: spec.clusterId,
    claimed_at: null,
    claimed_by: null,
    started_at: null,
    completed_at: null,
    created_at: created,
    updated_at: created,
    locked_resource: null,
    error: null,
    last_exit_code: null,
    last_stdout: null,
    last_stderr: null,
    retry_classification: null,
  };
  const claim = { claimed_at: claimed, claimed_by: WORKERS[v % WORKERS.length] ?? null, started_at: started };
  switch (spec.state) {
    case 'pending':
      // Every third pending job is a retry after a transient failure: it keeps the error.
      return v % 3 === 2
        ? { ...base, attempts: 1, updated_at: at(90_000), error: failure.error, last_exit_code: failure.exit, last_stderr: failure.stderr, retry_classification: 'transient' }
        : base;
    case 'running':
      return { ...base, ...claim, attempts: 1, updated_at: started, locked_resource: spec.projectId === null ? null : `project:${spec.projectId}` };
    case 'completed':
      // The Go backend omits exit code 0, so it is stored as NULL.
      return { ...base, ...claim, attempts: 1, completed_at: finished, updated_at: finished, last_stdout: 'pg_dump: saving database definition' };
    case 'failed':
      return {
        ...base,
        ...claim,
        attempts: v % 2 === 0 ? 3 : 1,
        completed_at: finished,
        updated_at: finished,
        error: failure.error,
        last_exit_code: failure.exit,
        last_stderr: failure.stderr,
        retry_classification: v % 2 === 0 ? 'transient' : 'permanent',
      };
  }
}
