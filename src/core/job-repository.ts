import type { Job } from '../api/types.js';
import type { Dataset } from '../data/types.js';

/** The little the request handler needs to know about a project. */
export interface ProjectRef {
  readonly id: string;
  readonly organizationId: string;
}

/**
 * Where the request handler reads jobs. The default dataset is one; scenarios and live jobs
 * layer over it. `at` is the clock's time, for jobs whose state moves.
 */
export interface JobRepository {
  findProject(projectId: string): ProjectRef | undefined;
  findJob(jobId: string, at: Date): Job | undefined;
  /** The project's `limit` newest jobs, newest first. */
  listJobs(projectId: string, limit: number, at: Date): readonly Job[];
}

/**
 * A repository over the deterministic dataset (its jobs do not move with the clock).
 * @example createDatasetRepository(createDataset({ seed: 42 })).findJob(id, new Date())
 */
export function createDatasetRepository(dataset: Dataset): JobRepository {
  return {
    findProject: (projectId) => dataset.findProject(projectId),
    findJob: (jobId) => dataset.findJob(jobId),
    listJobs(projectId, limit) {
      const project = dataset.findProject(projectId);
      return project ? dataset.listJobs(project, limit) : [];
    },
  };
}
