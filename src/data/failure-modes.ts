import type { RetryClassification } from '../domain/index.js';
import { Rng, pickWeighted, weightedTable, type WeightedTable } from './prng.js';
import { JOB_TYPE_DURATIONS, JOB_TYPE_PROFILES, type JobFamily } from './job-types.js';
import { clusterHosts, hashString } from './workers.js';
import { formatGoDuration as formatDurationMs } from '../domain/index.js';

/**
 * How attempts fail, with real-looking tails of stderr. The tools and messages are those of the
 * stack CapyDB runs (PostgreSQL tools, ZFS, systemd `capydb-pg@` units); which job hits which
 * failure, the exit codes of the wrapper and the `retry_classification` are invented.
 */

/** Facts a failure message may mention. */
export interface FailureContext {
  readonly rng: Rng;
  readonly type: string;
  readonly projectId: string;
  readonly previewId: string | undefined;
  readonly timeoutSeconds: number;
  /** Private address of the database host. */
  readonly hostIp: string;
  /** Pid of the job's process. */
  readonly pid: number;
}

/** When in the attempt the failure happens. */
export type FailureTiming = 'timeout' | 'early' | 'partway';

/** One way an attempt fails. */
export interface FailureMode {
  readonly id: string;
  readonly families: readonly JobFamily[];
  readonly classification: RetryClassification;
  readonly timing: FailureTiming;
  readonly weight: number;
  /** Omitted when the attempt failed before any process ran. */
  readonly exitCode?: number;
  error(c: FailureContext): string;
  stderr?(c: FailureContext): string;
  stdout?(c: FailureContext): string;
}

const DB_FAMILIES: readonly JobFamily[] = ['provision', 'dump', 'restore', 'import', 'credentials', 'extension', 'upgrade'];
const TABLES = ['orders', 'order_items', 'customers', 'events', 'sessions', 'invoices', 'line_items', 'audit_log'];
const EXTENSIONS = ['timescaledb', 'pg_partman', 'plv8', 'pg_cron', 'postgis_raster'];

const target = (c: FailureContext): string => c.previewId ?? c.projectId;
const pgTool = (c: FailureContext): string =>
  c.type.startsWith('project.backup') || c.type === 'project.export' ? 'pg_dump' : c.type.includes('restore') || c.type.includes('import') ? 'pg_restore' : 'psql';
const toolFor = (c: FailureContext): string => {
  if (c.type === 'project.upgrade_major') return 'pg_upgrade';
  if (c.type.startsWith('instance.') || c.type === 'branch.create') return 'zfs';
  return pgTool(c);
};
const commandFor = (c: FailureContext): string => {
  const tool = toolFor(c);
  if (tool === 'pg_dump') return `pg_dump --format=custom --compress=zstd:3 --file=/var/lib/capydb/backups/${c.projectId}.dump postgres`;
  if (tool === 'pg_restore') return `pg_restore --jobs=4 --no-owner --exit-on-error --dbname=postgres /var/lib/capydb/restore/${target(c)}.dump`;
  if (tool === 'pg_upgrade') return `pg_upgrade --link --jobs=4 -d /tank/capydb/${c.projectId}/17 -D /tank/capydb/${c.projectId}/18`;
  if (tool === 'zfs') return `zfs send -c tank/capydb/${c.projectId}@capydb-auto | zfs recv -u tank/capydb/${target(c)}`;
  return `psql -v ON_ERROR_STOP=1 --dbname=postgres --file=/run/capydb/jobs/${c.pid}.sql`;
};
const formatGoDuration = (seconds: number): string => formatDurationMs(seconds * 1000);

