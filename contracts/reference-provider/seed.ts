import type { JobState } from '../../src/api/types.js';
import { buildJob } from './job-factory.js';
import type { ReferenceStore } from './store.js';

/** The provider's pinned "now": every seeded timestamp lies before it. */
export const REFERENCE_NOW_MS = Date.UTC(2026, 5, 18, 10, 0, 0);

/** Ids and tokens of the seed data, for tests and for `conform` runs against the provider. */
export const REFERENCE_SEED = {
  organizationId: 'org_ref_alpha',
  foreignOrganizationId: 'org_ref_beta',
  projectId: 'prj_ref_alpha_app',
  siblingProjectId: 'prj_ref_alpha_api',
  emptyProjectId: 'prj_ref_alpha_empty',
  foreignProjectId: 'prj_ref_beta_web',
  hostJobId: 'job_ref_alpha_host_probe',
  tokens: {
    /** Organization-wide key of org_ref_alpha with jobs:read. */
    org: 'capy_live_ref_alpha_org_7q2m9k4t1w8z',
    /** Key scoped to prj_ref_alpha_app with jobs:read. */
    scoped: 'capy_live_ref_alpha_app_3k9x4t6n0v2b',
    /** Organization-wide key without jobs:read. */
    noJobsRead: 'capy_live_ref_alpha_noscope_5z1q7m3k',
    /** A revoked organization-wide key. */
    revoked: 'capy_live_ref_alpha_revoked_8w5z1q7m',
    /** Organization-wide key of org_ref_beta. */
    foreignOrg: 'capy_live_ref_beta_org_2b8w5z1q7m3k',
  },
} as const;

const STATES: readonly JobState[] = ['pending', 'running', 'completed', 'failed'];

/** Options of `insertProjectWithJobs`. */
export interface ProjectJobsOptions {
  readonly organizationId: string;
  readonly projectId: string;
  readonly jobCount: number;
  /** State of each job; default: cycles through every state. */
  readonly stateOf?: (index: number) => JobState;
  /** Distinguishes the job ids of different projects. */
  readonly jobIdPrefix: string;
}

/**
 * Insert a project and `jobCount` jobs, 7 minutes apart, job 0 the newest.
 * @example
 * insertProjectWithJobs(store, { organizationId: 'org_ref_alpha', projectId: 'prj_ref_x', jobCount: 4, jobIdPrefix: 'job_ref_x' });
 */
export function insertProjectWithJobs(store: ReferenceStore, options: ProjectJobsOptions): string[] {
  const clusterId = `cls_ref_${options.organizationId.slice(8)}`;
  store.insertProject({ id: options.projectId, organization_id: options.organizationId, name: options.projectId.slice(4), cluster_id: clusterId });
  const ids: string[] = [];
  for (let i = 0; i < options.jobCount; i++) {
    const id = `${options.jobIdPrefix}_${String(i).padStart(3, '0')}`;
    const state = options.stateOf?.(i) ?? STATES[i % STATES.length] ?? 'pending';
    store.insertJob(
      buildJob({ id, organizationId: options.organizationId, projectId: options.projectId, clusterId, state, createdAtMs: REFERENCE_NOW_MS - (i + 1) * 7 * 60_000, variant: i }),
    );
    ids.push(id);
  }
  return ids;
}

/**
 * Insert the seed: two organizations, four projects, five keys and jobs of every state.
 * @example
 * seedReferenceData(store);
 */
export function seedReferenceData(store: ReferenceStore): void {
  const s = REFERENCE_SEED;
  store.insertOrganization(s.organizationId, 'Reference Alpha');
  store.insertOrganization(s.foreignOrganizationId, 'Reference Beta');
  insertProjectWithJobs(store, { organizationId: s.organizationId, projectId: s.projectId, jobCount: 12, jobIdPrefix: 'job_ref_alpha_app' });
  insertProjectWithJobs(store, { organizationId: s.organizationId, projectId: s.siblingProjectId, jobCount: 6, jobIdPrefix: 'job_ref_alpha_api' });
  insertProjectWithJobs(store, { organizationId: s.organizationId, projectId: s.emptyProjectId, jobCount: 0, jobIdPrefix: 'job_ref_alpha_empty' });
  insertProjectWithJobs(store, { organizationId: s.foreignOrganizationId, projectId: s.foreignProjectId, jobCount: 5, jobIdPrefix: 'job_ref_beta_web' });
  store.insertJob(
    buildJob({ id: s.hostJobId, organizationId: s.organizationId, projectId: null, clusterId: 'cls_ref_alpha', state: 'completed', createdAtMs: REFERENCE_NOW_MS - 3_600_000, variant: 5 }),
  );
  const key = (id: string, token: string, organizationId: string, projectId: string | null, scopes: string[], revoked = false) =>
    store.insertApiKey({ id, organization_id: organizationId, project_id: projectId, scopes, revoked }, token);
  key('key_ref_alpha_org', s.tokens.org, s.organizationId, null, ['projects:read', 'jobs:read']);
  key('key_ref_alpha_app', s.tokens.scoped, s.organizationId, s.projectId, ['jobs:read']);
  key('key_ref_alpha_noscope', s.tokens.noJobsRead, s.organizationId, null, ['projects:read', 'backups:read']);
  key('key_ref_alpha_revoked', s.tokens.revoked, s.organizationId, null, ['jobs:read'], true);
  key('key_ref_beta_org', s.tokens.foreignOrg, s.foreignOrganizationId, null, ['*']);
}
