import type { Job } from '../api/types.js';
import type { AttemptOutcome, AttemptPlan, JobIdentity, JobTimeline } from '../domain/index.js';
import { MICROS_PER_SECOND, jobAtTime, type Instant } from '../domain/index.js';
import { failureText } from '../data/failure-modes.js';
import { hugeLog } from './huge-log.js';
import type { ScenarioJobSpec, ScenarioLiveJob } from './scenario-types.js';

/** Where a scenario job lives and what it is called. */
export interface ScenarioJobContext {
  readonly id: string;
  readonly organizationId: string;
  readonly projectId: string;
  readonly clusterId: string;
  readonly previewDatabaseId?: string;
  /** The apply time. */
  readonly at: Instant;
  /** A worker host name for its claims. */
  readonly worker: string;
}

const MINUTE = 60 * MICROS_PER_SECOND;
const DEFAULT_AGE_MINUTES = { pending: 2, running: 6, completed: 35, failed: 50 } as const;

/** The failure text a worker would leave, from the dataset's failure catalogue. */
function failureFor(exitCode: number, classification: 'transient' | 'permanent', type: string, ctx: ScenarioJobContext): { error: string; stderr: string } {
  return failureText({
    exitCode,
    classification,
    type,
    projectId: ctx.projectId,
    clusterId: ctx.clusterId,
    key: ctx.id,
    ...(ctx.previewDatabaseId === undefined ? {} : { previewId: ctx.previewDatabaseId }),
  });
}

/**
 * The timeline of a scenario job: attempts laid out so that, at the apply time, the job is in
 * the state (and attempt) the spec asks for. Every field then comes from the domain's transitions.
 */
export function scenarioJobTimeline(spec: ScenarioJobSpec, ctx: ScenarioJobContext): JobTimeline {
  const maxAttempts = spec.maxAttempts ?? 3;
  const attempts = spec.attempts ?? defaultAttempts(spec, maxAttempts);
  const age = (spec.ageMinutes ?? DEFAULT_AGE_MINUTES[spec.state]) * MINUTE;
  const createdAt = ctx.at - age;
  const failure = spec.failure ?? (spec.state === 'failed' && attempts < maxAttempts ? 'permanent' : 'transient');
  const exitCode = spec.exitCode ?? (failure === 'transient' ? 2 : 1);
  const text = failureFor(exitCode, failure, spec.type ?? 'instance.create', ctx);
  const big = spec.hugeOutput ? hugeLog(spec.hugeOutput.bytes) : undefined;
  const stdout = spec.stdout ?? big;
  const stderr = spec.stderr ?? big ?? text.stderr;
  const failWith = (kind: 'transient' | 'permanent'): AttemptOutcome => ({
    kind,
    error: spec.error ?? text.error,
    exitCode,
    stderr,
    ...(stdout === undefined ? {} : { stdout }),
  });

  const plans: AttemptPlan[] = [];
  if (attempts > 0) {
    const tail = spec.state === 'running' ? 0 : Math.min(age * 0.05, 30 * MICROS_PER_SECOND);
    const lastRun = Math.min((spec.runMinutes ?? defaultRunMinutes(spec)) * MINUTE, age * 0.6);
    const lastStart = ctx.at - tail - lastRun;
    const slot = (lastStart - createdAt) / attempts;
    for (let i = 0; i < attempts; i += 1) {
      const isLast = i === attempts - 1;
      const claimDelayUs = Math.round(isLast ? slot * 0.2 : slot * 0.1);
      const runUs = isLast ? Math.round(spec.state === 'running' ? lastRun + 600 * MINUTE : lastRun) : Math.round(slot * 0.7);
      const outcome: AttemptOutcome = !isLast
        ? failWith('transient')
        : spec.state === 'completed' || spec.state === 'running'
          ? { kind: 'success', ...(stdout === undefined ? {} : { stdout }) }
          : failWith(spec.state === 'pending' ? 'transient' : failure);
      plans.push({ claimDelayUs, startDelayUs: 80_000, runUs, worker: ctx.worker, outcome });
    }
    realign(plans, createdAt, lastStart);
  }
  return { job: identity(spec.type ?? 'instance.create', maxAttempts, ctx), createdAt, attempts: plans };
}

