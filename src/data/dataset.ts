import type { Job } from '../api/types.js';
import { MICROS_PER_SECOND, instantOf, jobAtTime, type JobTimeline } from '../domain/index.js';
import { createJobIdCodec } from './job-id.js';
import { buildJobTimeline, type PlannedState, type ProjectPlan } from './job-timeline-builder.js';
import { JOB_TYPE_PROFILES, type JobTypeProfile } from './job-types.js';
import { hashWords, seedKey, weightedTable } from './prng.js';
import { DEFAULT_TOPOLOGY, type TopologyOrganization, type TopologyProject } from './topology.js';
import type { Dataset, DatasetOptions, Organization, Project } from './types.js';
import { clusterHosts } from './workers.js';

/** The seed of the default dataset. */
export const DEFAULT_SEED = 42;

/** Jobs a dataset keeps built (least recently used go first): about 4 MiB at most. */
export const JOB_CACHE_SIZE = 4096;
// More than any project's job count (1,000,000), so (project, index) maps to one number.
const JOB_ADDRESS_SPAN = 2 ** 21;

/** The pinned reference time of the default dataset, as text. */
export const DEFAULT_NOW_ISO = '2026-06-18T09:15:00.000Z';

/** The pinned reference time of the default dataset (a copy each dataset keeps for itself). */
export const DEFAULT_NOW: Date = new Date(DEFAULT_NOW_ISO);

/** How many jobs the showcase first page spans. */
const FIRST_PAGE = 25;
const DEFAULT_GAP_SECONDS = 1200;

const listed = JOB_TYPE_PROFILES.filter((t) => t.weight > 0 && t.target !== 'host');
const WITH_PREVIEWS = weightedTable(listed.map((t) => [t, t.weight] as const));
const WITHOUT_PREVIEWS = weightedTable(listed.filter((t) => t.target !== 'preview').map((t) => [t, t.weight] as const));
const profile = (type: string): JobTypeProfile => {
  const found = JOB_TYPE_PROFILES.find((t) => t.type === type);
  if (!found) throw new Error(`missing job type ${type}`);
  return found;
};
const LONG_TYPE = profile('project.relocate');
const QUICK_TYPE = profile('instance.wake');

/**
 * The deterministic dataset over `DEFAULT_TOPOLOGY` (or another topology): job N of project P is
 * a pure function of (seed, P, N, now), generated only when asked for, so any order of requests
 * gives the same bytes and a project of 1,000,000 jobs costs nothing up front.
 * @example
 * const data = createDataset({ seed: 42 });
 * const project = data.findProject(MAIN_PROJECT_ID)!;
 * const [newest] = data.listJobs(project, 25);
 * data.findJob(newest!.id); // the same job
 */
