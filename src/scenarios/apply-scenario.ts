import type { Dataset, Project } from '../data/types.js';
import { EMPTY_PROJECT_ID, FOREIGN_PROJECT_ID, HUGE_PROJECT_ID, MAIN_PROJECT_ID, SIBLING_PROJECT_ID } from '../data/topology.js';
import { checkJobInvariants, instantOf, jobAtTime, type Instant } from '../domain/index.js';
import { clusterHosts, hashString, workerName } from '../data/workers.js';
import { type MockStore, type StoredJob, withProjectOverlay } from '../store/mock-store.js';
import { buildScenarioJob, liveJobTimeline, type ScenarioJobContext } from './build-scenario-job.js';
import type { ScenarioProblem } from './parse-scenario.js';
import type { Scenario } from './scenario-types.js';
import { scenarioJobId } from './scenario-job-id.js';

/** Project aliases scenario files may use. */
export const PROJECT_ALIASES: Readonly<Record<string, string>> = {
  main: MAIN_PROJECT_ID,
  huge: HUGE_PROJECT_ID,
  empty: EMPTY_PROJECT_ID,
  sibling: SIBLING_PROJECT_ID,
  foreign: FOREIGN_PROJECT_ID,
};

/** What applying a scenario produced. */
export interface ScenarioApplication {
  readonly store: MockStore;
  readonly projectId: string;
  /** Job ids by the scenario's refs. */
  readonly jobs: Readonly<Record<string, string>>;
}

/** Inputs of `applyScenario`. */
export interface ApplyScenarioContext {
  readonly dataset: Dataset;
  readonly store: MockStore;
  readonly at: Date;
  /** Apply to this project instead of the scenario's own. */
  readonly projectId?: string;
  /** Realistic run time in seconds of a job type (live jobs). */
  readonly runSecondsFor: (type: string) => number;
}

/**
 * Build every job of a scenario, check each against the domain invariants, and only then return
 * the new store: a scenario that fails anywhere changes nothing.
 */
export function applyScenario(
  scenario: Scenario,
  ctx: ApplyScenarioContext,
): { ok: true; value: ScenarioApplication } | { ok: false; problems: readonly ScenarioProblem[] } {
  const file = `scenario ${scenario.name}`;
  const projectId = ctx.projectId ?? PROJECT_ALIASES[scenario.project ?? 'main'] ?? scenario.project ?? MAIN_PROJECT_ID;
  const project = ctx.dataset.findProject(projectId);
  if (!project) return { ok: false, problems: [{ file, path: '/project', message: `no project "${projectId}" in the dataset` }] };
  if (scenario.generate !== undefined && scenario.generate > project.jobCount) {
    return { ok: false, problems: [{ file, path: '/generate', message: `project ${project.id} has ${project.jobCount} jobs to generate from; ask for at most that many (the huge project has 1,000,000)` }] };
  }
  const at = instantOf(ctx.at);
  const jobs: Record<string, string> = {};
  const stored: StoredJob[] = [];
  const problems: ScenarioProblem[] = [];

  scenario.jobs?.forEach((spec, i) => {
    const jobCtx = contextFor(ctx.dataset.seed, scenario.name, spec.ref, project, at, spec.preview === true);
    try {
      const job = buildScenarioJob(spec, jobCtx);
      const violations = checkJobInvariants(job);
      for (const v of violations) problems.push({ file, path: `/jobs/${i}`, message: `${v.rule}: ${v.message}` });
      if (job.state !== spec.state || (spec.attempts !== undefined && job.attempts !== spec.attempts)) {
        problems.push({
          file,
          path: `/jobs/${i}`,
          message: `no legal life ends ${spec.state} with attempts ${spec.attempts ?? 'by default'} of ${job.max_attempts} (it would be ${job.state} after ${job.attempts})`,
        });
      }
      jobs[spec.ref] = job.id;
      stored.push({ kind: 'static', projectId: project.id, job });
    } catch (error) {
      problems.push({ file, path: `/jobs/${i}`, message: error instanceof Error ? error.message : String(error) });
    }
  });
  scenario.live?.forEach((spec, i) => {
    const jobCtx = contextFor(ctx.dataset.seed, scenario.name, spec.ref, project, at, spec.preview === true);
    try {
      const timeline = liveJobTimeline(spec, jobCtx, ctx.runSecondsFor(spec.type));
      jobAtTime(timeline, at);
      jobs[spec.ref] = timeline.job.id;
      stored.push({ kind: 'live', projectId: project.id, timeline });
    } catch (error) {
      problems.push({ file, path: `/live/${i}`, message: error instanceof Error ? error.message : String(error) });
    }
  });
  if (problems.length > 0) return { ok: false, problems };

  const overlay =
    scenario.generate !== undefined
      ? { mode: 'generate' as const, generate: scenario.generate }
      : { mode: scenario.mode ?? ('replace' as const) };
  return { ok: true, value: { store: withProjectOverlay(ctx.store, project.id, overlay, stored), projectId: project.id, jobs } };
}

/** Where a scenario or admin job lives. */
export function contextFor(seed: number, scenario: string, ref: string, project: Project, at: Instant, preview: boolean): ScenarioJobContext {
  const previewId = preview ? project.previewDatabases[0]?.id : undefined;
  const id = scenarioJobId(seed, project.id, scenario, ref);
  const hosts = clusterHosts(project.clusterId).hosts;
  const host = hosts[hashString(id) % hosts.length] ?? hosts[0];
  return {
    id,
    organizationId: project.organizationId,
    projectId: project.id,
    clusterId: project.clusterId,
    ...(previewId === undefined ? {} : { previewDatabaseId: previewId }),
    at,
    worker: host ? workerName(host.name, host.key, 0) : 'worker-capydb-db1-2231',
  };
}
