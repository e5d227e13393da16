import type { Job } from '../api/types.js';
import type { JobTimeline } from '../domain/index.js';

/** A job the mock holds on top of the dataset: fixed, or moving through its timeline. */
export type StoredJob =
  | { readonly kind: 'static'; readonly projectId: string; readonly job: Job }
  | { readonly kind: 'live'; readonly projectId: string; readonly timeline: JobTimeline };

/** How a project's jobs are overridden. */
export interface ProjectOverlay {
  /** replace: only the stored jobs; prepend: stored jobs merged with the dataset's; generate: the dataset's generator with another job count. */
  readonly mode: 'replace' | 'prepend' | 'generate';
  readonly generate?: number;
  /** Ids of the stored jobs of this project. */
  readonly jobIds: readonly string[];
}

/**
 * What scenarios, the admin API and live jobs add to the dataset. Immutable snapshots are
 * swapped in whole, so a refused scenario or job never leaves half of itself behind.
 */
export interface MockStore {
  readonly overlays: ReadonlyMap<string, ProjectOverlay>;
  readonly jobs: ReadonlyMap<string, StoredJob>;
}

/** A store with nothing in it: the dataset as it is. */
export const EMPTY_STORE: MockStore = { overlays: new Map(), jobs: new Map() };

/** The store with one project's overlay replaced (and its previous stored jobs dropped). */
export function withProjectOverlay(
  store: MockStore,
  projectId: string,
  overlay: Omit<ProjectOverlay, 'jobIds'>,
  jobs: readonly StoredJob[],
): MockStore {
  const nextJobs = new Map(store.jobs);
  for (const id of store.overlays.get(projectId)?.jobIds ?? []) nextJobs.delete(id);
  for (const job of jobs) nextJobs.set(idOf(job), job);
  const overlays = new Map(store.overlays);
  overlays.set(projectId, { ...overlay, jobIds: jobs.map(idOf) });
  return { overlays, jobs: nextJobs };
}

/** The store with one job added or replaced; a project without overlay gets a `prepend` one. */
export function withStoredJob(store: MockStore, job: StoredJob): MockStore {
  const id = idOf(job);
  const previous = store.jobs.get(id);
  const jobs = new Map(store.jobs);
  jobs.set(id, job);
  const overlays = new Map(store.overlays);
  if (previous && previous.projectId !== job.projectId) {
    const old = overlays.get(previous.projectId);
    if (old) overlays.set(previous.projectId, { ...old, jobIds: old.jobIds.filter((x) => x !== id) });
  }
  const overlay = overlays.get(job.projectId) ?? { mode: 'prepend' as const, jobIds: [] };
  overlays.set(job.projectId, { ...overlay, jobIds: overlay.jobIds.includes(id) ? overlay.jobIds : [...overlay.jobIds, id] });
  return { overlays, jobs };
}

/** The id of a stored job. */
export function idOf(job: StoredJob): string {
  return job.kind === 'static' ? job.job.id : job.timeline.job.id;
}
