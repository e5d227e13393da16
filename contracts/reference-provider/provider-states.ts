import type { JobState } from '../../src/api/types.js';
import { insertProjectWithJobs, REFERENCE_SEED } from './seed.js';
import type { ReferenceStore } from './store.js';

/**
 * The provider-state sentences (shared, word for word, with the mock's scenario catalog and the
 * Pact consumer tests).
 * @example
 * PROVIDER_STATES.projectWithJobs; // 'a project with jobs exists'
 */
export const PROVIDER_STATES = {
  projectWithJobs: 'a project with jobs exists',
  projectWithoutJobs: 'a project with no jobs exists',
  jobPending: 'a job in state pending exists',
  jobRunning: 'a job in state running exists',
  jobCompleted: 'a job in state completed exists',
  jobFailed: 'a job in state failed exists',
  unknownProject: 'no project with this id exists',
  unknownJob: 'no job with this id exists',
  credentialWithoutJobsRead: 'a credential without jobs:read exists',
  projectScopedCredentialForAnotherProject: 'a project-scoped credential for another project exists',
} as const;

/** Pact's state-change call (`POST /_pact/provider-states`). */
export interface ProviderStateChange {
  readonly consumer?: string;
  readonly state: string;
  readonly params?: Record<string, unknown>;
  readonly action?: 'setup' | 'teardown';
}

/** Values the pacts read with `fromProviderState`; a state returns the ones it defines. */
export interface ProviderStateValues {
  readonly projectId?: string;
  readonly jobId?: string;
  readonly token?: string;
  /** Only for the project-scoped state: the project the key is scoped to. */
  readonly scopedProjectId?: string;
}

/** Result of a state change. */
export type ProviderStateResult = { readonly ok: true; readonly value: ProviderStateValues } | { readonly ok: false; readonly error: string };

interface Created {
  readonly jobs: string[];
  readonly apiKeys: string[];
  readonly projects: string[];
}

const JOB_STATE_SENTENCE = /^a job in state (pending|running|completed|failed) exists$/;

/**
 * Whether `state` is one of the sentences this provider knows.
 * @example
 * isProviderState('a job in state running exists'); // true
 */
export function isProviderState(state: string): boolean {
  return JOB_STATE_SENTENCE.test(state) || (Object.values(PROVIDER_STATES) as string[]).includes(state);
}

/** Runs state changes against one store; rows created by a setup are removed by its teardown. */
export interface ProviderStates {
  change(request: ProviderStateChange): ProviderStateResult;
}

/**
 * Create the provider-state handler of a store. Every setup inserts fresh rows (new ids, new
 * keys) into the seed organization, so values from different states can be combined.
 * @example
 * const states = createProviderStates(store);
 * states.change({ state: 'a project with jobs exists', action: 'setup' }); // { ok: true, value: { projectId, token } }
 */
export function createProviderStates(store: ReferenceStore): ProviderStates {
  const created = new Map<string, Created[]>();
  let sequence = 0;
  const org = REFERENCE_SEED.organizationId;

  const setup = (state: string, params: Record<string, unknown>): ProviderStateResult => {
    const n = String(++sequence).padStart(4, '0');
    const rows: Created = { jobs: [], apiKeys: [], projects: [] };
    const project = (suffix: string, jobCount: number, stateOf?: (i: number) => JobState) => {
      const projectId = `prj_ref_state${n}${suffix}`;
      const options = { organizationId: org, projectId, jobCount, jobIdPrefix: `job_ref_state${n}${suffix}` };
      rows.jobs.push(...insertProjectWithJobs(store, stateOf ? { ...options, stateOf } : options));
      rows.projects.push(projectId);
      return { projectId, jobIds: rows.jobs.filter((id) => id.startsWith(options.jobIdPrefix)) };
    };
    const key = (suffix: string, scopes: string[], projectId: string | null = null) => {
      const id = `key_ref_state${n}${suffix}`;
      const token = `capy_live_ref_state${n}${suffix}_${sequence.toString(36)}k7q2m9x4`;
      store.insertApiKey({ id, organization_id: org, project_id: projectId, scopes, revoked: false }, token);
      rows.apiKeys.push(id);
      return token;
    };
    const done = (value: ProviderStateValues): ProviderStateResult => {
      created.set(state, [...(created.get(state) ?? []), rows]);
      return { ok: true, value };
    };

    const jobState = JOB_STATE_SENTENCE.exec(state)?.[1] as JobState | undefined;
    if (jobState) {
      if (params['state'] !== undefined && params['state'] !== jobState) return { ok: false, error: `params.state ${String(params['state'])} contradicts the state "${state}"` };
      const { projectId, jobIds } = project('', 1, () => jobState);
      return done({ projectId, jobId: jobIds[0] ?? '', token: key('', ['jobs:read']) });
    }
    switch (state) {
      case PROVIDER_STATES.projectWithJobs:
        return done({ projectId: project('', 32).projectId, token: key('', ['projects:read', 'jobs:read']) });
      case PROVIDER_STATES.projectWithoutJobs:
        return done({ projectId: project('', 0).projectId, token: key('', ['jobs:read']) });
      case PROVIDER_STATES.unknownProject:
        return done({ projectId: `prj_ref_missing${n}`, token: key('', ['jobs:read']) });
      case PROVIDER_STATES.unknownJob:
        return done({ jobId: `job_ref_missing${n}`, token: key('', ['jobs:read']) });
      case PROVIDER_STATES.credentialWithoutJobsRead: {
        const { projectId, jobIds } = project('', 4);
        return done({ projectId, jobId: jobIds[0] ?? '', token: key('', ['projects:read', 'backups:read']) });
      }
      case PROVIDER_STATES.projectScopedCredentialForAnotherProject: {
        const target = project('', 4);
        const sibling = project('sib', 2);
        return done({ projectId: target.projectId, jobId: target.jobIds[0] ?? '', token: key('', ['jobs:read'], sibling.projectId), scopedProjectId: sibling.projectId });
      }
      default:
        return { ok: false, error: `unknown provider state: ${JSON.stringify(state)}` };
    }
  };

  return {
    change(request) {
      if (typeof request.state !== 'string' || request.state === '') return { ok: false, error: 'state must be a non-empty string' };
      if (request.action === 'teardown') {
        if (!isProviderState(request.state)) return { ok: false, error: `unknown provider state: ${JSON.stringify(request.state)}` };
        for (const rows of created.get(request.state) ?? []) store.deleteRows(rows);
        created.delete(request.state);
        return { ok: true, value: {} };
      }
      return store.db.transaction(() => setup(request.state, request.params ?? {}))();
    },
  };
}