/** Every failure the generator knows. */
export const FAILURE_MODES: readonly FailureMode[] = [
  {
    id: 'timeout',
    families: ['provision', 'instance', 'branch', 'dump', 'restore', 'import', 'upgrade', 'plan', 'integration', 'kv'],
    classification: 'transient',
    timing: 'timeout',
    weight: 3,
    exitCode: 124,
    error: (c) => `timed out after ${formatGoDuration(c.timeoutSeconds)}`,
    stderr: (c) => `timeout: sending signal TERM to command '${toolFor(c)}'`,
  },
  {
    id: 'oom-kill',
    families: ['provision', 'dump', 'restore', 'import', 'upgrade'],
    classification: 'transient',
    timing: 'partway',
    weight: 2,
    exitCode: 137,
    error: (c) => `${toolFor(c)} was killed (out of memory)`,
    stderr: (c) => `/usr/lib/capydb/agent/run-job: line 88: ${c.pid} Killed                  ${commandFor(c)}`,
  },
  {
    id: 'connection-refused',
    families: DB_FAMILIES,
    classification: 'transient',
    timing: 'early',
    weight: 3,
    exitCode: 2,
    error: () => 'could not connect to the database: connection refused',
    stderr: (c) =>
      `${pgTool(c)}: error: connection to server at "${c.hostIp}", port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?`,
  },
  {
    id: 'dump-connection-lost',
    families: ['dump'],
    classification: 'transient',
    timing: 'partway',
    weight: 2,
    exitCode: 1,
    error: () => 'pg_dump exited with status 1',
    stderr: (c) =>
      `pg_dump: error: Dumping the contents of table "${c.rng.pick(TABLES)}" failed: PQgetResult() failed.\npg_dump: detail: Error message from server: server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.`,
  },
  {
    id: 'restore-shared-memory',
    families: ['restore', 'import'],
    classification: 'permanent',
    timing: 'partway',
    weight: 2,
    exitCode: 1,
    error: () => 'pg_restore exited with status 1',
    stderr: (c) => {
      const table = c.rng.pick(TABLES);
      return `pg_restore: error: could not execute query: ERROR:  out of shared memory\nHINT:  You might need to increase "max_locks_per_transaction".\nCommand was: CREATE INDEX ${table}_created_at_idx ON public.${table} USING btree (created_at);\npg_restore: warning: errors ignored on restore: 1`;
    },
  },
  {
    id: 'restore-missing-role',
    families: ['restore', 'import'],
    classification: 'permanent',
    timing: 'early',
    weight: 1,
    exitCode: 1,
    error: () => 'pg_restore exited with status 1',
    stderr: (c) => {
      const table = c.rng.pick(TABLES);
      return `pg_restore: error: could not execute query: ERROR:  role "app_readonly" does not exist\nCommand was: ALTER TABLE public.${table} OWNER TO app_readonly;`;
    },
  },
  {
    id: 'disk-full',
    families: ['provision', 'branch', 'dump', 'restore', 'import', 'plan'],
    classification: 'permanent',
    timing: 'partway',
    weight: 2,
    exitCode: 1,
    error: () => 'disk full',
    stderr: (c) =>
      pgTool(c) === 'pg_dump'
        ? 'pg_dump: error: could not write to output file: No space left on device'
        : `cannot receive new filesystem stream: out of space\nwarning: cannot send 'tank/capydb/${c.projectId}@capydb-auto': signal received`,
  },
  {
    id: 'unit-failed',
    families: ['provision', 'instance'],
    classification: 'transient',
    timing: 'early',
    weight: 3,
    exitCode: 1,
    error: (c) => `capydb-pg@${target(c)}.service failed to start`,
    stderr: (c) =>
      `Job for capydb-pg@${target(c)}.service failed because the control process exited with error code.\nSee "systemctl status capydb-pg@${target(c)}.service" and "journalctl -xeu capydb-pg@${target(c)}.service" for details.`,
  },
  {
    id: 'dataset-busy',
    families: ['instance', 'branch', 'plan'],
    classification: 'transient',
    timing: 'early',
    weight: 2,
    exitCode: 1,
    error: () => 'exit status 1',
    stderr: (c) => `cannot unmount '/tank/capydb/${target(c)}': pool or dataset is busy`,
  },
  {
    id: 'dataset-exists',
    families: ['branch'],
    classification: 'permanent',
    timing: 'early',
    weight: 2,
    exitCode: 1,
    error: () => 'zfs clone failed: dataset already exists',
    stderr: (c) => `cannot create 'tank/capydb/${target(c)}': dataset already exists`,
  },
  {
    id: 'extension-not-available',
    families: ['extension'],
    classification: 'permanent',
    timing: 'early',
    weight: 3,
    exitCode: 3,
    error: () => 'psql exited with status 3',
    stderr: (c) => {
      const ext = c.rng.pick(EXTENSIONS);
      return `psql:/run/capydb/jobs/${c.pid}.sql:1: ERROR:  extension "${ext}" is not available\nDETAIL:  Could not open extension control file "/usr/share/postgresql/17/extension/${ext}.control": No such file or directory.\nHINT:  The extension must first be installed on the system where PostgreSQL is running.`;
    },
  },
  {
    id: 'lock-timeout',
    families: ['credentials', 'extension', 'upgrade'],
    classification: 'transient',
    timing: 'early',
    weight: 2,
    exitCode: 3,
    error: () => 'psql exited with status 3',
    stderr: (c) => `psql:/run/capydb/jobs/${c.pid}.sql:2: ERROR:  canceling statement due to lock timeout`,
  },
  {
    id: 'role-missing',
    families: ['credentials'],
    classification: 'permanent',
    timing: 'early',
    weight: 1,
    exitCode: 3,
    error: () => 'psql exited with status 3',
    stderr: (c) => `psql:/run/capydb/jobs/${c.pid}.sql:1: ERROR:  role "capy_app" does not exist`,
  },
  {
    id: 'upgrade-incompatible',
    families: ['upgrade'],
    classification: 'permanent',
    timing: 'partway',
    weight: 2,
    exitCode: 1,
    error: () => 'pg_upgrade check failed: incompatible objects found',
    stderr: () =>
      'Checking for incompatible polymorphic functions                fatal\n\nYour installation contains user-defined objects that refer to internal\npolymorphic functions with arguments of type "anyarray" or "anyelement".\nThese user-defined objects must be dropped before upgrading and restored\nafterwards.\nFailure, exiting',
  },
  {
    id: 'kv-unreachable',
    families: ['kv'],
    classification: 'transient',
    timing: 'early',
    weight: 2,
    exitCode: 1,
    error: () => 'kv store unreachable: connection refused',
    stderr: (c) => `Could not connect to Redis at ${c.hostIp}:6379: Connection refused`,
  },
  {
    id: 'kv-plan-limit',
    families: ['kv'],
    classification: 'permanent',
    timing: 'early',
    weight: 1,
    error: () => 'kv store size exceeds the plan limit',
  },
  {
    id: 'integration-bad-gateway',
    families: ['integration'],
    classification: 'transient',
    timing: 'early',
    weight: 2,
    exitCode: 22,
    error: (c) => `${c.rng.pick(['vercel', 'netlify'])} API returned 502 Bad Gateway`,
    stderr: () => 'curl: (22) The requested URL returned error: 502',
  },
  {
    id: 'integration-unauthorized',
    families: ['integration'],
    classification: 'permanent',
    timing: 'early',
    weight: 1,
    exitCode: 22,
    error: (c) => `${c.rng.pick(['vercel', 'netlify'])} API returned 401 Unauthorized: reconnect the integration`,
    stderr: () => 'curl: (22) The requested URL returned error: 401',
  },
  {
    id: 'subscription-required',
    families: ['provision', 'branch'],
    classification: 'permanent',
    timing: 'early',
    weight: 1,
    error: () => 'subscription is required',
  },
  {
    id: 'project-not-ready',
    families: ['instance', 'plan', 'credentials', 'upgrade', 'dump'],
    classification: 'permanent',
    timing: 'early',
    weight: 1,
    error: () => 'project is not ready for this operation',
  },
  {
    id: 'probe-unreachable',
    families: ['host'],
    classification: 'transient',
    timing: 'timeout',
    weight: 1,
    exitCode: 124,
    error: (c) => `timed out after ${formatGoDuration(c.timeoutSeconds)}`,
  },
  {
    id: 'probe-rejecting',
    families: ['host'],
    classification: 'transient',
    timing: 'early',
    weight: 2,
    exitCode: 1,
    error: () => 'health probe failed: server is rejecting connections',
    stderr: (c) => `pg_isready: ${c.hostIp}:5432 - rejecting connections`,
  },
  {
    id: 'probe-failed',
    families: ['host'],
    classification: 'permanent',
    timing: 'early',
    weight: 1,
    exitCode: 2,
    error: () => 'health probe failed',
    stderr: (c) => `pg_isready: ${c.hostIp}:5432 - no response`,
  },
];

