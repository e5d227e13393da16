import type { Job } from '../api/types.js';
import { DEV_CREDENTIALS } from '../auth/index.js';
import { ClockError } from '../core/clock.js';
import { jsonResponse } from '../core/json-response.js';
import type { MockRequest, MockResponse } from '../core/mock-request.js';
import type { components } from '../generated/admin-api.js';
import type { ControlResult, MockApi } from '../mock-api/index.js';
import { createOpenApiValidator, findPackageFile, type OpenApiValidator } from '../spec/openapi-validator.js';

type AdminSchemas = components['schemas'];

/** The admin API's contract. */
export const ADMIN_OPENAPI_PATH = findPackageFile('mocks/admin-openapi.yaml');

/** Options of the admin handler. */
export interface AdminOptions {
  /** When set, every admin call needs `Authorization: Bearer <adminToken>`. */
  readonly adminToken?: string;
}

type Route = { readonly method: string; readonly pattern: RegExp; readonly run: (m: RegExpExecArray, ctx: Ctx) => MockResponse };
interface Ctx {
  readonly api: MockApi;
  readonly body: unknown;
  readonly session: string | undefined;
  readonly query: URLSearchParams;
  readonly admin: OpenApiValidator;
  readonly jobs: OpenApiValidator;
}

/**
 * The admin API under `/__mock/` (see `mocks/admin-openapi.yaml`): JSON in, JSON out, every
 * request body validated against the admin spec before anything changes.
 * @example
 * const handleAdmin = createAdminHandler(api);
 * await handleAdmin({ method: 'POST', url: '/__mock/reset', headers: {} }, '');
 */
export function createAdminHandler(api: MockApi, options: AdminOptions = {}): (request: MockRequest, body: string) => MockResponse {
  // Built on the first admin call, not at start: most runs never touch the admin API.
  let validators: { admin: OpenApiValidator; jobs: OpenApiValidator } | undefined;
  return (request, rawBody) => {
    if (options.adminToken !== undefined && request.headers['authorization'] !== `Bearer ${options.adminToken}`) {
      return adminError(401, 'the admin API needs Authorization: Bearer <admin token>');
    }
    const url = new URL(request.url, 'http://mock.invalid');
    let body: unknown;
    if (rawBody.trim() !== '') {
      try {
        body = JSON.parse(rawBody);
      } catch {
        return adminError(400, 'the request body is not valid JSON');
      }
    }
    const method = request.method.toUpperCase();
    const matching = ROUTES.filter((r) => r.pattern.test(url.pathname));
    if (matching.length === 0) return adminError(404, `no admin endpoint at ${url.pathname}`);
    const route = matching.find((r) => r.method === method);
    if (!route) return { ...adminError(405, `${method} is not allowed on ${url.pathname}`), headers: { 'content-type': 'application/json', allow: matching.map((r) => r.method).join(', ') } };
    const match = route.pattern.exec(url.pathname) as RegExpExecArray;
    try {
      validators ??= { admin: createOpenApiValidator(ADMIN_OPENAPI_PATH), jobs: createOpenApiValidator() };
      return route.run(match, { api, body, session: request.headers['x-mock-session'], query: url.searchParams, ...validators });
    } catch (error) {
      if (error instanceof ClockError) return adminError(400, error.message);
      throw error;
    }
  };
}