export function createDataset(options: DatasetOptions = {}, topology: readonly TopologyOrganization[] = DEFAULT_TOPOLOGY): Dataset {
  const seed = options.seed ?? DEFAULT_SEED;
  const key = seedKey(seed);
  const now = new Date((options.now ?? DEFAULT_NOW).getTime());
  if (Number.isNaN(now.getTime())) throw new RangeError('now must be a valid date');
  const nowUs = instantOf(now);
  const codec = createJobIdCodec(seed);

  const organizations: Organization[] = topology.map((o) => ({ id: o.id, name: o.name }));
  const projects: Project[] = [];
  const plans: ProjectPlan[] = [];
  for (const org of topology) {
    for (const t of org.projects) {
      const index = projects.length;
      projects.push({
        id: t.id,
        organizationId: org.id,
        name: t.name,
        index,
        jobCount: t.jobCount,
        clusterId: t.clusterId,
        previewDatabases: t.previewDatabases.map((p) => ({ id: p.id, name: p.name })),
      });
      plans.push(planProject(t, org.id, index, key));
    }
  }
  const byId = new Map(projects.map((p) => [p.id, p]));
  const oversized = projects.find((p) => p.jobCount > JOB_ADDRESS_SPAN);
  if (oversized) throw new RangeError(`project ${oversized.id} has ${oversized.jobCount} jobs; at most ${JOB_ADDRESS_SPAN} are supported`);
  let generated = 0;

  const planOf = (project: Project, index: number): ProjectPlan => {
    const plan = plans[project.index];
    // By id, not identity: scenarios may pass a copy with another job count.
    if (!plan || plan.id !== project.id) throw new TypeError(`project ${project.id} is not one of this dataset's`);
    if (!Number.isInteger(index) || index < 0 || index >= project.jobCount) {
      throw new RangeError(`job index ${index} is outside 0..${project.jobCount - 1} of project ${project.id}`);
    }
    return plan;
  };
  const timelineAt = (project: Project, index: number): JobTimeline => {
    const plan = planOf(project, index);
    generated += 1;
    return buildJobTimeline(plan, key, index, nowUs, codec.encode(plan.index, index)).timeline;
  };
  // Jobs are immutable functions of their address, so a bounded cache changes nothing but speed:
  // the first pages of busy projects, polled over and over, are built once.
  const cache = new Map<number, Job>();
  const jobAt = (project: Project, index: number): Job => {
    planOf(project, index);
    const address = project.index * JOB_ADDRESS_SPAN + index;
    const cached = cache.get(address);
    if (cached) {
      cache.delete(address);
      cache.set(address, cached);
      return cached;
    }
    const job = Object.freeze(jobAtTime(timelineAt(project, index), nowUs));
    cache.set(address, job);
    if (cache.size > JOB_CACHE_SIZE) cache.delete(cache.keys().next().value as number);
    return job;
  };
  const locateJob = (jobId: string) => {
    const address = codec.decode(jobId);
    if (!address) return undefined;
    const project = projects[address.projectIndex];
    if (!project || address.index >= project.jobCount) return undefined;
    return { project, index: address.index };
  };

  return {
    seed,
    now,
    organizations,
    projects,
    findProject: (projectId) => byId.get(projectId),
    decodeJobId: (jobId) => codec.decode(jobId),
    jobAt,
    timelineAt,
    locateJob,
    findJob(jobId) {
      const location = locateJob(jobId);
      return location && jobAt(location.project, location.index);
    },
    listJobs(project, limit) {
      if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit must be a non-negative integer, got ${limit}`);
      const count = Math.min(limit, project.jobCount);
      const jobs: Job[] = [];
      for (let i = 0; i < count; i++) jobs.push(jobAt(project, i));
      return jobs;
    },
    stats: {
      get generated() {
        return generated;
      },
    },
  };
}

function planProject(t: TopologyProject, organizationId: string, index: number, key: number): ProjectPlan {
  return {
    index,
    id: t.id,
    organizationId,
    clusterId: t.clusterId,
    previewIds: t.previewDatabases.map((p) => p.id),
    hosts: clusterHosts(t.clusterId),
    types: t.previewDatabases.length > 0 ? WITH_PREVIEWS : WITHOUT_PREVIEWS,
    longType: LONG_TYPE,
    quickType: QUICK_TYPE,
    gapUs: (t.meanJobGapSeconds ?? DEFAULT_GAP_SECONDS) * MICROS_PER_SECOND,
    reserved: t.everyStateOnFirstPage ? showcase(Math.min(FIRST_PAGE, t.jobCount), hashWords(key, index, 0x5a0c)) : new Map(),
  };
}

/**
 * Reserved states of a showcase first page of `size` jobs: the newest pending, the next running,
 * maybe a retrying one, and one failed and one completed among the older ones (seed-chosen).
 */
function showcase(size: number, h: number): ReadonlyMap<number, PlannedState> {
  const reserved = new Map<number, PlannedState>();
  if (size < 5) return reserved;
  reserved.set(0, 'pending');
  reserved.set(1, 'running');
  if (h & 1) reserved.set(2, 'retrying');
  const span = size - 3;
  const failedAt = (h >>> 1) % span;
  const completedAt = (failedAt + 1 + ((h >>> 12) % (span - 1))) % span;
  reserved.set(3 + failedAt, 'failed');
  reserved.set(3 + completedAt, 'completed');
  return reserved;
}
