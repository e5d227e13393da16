import type { Job } from '../api/types.js';
import type { JobTimeline } from '../domain/index.js';

/** An organization of the dataset. */
export interface Organization {
  readonly id: string;
  readonly name: string;
}

/** A preview database (branch) of a project. */
export interface PreviewDatabase {
  readonly id: string;
  readonly name: string;
}

/** A project of the dataset; its jobs are generated on demand, never stored. */
export interface Project {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  /** Position in the dataset's project list; part of every job id of this project. */
  readonly index: number;
  /** How many jobs the project has (0 to 1,000,000). */
  readonly jobCount: number;
  readonly clusterId: string;
  readonly previewDatabases: readonly PreviewDatabase[];
}

/**
 * The deterministic dataset: job N of project P is a pure function of (seed, P, N, now).
 * Nothing is generated until it is asked for.
 */
export interface Dataset {
  readonly seed: number;
  /** The reference "now" every generated timestamp is relative to. */
  readonly now: Date;
  readonly organizations: readonly Organization[];
  readonly projects: readonly Project[];
  /** The project with this id, or undefined. */
  findProject(projectId: string): Project | undefined;
  /** Job `index` (0 = newest) of `project`; throws a RangeError outside 0..jobCount-1. */
  jobAt(project: Project, index: number): Job;
  /** The job with this id if the id is one of this dataset's (constant time, no lookup table). */
  findJob(jobId: string): Job | undefined;
  /** Where an id of this dataset points (project position, job index), or undefined for any other text. */
  decodeJobId(jobId: string): { readonly projectIndex: number; readonly index: number } | undefined;
  /** The `limit` newest jobs of `project`, newest first (generates at most `limit` jobs). */
  listJobs(project: Project, limit: number): Job[];
  /**
   * The whole life of job `index` of `project` (what `jobAt` replays at `now`). Live jobs on a
   * moving clock: `jobAtTime(dataset.timelineAt(project, i), clock.now())`.
   */
  timelineAt(project: Project, index: number): JobTimeline;
  /** Where a job id of this dataset points (constant time), or undefined. Generates nothing. */
  locateJob(jobId: string): JobLocation | undefined;
  /** Work done so far, for tests and benchmarks. */
  readonly stats: DatasetStats;
}

/** A job's place in the dataset. */
export interface JobLocation {
  readonly project: Project;
  readonly index: number;
}

/** Counters of a dataset. */
export interface DatasetStats {
  /** How many job timelines were generated (each `jobAt`, `findJob` hit, `timelineAt` adds one). */
  readonly generated: number;
}

/** Options of `createDataset`. */
export interface DatasetOptions {
  /** PRNG seed; the default dataset uses 42. */
  readonly seed?: number;
  /** Reference time; defaults to the pinned `DEFAULT_NOW`. */
  readonly now?: Date;
}