const ROUTES: readonly Route[] = [
  { method: 'GET', pattern: /^\/__mock\/dataset$/, run: (_, { api }) => jsonResponse(200, datasetSummary(api)) },
  {
    method: 'GET',
    pattern: /^\/__mock\/scenarios$/,
    run: (_, { api }) =>
      jsonResponse(200, { scenarios: api.listScenarios().map((s) => ({ name: s.name, description: s.description, providerStates: (s.providerStates ?? []).map((p) => p.state) })) }),
  },
  {
    method: 'POST',
    pattern: /^\/__mock\/scenarios\/([^/]+)\/apply$/,
    run: (m, ctx) =>
      validated(ctx, 'ApplyScenarioRequest', ctx.body ?? {}, (input) =>
        answer(200, ctx.api.applyScenario(decodeURIComponent(m[1] ?? ''), { ...(ctx.session === undefined ? {} : { session: ctx.session }), ...(input.projectId === undefined ? {} : { projectId: input.projectId }) })),
      ),
  },
  {
    method: 'POST',
    pattern: /^\/__mock\/provider-states$/,
    run: (_, ctx) =>
      validated(ctx, 'ProviderStateRequest', ctx.body, (input) =>
        input.action === 'teardown' ? jsonResponse(200, {}) : answer(200, ctx.api.setupProviderState(input.state, input.params)),
      ),
  },
  {
    method: 'POST',
    pattern: /^\/__mock\/jobs$/,
    run: (_, ctx) =>
      validated(ctx, 'StoredJob', ctx.body, (input) => {
        const check = ctx.jobs.validateSchema('Job', input.job);
        if (!check.ok) return adminError(400, 'the job does not match the Jobs API spec', check.violations.map((v) => ({ path: `/job${v.path === '/' ? '' : v.path}`, message: v.message })));
        return answer(200, ctx.api.upsertJob(input.job as unknown as Job, ctx.session), (job) => ({ job }));
      }),
  },
  {
    method: 'POST',
    pattern: /^\/__mock\/live-jobs$/,
    run: (_, ctx) =>
      validated(ctx, 'LiveJobRequest', ctx.body, (input) =>
        answer(201, ctx.api.startLiveJob(input, ctx.session), (job) => ({ job })),
      ),
  },
  {
    method: 'POST',
    pattern: /^\/__mock\/jobs\/([^/]+)\/transitions$/,
    run: (m, ctx) =>
      validated(ctx, 'TransitionRequest', ctx.body, (input) =>
        answer(200, ctx.api.transitionJob(decodeURIComponent(m[1] ?? ''), input, ctx.session), (job) => ({ job })),
      ),
  },
  { method: 'GET', pattern: /^\/__mock\/clock$/, run: (_, { api }) => jsonResponse(200, clockState(api)) },
  {
    method: 'POST',
    pattern: /^\/__mock\/clock$/,
    run: (_, ctx) =>
      validated(ctx, 'ClockCommand', ctx.body, (input) => {
        const clock = ctx.api.clock;
        if (input.action === 'freeze') clock.freeze();
        else if (input.action === 'resume') clock.resume();
        else if (input.action === 'advance') {
          if (input.ms === undefined) return adminError(400, 'advance needs ms', [{ path: '/ms', message: 'required for advance' }]);
          clock.advance(input.ms);
        } else if (input.action === 'set') {
          if (input.at === undefined) return adminError(400, 'set needs at', [{ path: '/at', message: 'required for set' }]);
          clock.set(new Date(input.at));
        } else {
          if (input.speed === undefined) return adminError(400, 'speed needs speed', [{ path: '/speed', message: 'required for speed' }]);
          clock.setSpeed(input.speed);
        }
        return jsonResponse(200, clockState(ctx.api));
      }),
  },
  {
    method: 'POST',
    pattern: /^\/__mock\/reset$/,
    run: (_, { api }) => {
      api.reset();
      return jsonResponse(200, { reset: true });
    },
  },
  {
    method: 'GET',
    pattern: /^\/__mock\/journal$/,
    run: (_, { api, query }) => {
      const raw = query.get('limit') ?? '100';
      const limit = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
      if (!(limit >= 1 && limit <= 500)) return adminError(400, 'limit must be an integer from 1 to 500');
      return jsonResponse(200, { entries: api.journal.entries(limit) });
    },
  },
  { method: 'GET', pattern: /^\/__mock\/faults$/, run: (_, { api }) => jsonResponse(200, { rules: api.faults.list() }) },
  {
    method: 'POST',
    pattern: /^\/__mock\/faults$/,
    run: (_, ctx) =>
      validated(ctx, 'FaultRuleInput', ctx.body, (input) =>
        jsonResponse(201, ctx.api.faults.add({ ...input, probability: input.probability ?? 1, operation: input.operation ?? 'any' })),
      ),
  },
  {
    method: 'DELETE',
    pattern: /^\/__mock\/faults$/,
    run: (_, { api }) => {
      api.faults.clear();
      return { status: 204, headers: {}, body: '' };
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/__mock\/faults\/([^/]+)$/,
    run: (m, { api }) => (api.faults.remove(decodeURIComponent(m[1] ?? '')) ? { status: 204, headers: {}, body: '' } : adminError(404, `no fault rule "${m[1] ?? ''}"`)),
  },
];

/** Validate a request body against an admin spec schema, then hand it on typed as the generated type. */
function validated<K extends keyof AdminSchemas>(ctx: Ctx, schema: K, body: unknown, run: (input: AdminSchemas[K]) => MockResponse): MockResponse {
  if (body === undefined) return adminError(400, 'a JSON request body is required');
  const check = ctx.admin.validateSchema(schema, body);
  if (!check.ok) return adminError(400, `the request body does not match ${schema}`, check.violations);
  return run(body as AdminSchemas[K]);
}

function answer<T>(status: number, result: ControlResult<T>, wrap: (value: T) => unknown = (v) => v): MockResponse {
  return result.ok ? jsonResponse(status, wrap(result.value)) : adminError(result.status, result.error, result.violations);
}

function adminError(status: number, error: string, violations?: readonly { path: string; message: string }[]): MockResponse {
  return jsonResponse(status, violations && violations.length > 0 ? { error, violations } : { error });
}

function clockState(api: MockApi): { now: string; frozen: boolean; speed: number } {
  return { now: api.clock.now().toISOString(), frozen: api.clock.frozen, speed: api.clock.speed };
}

function datasetSummary(api: MockApi) {
  const { dataset } = api;
  return {
    seed: dataset.seed,
    now: dataset.now.toISOString(),
    organizations: dataset.organizations.map((o) => ({
      id: o.id,
      name: o.name,
      projects: dataset.projects.filter((p) => p.organizationId === o.id).map((p) => ({ id: p.id, name: p.name, jobCount: p.jobCount })),
    })),
    credentials: DEV_CREDENTIALS.map((c) => ({ label: c.credentialId, token: c.token, description: c.description })),
  };
}
