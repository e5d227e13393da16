/**
 * The real CapyDB job types (June 2026 enum), how often each shows up in a project's history,
 * what it acts on and how long it runs. Weights and durations are informed guesses from the public
 * facts (/work/shared/domain/capydb-jobs.md §2 and §7): preview clone ≈12–14 s, provisioning well
 * under 5 min, sleep < 60 s, wake ≈250 ms, restore up to 15 min.
 */

/** What a job type acts on: the project, one of its previews, either, or a host (no project). */
export type JobTarget = 'project' | 'preview' | 'either' | 'host';

/** Groups of types that fail in the same ways. */
export type JobFamily =
  | 'provision'
  | 'instance'
  | 'branch'
  | 'dump'
  | 'restore'
  | 'import'
  | 'credentials'
  | 'extension'
  | 'upgrade'
  | 'plan'
  | 'integration'
  | 'kv'
  | 'host';

/** One job type and its habits. */
export interface JobTypeProfile {
  readonly type: string;
  /** Relative frequency in a project's job list (0: never listed, e.g. host jobs). */
  readonly weight: number;
  readonly target: JobTarget;
  readonly family: JobFamily;
  /** Typical run time of a successful attempt, in seconds. */
  readonly minSeconds: number;
  readonly maxSeconds: number;
  /** The worker's timeout for one attempt (exit 124 after this long). */
  readonly timeoutSeconds: number;
  /** Share of jobs of this type that end `failed`. */
  readonly failureRate: number;
}

const p = (
  type: string,
  weight: number,
  target: JobTarget,
  family: JobFamily,
  minSeconds: number,
  maxSeconds: number,
  timeoutSeconds: number,
  failureRate = 0.06,
): JobTypeProfile => ({ type, weight, target, family, minSeconds, maxSeconds, timeoutSeconds, failureRate });

/**
 * Every known job type with its weight, target, family and durations.
 * @example
 * JOB_TYPE_PROFILES.find((t) => t.type === 'branch.create'); // { minSeconds: 12, maxSeconds: 14, ... }
 */
export const JOB_TYPE_PROFILES: readonly JobTypeProfile[] = [
  p('instance.create', 3, 'project', 'provision', 45, 240, 300, 0.08),
  p('instance.destroy', 5, 'either', 'provision', 4, 40, 300, 0.03),
  p('branch.create', 10, 'preview', 'branch', 12, 14, 120, 0.06),
  p('instance.sleep', 14, 'either', 'instance', 6, 55, 120, 0.03),
  p('instance.wake', 14, 'either', 'instance', 0.2, 3, 60, 0.03),
  p('instance.seed_standby', 2, 'project', 'instance', 60, 420, 900),
  p('instance.set_readonly', 1, 'either', 'instance', 0.5, 6, 60, 0.03),
  p('instance.pitr_restore', 1, 'either', 'restore', 90, 840, 900, 0.1),
  p('instance.arc_cache', 1, 'project', 'instance', 1, 12, 60, 0.03),
  p('instance.recordsize', 1, 'project', 'instance', 4, 45, 120, 0.04),
  p('project.backup', 12, 'project', 'dump', 60, 480, 1800, 0.05),
  p('project.backup_delete', 5, 'project', 'plan', 1, 20, 120, 0.02),
  p('project.restore', 2, 'either', 'restore', 120, 880, 900, 0.12),
  p('project.import', 1, 'project', 'import', 120, 880, 1800, 0.15),
  p('project.import_follow_start', 0.5, 'project', 'import', 20, 90, 300, 0.1),
  p('project.import_follow_status', 1, 'project', 'import', 0.5, 4, 60, 0.05),
  p('project.import_follow_cutover', 0.3, 'project', 'import', 15, 120, 600, 0.1),
  p('project.import_follow_abort', 0.2, 'project', 'import', 5, 30, 120, 0.05),
  p('project.export', 1, 'project', 'dump', 60, 600, 1800, 0.06),
  p('project.rotate_credentials', 2, 'project', 'credentials', 1, 10, 120, 0.03),
  p('project.expire_credential', 1.5, 'project', 'credentials', 0.5, 5, 60, 0.02),
  p('project.extension_enable', 2, 'project', 'extension', 1, 20, 120, 0.1),
  p('project.extension_disable', 0.7, 'project', 'extension', 1, 10, 120, 0.04),
  p('project.extension_update', 0.5, 'project', 'extension', 2, 30, 120, 0.06),
  p('project.upgrade_minor', 1, 'project', 'upgrade', 40, 300, 900, 0.05),
  p('project.upgrade_major_preflight', 0.5, 'project', 'upgrade', 20, 120, 600, 0.15),
  p('project.upgrade_major', 0.3, 'project', 'upgrade', 300, 1200, 1800, 0.12),
  p('project.upgrade_major_confirm', 0.2, 'project', 'upgrade', 5, 30, 120, 0.03),
  p('project.upgrade_major_rollback', 0.1, 'project', 'upgrade', 60, 600, 1800, 0.05),
  p('project.app_role_enable', 0.8, 'project', 'credentials', 0.5, 5, 60, 0.03),
  p('project.app_role_rotate', 0.6, 'project', 'credentials', 0.5, 5, 60, 0.03),
  p('project.promote_preview', 0.5, 'preview', 'branch', 20, 180, 600, 0.08),
  p('project.apply_plan', 0.7, 'project', 'plan', 30, 240, 600, 0.05),
  p('project.relocate', 0.2, 'project', 'plan', 300, 1500, 1800, 0.1),
  p('integration.sync_env', 3, 'project', 'integration', 0.5, 8, 60, 0.05),
  p('integration.clerk_backfill', 0.4, 'project', 'integration', 10, 120, 600, 0.06),
  p('kv.create', 0.8, 'project', 'kv', 5, 30, 120, 0.04),
  p('kv.destroy', 0.3, 'project', 'kv', 3, 15, 120, 0.02),
  p('kv.flush', 0.6, 'project', 'kv', 0.5, 5, 60, 0.02),
  p('kv.resize', 0.3, 'project', 'kv', 10, 90, 300, 0.06),
  p('kv.start', 0.5, 'project', 'kv', 2, 10, 60, 0.03),
  p('kv.stop', 0.5, 'project', 'kv', 2, 10, 60, 0.02),
  p('kv.rotate_token', 0.3, 'project', 'kv', 0.5, 3, 60, 0.02),
  p('host.health_probe', 0, 'host', 'host', 0.2, 2, 30, 0.02),
];

/** Durations of one job type, in seconds. */
export interface JobTypeDuration {
  readonly minSeconds: number;
  readonly maxSeconds: number;
  readonly timeoutSeconds: number;
}

/**
 * Per-type run time of a successful attempt and the worker's timeout, for lifecycle timelines
 * (live jobs scale these by a `speed` factor).
 * @example
 * JOB_TYPE_DURATIONS['project.restore']; // { minSeconds: 120, maxSeconds: 880, timeoutSeconds: 900 }
 */
export const JOB_TYPE_DURATIONS: Readonly<Record<string, JobTypeDuration>> = Object.fromEntries(
  JOB_TYPE_PROFILES.map((t) => [t.type, { minSeconds: t.minSeconds, maxSeconds: t.maxSeconds, timeoutSeconds: t.timeoutSeconds }]),
);
