import { MICROS_PER_SECOND, type AttemptOutcome, type AttemptPlan, type JobIdentity, type JobTimeline } from '../domain/index.js';
import { pickFailure, type FailureContext } from './failure-modes.js';
import { pickWeighted, Rng, hashWords, type WeightedTable } from './prng.js';
import type { JobTypeProfile } from './job-types.js';
import { successStdout } from './success-output.js';
import { workerName, type ClusterHosts } from './workers.js';

/** The state a generated job is built to be in at the dataset's `now` (`retrying`: pending after a transient failure). */
export type PlannedState = 'pending' | 'retrying' | 'running' | 'completed' | 'failed';

/** Everything about a project that its jobs need, prepared once per dataset. */
export interface ProjectPlan {
  readonly index: number;
  readonly id: string;
  readonly organizationId: string;
  readonly clusterId: string;
  readonly previewIds: readonly string[];
  readonly hosts: ClusterHosts;
  /** Types this project's jobs are drawn from (no preview types without previews, never host types). */
  readonly types: WeightedTable<JobTypeProfile>;
  /** Fallbacks: a type long enough to still be running, a quick one that fits anywhere. */
  readonly longType: JobTypeProfile;
  readonly quickType: JobTypeProfile;
  /** Mean time between two of its older jobs. */
  readonly gapUs: number;
  /** States reserved for given indices (the showcase first page of the main project). */
  readonly reserved: ReadonlyMap<number, PlannedState>;
}

/** Attempts a job may make (the only value seen in public fixtures). */
export const MAX_ATTEMPTS = 3;

const S = MICROS_PER_SECOND;
/** Job n < 3 was created between HEAD_S[n] and HEAD_S[n + 1] seconds before `now`. */
const HEAD_S = [3, 40, 150, 600] as const;
const HEAD_JOBS = HEAD_S.length - 1;
/** Older jobs start this long before `now`, after a quiet spell, so that they have all ended. */
const HISTORY_START_US = 1800 * S;

/** How long before `now` job `index` was created: strictly increasing in `index`. */
function createdOffsetUs(index: number, gapUs: number, rng: Rng): number {
  if (index < HEAD_JOBS) {
    const lo = (HEAD_S[index] ?? 0) * S;
    const hi = (HEAD_S[index + 1] ?? 0) * S;
    return lo + Math.floor(rng.next() * (hi - lo));
  }
  return HISTORY_START_US + (index - HEAD_JOBS) * gapUs + Math.floor(rng.next() * gapUs);
}

/** Chances of a young job being in each non-terminal state (the rest are terminal). */
const HEAD_ODDS: readonly (readonly [pending: number, retrying: number, running: number])[] = [
  [0.3, 0.1, 0.25],
  [0.08, 0.05, 0.22],
  [0, 0.04, 0.08],
];

type Kind = 'success' | 'transient' | 'permanent';
// Objects are built field by field: an object spread followed by more keys is slow in V8.
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function naturalKinds(rng: Rng, failed: boolean): Kind[] {
  const r = rng.next();
  if (!failed) return r < 0.9 ? ['success'] : r < 0.98 ? ['transient', 'success'] : ['transient', 'transient', 'success'];
  return r < 0.45 ? ['permanent'] : r < 0.8 ? ['transient', 'transient', 'transient'] : ['transient', 'permanent'];
}

function retryKinds(rng: Rng): Kind[] {
  const r = rng.next();
  return r < 0.7 ? ['transient', 'success'] : r < 0.8 ? ['transient', 'transient', 'success'] : r < 0.9 ? ['transient', 'transient', 'transient'] : ['transient', 'permanent'];
}

/** Per-attempt overrides used to pin a job's state at `now`. */
interface AttemptShape {
  /** Wait before the claim, given when the job was created or the previous attempt failed. */
  readonly claimDelayUs?: number | ((cursor: number) => number);
  /** Run time, given the instant the attempt starts. */
  readonly runUs?: (startAt: number) => number;
  /** Never a failure that runs until the timeout (its length is pinned). */
  readonly quick?: boolean;
}

