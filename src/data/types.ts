import type { Job } from '../api/types.js';

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
  /** The `limit` newest jobs of `project`, newest first (generates at most `limit` jobs). */
  listJobs(project: Project, limit: number): Job[];
}

/** Options of `createDataset`. */
export interface DatasetOptions {
  /** PRNG seed; the default dataset uses 42. */
  readonly seed?: number;
  /** Reference time; defaults to the pinned `DEFAULT_NOW`. */
  readonly now?: Date;
}