type Tables = Readonly<Record<RetryClassification, { readonly any: WeightedTable<FailureMode>; readonly quick: WeightedTable<FailureMode> }>>;
const FAMILIES: readonly JobFamily[] = ['provision', 'instance', 'branch', 'dump', 'restore', 'import', 'credentials', 'extension', 'upgrade', 'plan', 'integration', 'kv', 'host'];

const tables = new Map<JobFamily, Tables>(
  FAMILIES.map((family) => {
    const forClass = (classification: RetryClassification) => {
      const modes = FAILURE_MODES.filter((m) => m.classification === classification && m.families.includes(family));
      return {
        any: weightedTable(modes.map((m) => [m, m.weight] as const)),
        quick: weightedTable(modes.filter((m) => m.timing !== 'timeout').map((m) => [m, m.weight] as const)),
      };
    };
    return [family, { transient: forClass('transient'), permanent: forClass('permanent') }];
  }),
);

/**
 * A failure for a job of `family` (`quick`: never one that runs until the timeout).
 * @example
 * pickFailure(rng, 'dump', 'transient', false).id; // e.g. 'dump-connection-lost'
 */
export function pickFailure(rng: Rng, family: JobFamily, classification: RetryClassification, quick: boolean): FailureMode {
  const table = tables.get(family);
  if (!table) throw new RangeError(`unknown job family ${family}`);
  return pickWeighted(rng, quick ? table[classification].quick : table[classification].any);
}

