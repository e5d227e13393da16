import type { Job } from '../api/types.js';
import type { JobRepository } from '../core/job-repository.js';
import type { Dataset } from '../data/types.js';
import { instantOf, jobAtTime } from '../domain/index.js';
import type { MockStore, StoredJob } from './mock-store.js';

/**
 * The jobs a request sees: the dataset, with the store's overlays on top. Live jobs are
 * computed at the request's time, so their state follows the mock's clock.
 * @example createStoreRepository(dataset, EMPTY_STORE).listJobs(projectId, 25, clock.now())
 */
export function createStoreRepository(dataset: Dataset, store: MockStore): JobRepository {
  const materialize = (stored: StoredJob, at: Date): Job | undefined => {
    if (stored.kind === 'static') return stored.job;
    return instantOf(at) >= stored.timeline.createdAt ? jobAtTime(stored.timeline, at) : undefined;
  };
  const storedJobs = (ids: readonly string[], at: Date): Job[] => {
    const jobs: Job[] = [];
    for (const id of ids) {
      const stored = store.jobs.get(id);
      const job = stored && materialize(stored, at);
      if (job) jobs.push(job);
    }
    return jobs.sort(newestFirst);
  };

  return {
    findProject: (projectId) => dataset.findProject(projectId),
    findJob(jobId, at) {
      const stored = store.jobs.get(jobId);
      if (stored) return materialize(stored, at);
      const location = dataset.locateJob(jobId);
      if (!location) return undefined;
      const overlay = store.overlays.get(location.project.id);
      if (!overlay || overlay.mode === 'prepend') return dataset.jobAt(location.project, location.index);
      if (overlay.mode === 'replace') return undefined;
      return location.index < (overlay.generate ?? 0) ? dataset.jobAt(location.project, location.index) : undefined;
    },
    listJobs(projectId, limit, at) {
      const project = dataset.findProject(projectId);
      if (!project) return [];
      const overlay = store.overlays.get(projectId);
      if (!overlay) return dataset.listJobs(project, limit);
      if (overlay.mode === 'generate') return dataset.listJobs(project, Math.min(limit, overlay.generate ?? 0));
      const own = storedJobs(overlay.jobIds, at);
      if (overlay.mode === 'replace') return own.slice(0, limit);
      const shadowed = new Set(overlay.jobIds);
      const base = dataset.listJobs(project, limit).filter((job) => !shadowed.has(job.id));
      return [...own, ...base].sort(newestFirst).slice(0, limit);
    },
  };
}

function newestFirst(a: Job, b: Job): number {
  return a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : a.id < b.id ? 1 : -1;
}
