import type { ConformanceOptions } from './types.js';

/** The provider-state sentences `conform` needs (shared with the Pact consumer tests and the mock). */
export const CONFORMANCE_PROVIDER_STATES = {
  projectWithJobs: 'a project with jobs exists',
  projectScopedCredentialForAnotherProject: 'a project-scoped credential for another project exists',
  credentialWithoutJobsRead: 'a credential without jobs:read exists',
} as const;

/** Options of `conformanceOptionsFromProviderStates`. */
export interface ProviderStateSource {
  /** Base URL of the API under test. */
  readonly baseUrl: string;
  /** Its Pact state-change endpoint, e.g. `<baseUrl>/__mock/provider-states` or `<baseUrl>/_pact/provider-states`. */
  readonly providerStatesUrl: string;
  /** Injected fetch (default `globalThis.fetch`). */
  readonly fetch?: typeof fetch | undefined;
}

/** Result of preparing options. */
export type ProviderStateOptionsResult = { readonly ok: true; readonly value: ConformanceOptions } | { readonly ok: false; readonly error: string };

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Build `runConformance` options from an implementation's own provider states: the main token and
 * project from "a project with jobs exists", the scoped token, the project it must not read
 * (`projectId`) and, when answered, the project it is scoped to (`scopedProjectId`) from "a
 * project-scoped credential for another project exists", the key without jobs:read from "a credential without jobs:read exists". A state that
 * is missing or fails is an error for the first, and simply skipped for the two others.
 * @example
 * const prepared = await conformanceOptionsFromProviderStates({ baseUrl, providerStatesUrl: `${baseUrl}/__mock/provider-states` });
 * if (prepared.ok) await runConformance({ ...prepared.value, foreignProjectId });
 */
export async function conformanceOptionsFromProviderStates(source: ProviderStateSource): Promise<ProviderStateOptionsResult> {
  const doFetch = source.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const setup = async (state: string): Promise<Record<string, unknown> | string> => {
    try {
      const res = await doFetch(source.providerStatesUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ consumer: 'capydb-jobs-conform', state, params: {}, action: 'setup' }),
      });
      const body = (await res.json().catch(() => undefined)) as unknown;
      if (res.status !== 200 || typeof body !== 'object' || body === null) return `state "${state}" answered ${res.status}`;
      return body as Record<string, unknown>;
    } catch (err) {
      return `state "${state}" failed: ${err instanceof Error ? err.message : String(err)}`;
    }
  };
  // Some implementations (the mock) reseed their world on every state change: the main state goes
  // last so that its project keeps its jobs; the optional states only contribute credentials.
  const scoped = await setup(CONFORMANCE_PROVIDER_STATES.projectScopedCredentialForAnotherProject);
  const noJobsRead = await setup(CONFORMANCE_PROVIDER_STATES.credentialWithoutJobsRead);
  const main = await setup(CONFORMANCE_PROVIDER_STATES.projectWithJobs);
  if (typeof main === 'string') return { ok: false, error: main };
  const token = text(main['token']);
  const projectId = text(main['projectId']);
  if (token === undefined || projectId === undefined) return { ok: false, error: `state "${CONFORMANCE_PROVIDER_STATES.projectWithJobs}" did not answer a token and a projectId` };
  const scopedValues = typeof scoped === 'string' || text(scoped['token']) === undefined ? undefined : scoped;
  return {
    ok: true,
    value: {
      baseUrl: source.baseUrl,
      token,
      projectId,
      scopedToken: text(scopedValues?.['token']),
      // The state's project is the one its key must not read.
      siblingProjectId: text(scopedValues?.['projectId']),
      scopedProjectId: text(scopedValues?.['scopedProjectId']),
      noJobsReadToken: typeof noJobsRead === 'string' ? undefined : text(noJobsRead['token']),
      ...(source.fetch === undefined ? {} : { fetch: source.fetch }),
    },
  };
}