/** What is known of a failure asked for by exit code (scenarios, the admin API, the panel). */
export interface FailureFacts {
  readonly exitCode: number;
  readonly classification: RetryClassification;
  readonly type: string;
  readonly projectId: string;
  readonly previewId?: string;
  readonly clusterId: string;
  /** Any text that identifies the job (its id): the details are drawn from it. */
  readonly key: string;
}

/**
 * The error and stderr tail a worker leaves for a failure with this exit code and
 * classification, from the same catalogue the dataset draws from: the first mode that fits the
 * job's family, else any mode with that exit code, else a plain "exited with status N".
 * @example
 * failureText({ exitCode: 137, classification: 'transient', type: 'project.import', projectId: 'prj_1', clusterId: 'cls_1', key: 'job_1' }).error;
 * // 'pg_restore was killed (out of memory)'
 */
export function failureText(f: FailureFacts): { readonly error: string; readonly stderr: string } {
  const family = JOB_TYPE_PROFILES.find((p) => p.type === f.type)?.family;
  const byCode = FAILURE_MODES.filter((m) => m.exitCode === f.exitCode);
  const mode =
    byCode.find((m) => m.classification === f.classification && family !== undefined && m.families.includes(family)) ??
    byCode.find((m) => m.classification === f.classification && !m.families.includes('host')) ??
    byCode.find((m) => !m.families.includes('host'));
  if (!mode) {
    const error = `job process exited with status ${f.exitCode}`;
    return { error, stderr: error };
  }
  const rng = new Rng(hashString(f.key));
  const host = clusterHosts(f.clusterId).hosts[0];
  const c: FailureContext = {
    rng,
    type: f.type,
    projectId: f.projectId,
    previewId: f.previewId,
    timeoutSeconds: JOB_TYPE_DURATIONS[f.type]?.timeoutSeconds ?? 900,
    hostIp: host?.ip ?? '10.0.1.11',
    pid: rng.int(1200, 99_999),
  };
  const error = mode.error(c);
  return { error, stderr: mode.stderr?.(c) ?? error };
}