/** The job a static scenario spec describes, at the apply time (with explicit nulls applied). */
export function buildScenarioJob(spec: ScenarioJobSpec, ctx: ScenarioJobContext): Job {
  const job = jobAtTime(scenarioJobTimeline(spec, ctx), ctx.at);
  if (!spec.nulls?.length) return job;
  const withNulls: Record<string, unknown> = { ...job };
  for (const field of spec.nulls) if (withNulls[field] === undefined) withNulls[field] = null;
  return withNulls as Job;
}

/** A live job's timeline from the apply time, with realistic (or given) durations. */
export function liveJobTimeline(spec: ScenarioLiveJob, ctx: ScenarioJobContext, runSeconds: number): JobTimeline {
  const run = (spec.durationSeconds ?? runSeconds) * MICROS_PER_SECOND;
  const claim = Math.max(1, Math.round(run * 0.05)) + 1_500_000;
  const outcome = spec.outcome ?? 'success';
  const transient = failureFor(2, 'transient', spec.type, ctx);
  const fail = (kind: 'transient' | 'permanent', exitCode: number): AttemptOutcome => {
    const text = failureFor(exitCode, kind, spec.type, ctx);
    return { kind, error: text.error, exitCode, stderr: text.stderr };
  };
  const attempt = (o: AttemptOutcome, scale = 1): AttemptPlan => ({ claimDelayUs: claim, startDelayUs: 120_000, runUs: Math.round(run * scale), worker: ctx.worker, outcome: o });
  const plans: AttemptPlan[] =
    outcome === 'success'
      ? [attempt({ kind: 'success' })]
      : outcome === 'retry-then-success'
        ? [attempt({ kind: 'transient', error: transient.error, exitCode: 2, stderr: transient.stderr }, 0.4), attempt({ kind: 'success' })]
        : outcome === 'retries-exhausted'
          ? [attempt(fail('transient', 2), 0.4), attempt(fail('transient', 124), 0.4), attempt(fail('transient', 137), 0.4)]
          : [attempt(fail('permanent', 1), 0.3)];
  return { job: identity(spec.type, 3, ctx), createdAt: ctx.at, attempts: plans };
}

function identity(type: string, maxAttempts: number, ctx: ScenarioJobContext): JobIdentity {
  return {
    id: ctx.id,
    type,
    organization_id: ctx.organizationId,
    max_attempts: maxAttempts,
    project_id: ctx.projectId,
    cluster_id: ctx.clusterId,
    ...(ctx.previewDatabaseId === undefined ? {} : { preview_database_id: ctx.previewDatabaseId }),
  };
}

function defaultAttempts(spec: ScenarioJobSpec, maxAttempts: number): number {
  if (spec.state === 'pending') return spec.failure ? 1 : 0;
  if (spec.state === 'failed') return spec.failure === 'permanent' ? 1 : maxAttempts;
  return 1;
}

function defaultRunMinutes(spec: ScenarioJobSpec): number {
  return spec.state === 'running' ? 2 : 4;
}

// Earlier attempts are spread over [createdAt, lastStart): make the last attempt's claim land
// exactly so that it starts at lastStart, whatever rounding did to the slots before it.
function realign(plans: AttemptPlan[], createdAt: Instant, lastStart: Instant): void {
  let cursor = createdAt;
  for (let i = 0; i < plans.length - 1; i += 1) {
    const p = plans[i];
    if (p) cursor += p.claimDelayUs + (p.startDelayUs ?? 0) + p.runUs;
  }
  const last = plans[plans.length - 1];
  if (last) plans[plans.length - 1] = { ...last, claimDelayUs: Math.max(0, Math.round(lastStart - cursor - (last.startDelayUs ?? 0))) };
}