/** The result of building one job's life. */
export interface BuiltTimeline {
  readonly timeline: JobTimeline;
  readonly planned: PlannedState;
}

/**
 * The timeline of job `index` of a project: a pure function of (seed key, project, index, now).
 * The job is created `createdOffsetUs` before `now` and its attempts are laid out so that, at
 * `now`, it is in the planned state; young jobs may still be pending or running, old ones have ended.
 * @example
 * const { timeline, planned } = buildJobTimeline(plan, seedKey(42), 0, nowUs, 'job_...');
 * jobAtTime(timeline, nowUs).state; // 'pending' when planned is 'pending' or 'retrying'
 */
export function buildJobTimeline(plan: ProjectPlan, key: number, index: number, nowUs: number, id: string): BuiltTimeline {
  const rng = new Rng(hashWords(key, plan.index, index));
  const age = createdOffsetUs(index, plan.gapUs, rng);
  const createdAt = nowUs - age;
  const planned = planState(plan, index, rng);

  const build = (profile: JobTypeProfile, kinds: readonly Kind[], shapes: readonly AttemptShape[]): JobTimeline => {
    const previewId =
      plan.previewIds.length > 0 && (profile.target === 'preview' || (profile.target === 'either' && rng.chance(0.35))) ? rng.pick(plan.previewIds) : undefined;
    const attempts: AttemptPlan[] = [];
    let cursor = createdAt;
    kinds.forEach((kind, i) => {
      const shape = shapes[i] ?? {};
      const claimDelayUs =
        typeof shape.claimDelayUs === 'function' ? shape.claimDelayUs(cursor) : (shape.claimDelayUs ?? (i === 0 ? naturalClaimDelayUs(rng) : backoffUs(rng, i)));
      const claimAt = cursor + claimDelayUs;
      const startDelayUs = rng.int(2_000, 250_000);
      const host = rng.pick(plan.hosts.hosts);
      const naturalRun = Math.floor(rng.between(profile.minSeconds, profile.maxSeconds) * S);
      let runUs: number;
      let outcome: AttemptOutcome;
      if (kind === 'success') {
        runUs = shape.runUs ? shape.runUs(claimAt + startDelayUs) : naturalRun;
        const stdout = successStdout({ rng, type: profile.type, projectId: plan.id, previewId, runSeconds: runUs / S });
        outcome = stdout === undefined ? { kind } : { kind, stdout };
      } else {
        const mode = pickFailure(rng, profile.family, kind, shape.quick === true);
        runUs = shape.runUs
          ? shape.runUs(claimAt + startDelayUs)
          : mode.timing === 'timeout'
            ? profile.timeoutSeconds * S + rng.int(1_000, 80_000)
            : mode.timing === 'early'
              ? Math.min(naturalRun, Math.floor(rng.between(0.08, 2.5) * S))
              : Math.floor(naturalRun * rng.between(0.1, 0.9));
        const c: FailureContext = { rng, type: profile.type, projectId: plan.id, previewId, timeoutSeconds: profile.timeoutSeconds, hostIp: host.ip, pid: rng.int(1200, 99_999) };
        const stderr = mode.stderr?.(c);
        const stdout = mode.stdout?.(c);
        const failure: Mutable<AttemptOutcome & { kind: 'transient' | 'permanent' }> = { kind, error: mode.error(c) };
        if (mode.exitCode !== undefined) failure.exitCode = mode.exitCode;
        if (stderr !== undefined) failure.stderr = stderr;
        if (stdout !== undefined) failure.stdout = stdout;
        outcome = failure;
      }
      attempts.push({ claimDelayUs, startDelayUs, runUs, worker: workerName(host.name, host.key, nowUs - claimAt), outcome });
      cursor = claimAt + startDelayUs + runUs;
    });
    const job: Mutable<JobIdentity> = { id, type: profile.type, organization_id: plan.organizationId, project_id: plan.id, cluster_id: plan.clusterId, max_attempts: MAX_ATTEMPTS };
    if (previewId !== undefined) job.preview_database_id = previewId;
    return { job, createdAt, attempts };
  };

  const fraction = (lo: number, hi: number): number => Math.floor(age * rng.between(lo, hi));
  const quickFailure: AttemptShape = { claimDelayUs: fraction(0.02, 0.1), runUs: () => fraction(0.1, 0.4), quick: true };

  switch (planned) {
    case 'pending': {
      const profile = pickWeighted(rng, plan.types);
      const kinds = naturalKinds(rng, rng.chance(profile.failureRate));
      return { planned, timeline: build(profile, kinds, [{ claimDelayUs: age + Math.floor(rng.between(0.5, 45) * S) }]) };
    }
    case 'retrying': {
      const profile = pickWeighted(rng, plan.types);
      // The first attempt failed before `now`; the next claim comes after it.
      const retry: AttemptShape = { claimDelayUs: (failedAt) => nowUs - failedAt + Math.floor(rng.between(1, 40) * S) };
      return { planned, timeline: build(profile, retryKinds(rng), [quickFailure, retry]) };
    }
    case 'running': {
      let profile = pickWeighted(rng, plan.types);
      for (let tries = 0; profile.maxSeconds * S < age * 1.2 && tries < 6; tries++) profile = pickWeighted(rng, plan.types);
      if (profile.maxSeconds * S < age * 1.2) profile = plan.longType;
      const retried = age > 10 * S && rng.chance(0.15);
      const kinds = retried ? retryKinds(rng) : naturalKinds(rng, rng.chance(profile.failureRate));
      const maxRun = profile.maxSeconds * S;
      const current: AttemptShape = {
        claimDelayUs: retried ? fraction(0.05, 0.2) : fraction(0.01, 0.3),
        runUs: (startAt) => {
          const elapsed = nowUs - startAt;
          return elapsed + Math.floor(rng.between(0.5 * S, Math.max(S, maxRun - elapsed)));
        },
        quick: true,
      };
      return { planned, timeline: build(profile, kinds, retried ? [quickFailure, current] : [current]) };
    }
    case 'completed':
    case 'failed':
    case 'ended': {
      const margin = Math.min(S, age / 10);
      for (let tries = 0; tries < 4; tries++) {
        const profile = pickWeighted(rng, plan.types);
        // Unreserved old jobs fail at their type's rate (restores more often than wakes).
        const failed = planned === 'ended' ? rng.chance(Math.min(0.5, profile.failureRate * 1.5)) : planned === 'failed';
        const timeline = build(profile, naturalKinds(rng, failed), []);
        if (endOf(timeline) <= nowUs - margin) return { planned: failed ? 'failed' : 'completed', timeline };
      }
      const failed = planned === 'failed';
      const quick: AttemptShape = { claimDelayUs: fraction(0.01, 0.1), runUs: () => fraction(0.05, 0.3), quick: true };
      return { planned: failed ? 'failed' : 'completed', timeline: build(plan.quickType, [failed ? 'permanent' : 'success'], [quick]) };
    }
  }
}

function planState(plan: ProjectPlan, index: number, rng: Rng): PlannedState | 'ended' {
  const reserved = plan.reserved.get(index);
  if (reserved) return reserved;
  const odds = HEAD_ODDS[index];
  const r = rng.next();
  if (odds) {
    const [pending, retrying, running] = odds;
    if (r < pending) return 'pending';
    if (r < pending + retrying) return 'retrying';
    if (r < pending + retrying + running) return 'running';
  }
  return 'ended';
}

function naturalClaimDelayUs(rng: Rng): number {
  // Most jobs are claimed within a couple of seconds; some wait behind the project's lock.
  return rng.chance(0.85) ? rng.int(50_000, 2_500_000) : rng.int(3 * S, 90 * S);
}

function backoffUs(rng: Rng, attempt: number): number {
  return Math.floor(10 * S * 2 ** (attempt - 1) * rng.between(0.8, 1.2));
}

function endOf(timeline: JobTimeline): number {
  let end = timeline.createdAt;
  for (const a of timeline.attempts) end += a.claimDelayUs + (a.startDelayUs ?? 0) + a.runUs;
  return end;
}
