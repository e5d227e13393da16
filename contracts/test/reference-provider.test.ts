import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDER_STATES, PROVIDER_STATES_PATH, REFERENCE_SEED, startReferenceProvider, type ReferenceProvider } from '../reference-provider/index.js';
import { createOpenApiValidator } from '../../src/spec/openapi-validator.js';

const spec = createOpenApiValidator();
const S = REFERENCE_SEED;

type Credential = 'org' | 'none' | 'unknown' | 'malformed' | 'revoked' | 'repeated' | 'no-jobs-read' | 'scoped' | 'foreign-org';
const CREDENTIALS: readonly Credential[] = ['org', 'none', 'unknown', 'malformed', 'revoked', 'repeated', 'no-jobs-read', 'scoped', 'foreign-org'];

/** The Authorization header(s) of a credential; an array sends the header twice. */
const AUTH: Record<Credential, string | string[] | undefined> = {
  org: `Bearer ${S.tokens.org}`,
  none: undefined,
  unknown: 'Bearer capy_live_ref_nobody_has_this_key',
  malformed: `Basic ${Buffer.from('user:pass').toString('base64')}`,
  revoked: `Bearer ${S.tokens.revoked}`,
  repeated: [`Bearer ${S.tokens.org}`, `Bearer ${S.tokens.org}`],
  'no-jobs-read': `Bearer ${S.tokens.noJobsRead}`,
  scoped: `Bearer ${S.tokens.scoped}`,
  'foreign-org': `Bearer ${S.tokens.foreignOrg}`,
};
/** Organization and project scope of each credential that authenticates. */
const PRINCIPAL: Partial<Record<Credential, { org: string; project: string | null; jobsRead: boolean }>> = {
  org: { org: S.organizationId, project: null, jobsRead: true },
  'no-jobs-read': { org: S.organizationId, project: null, jobsRead: false },
  scoped: { org: S.organizationId, project: S.projectId, jobsRead: true },
  'foreign-org': { org: S.foreignOrganizationId, project: null, jobsRead: true },
};

interface Resource {
  readonly id: string;
  /** undefined: does not exist. */
  readonly org: string | undefined;
  readonly project: string | null;
}
const PROJECTS: readonly Resource[] = [
  { id: S.projectId, org: S.organizationId, project: S.projectId },
  { id: S.siblingProjectId, org: S.organizationId, project: S.siblingProjectId },
  { id: S.foreignProjectId, org: S.foreignOrganizationId, project: S.foreignProjectId },
  { id: 'prj_ref_nobody', org: undefined, project: null },
];
const JOBS: readonly Resource[] = [
  { id: 'job_ref_alpha_app_000', org: S.organizationId, project: S.projectId },
  { id: 'job_ref_alpha_api_001', org: S.organizationId, project: S.siblingProjectId },
  { id: 'job_ref_beta_web_002', org: S.foreignOrganizationId, project: S.foreignProjectId },
  { id: S.hostJobId, org: S.organizationId, project: null },
  { id: 'job_ref_nobody', org: undefined, project: null },
];
const LIMITS: readonly (string | undefined)[] = [undefined, '1', '7', '100', '0', '101', '-1', 'abc', '1.5', ''];
const VALID_LIMIT = /^(100|[1-9][0-9]?)$/;

/** The precedence table of openapi.yaml, row by row. */
function expected(credential: Credential, op: 'list' | 'get', target: Resource, limit: string | undefined): { status: number; error?: string } {
  const p = PRINCIPAL[credential];
  if (!p) return { status: 401, error: 'unauthorized' };
  if (!p.jobsRead) return { status: 403, error: 'forbidden: missing scope jobs:read' };
  if (op === 'list' && limit !== undefined && !VALID_LIMIT.test(limit)) return { status: 400, error: 'limit must be an integer from 1 to 100' };
  if (target.org !== p.org) return { status: 404, error: op === 'list' ? 'project not found' : 'job not found' };
  if (p.project !== null && target.project !== p.project) return { status: 403, error: 'forbidden: key is scoped to another project' };
  return { status: 200 };
}

interface RawResponse {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: unknown;
}

function get(baseUrl: string, path: string, authorization: string | string[] | undefined): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${baseUrl}${path}`, { method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown }));
    });
    req.on('error', reject);
    if (authorization !== undefined) req.setHeader('authorization', authorization);
    req.end();
  });
}

async function setupState(baseUrl: string, body: unknown): Promise<{ status: number; body: Record<string, string> }> {
  const res = await fetch(`${baseUrl}${PROVIDER_STATES_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

let provider: ReferenceProvider;
beforeAll(async () => {
  provider = await startReferenceProvider();
});
afterAll(async () => {
  await provider.close();
});

const jobCount = (projectId: string) => (provider.db.prepare('select count(*) as n from jobs where project_id = ?').get(projectId) as { n: number }).n;

describe('reference provider: the precedence table', () => {
  const listCases = CREDENTIALS.flatMap((credential) => PROJECTS.flatMap((project) => LIMITS.map((limit) => ({ credential, project, limit }))));
  it.each(listCases)('list $project.id limit=$limit as $credential', async ({ credential, project, limit }) => {
    const path = `/v1/projects/${project.id}/jobs${limit === undefined ? '' : `?limit=${encodeURIComponent(limit)}`}`;
    const res = await get(provider.url, path, AUTH[credential]);
    const want = expected(credential, 'list', project, limit);
    expect(res.status).toBe(want.status);
    expect(res.contentType).toBe('application/json');
    expect(spec.validateResponse('listProjectJobs', res.status, res.body)).toEqual({ ok: true });
    if (want.error !== undefined) {
      expect(res.body).toEqual({ error: want.error });
      return;
    }
    const jobs = (res.body as { jobs: { project_id: string; created_at: string }[] }).jobs;
    expect(jobs).toHaveLength(Math.min(limit === undefined ? 25 : Number(limit), jobCount(project.id)));
    expect(jobs.every((j) => j.project_id === project.id)).toBe(true);
    expect(jobs.map((j) => j.created_at)).toEqual(jobs.map((j) => j.created_at).sort().reverse());
  });

  const getCases = CREDENTIALS.flatMap((credential) => JOBS.map((job) => ({ credential, job })));
  it.each(getCases)('get $job.id as $credential', async ({ credential, job }) => {
    const res = await get(provider.url, `/v1/jobs/${job.id}`, AUTH[credential]);
    const want = expected(credential, 'get', job, undefined);
    expect(res.status).toBe(want.status);
    expect(res.contentType).toBe('application/json');
    expect(spec.validateResponse('getJob', res.status, res.body)).toEqual({ ok: true });
    if (want.error !== undefined) expect(res.body).toEqual({ error: want.error });
    else expect((res.body as { job: { id: string } }).job.id).toBe(job.id);
  });

  it('omits empty columns instead of sending null, like the Go backend', async () => {
    const res = await get(provider.url, `/v1/projects/${S.projectId}/jobs?limit=100`, AUTH.org);
    const jobs = (res.body as { jobs: Record<string, unknown>[] }).jobs;
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.flatMap((j) => Object.entries(j).filter(([, v]) => v === null))).toEqual([]);
    const pending = jobs.find((j) => j['state'] === 'pending' && j['attempts'] === 0);
    expect(pending).toBeDefined();
    expect(pending).not.toHaveProperty('claimed_at');
  });

  it.each([
    ['an unknown path', '/v1/nothing', 404],
    ['a job path with an extra segment', '/v1/jobs/job_ref_alpha_app_000/extra', 404],
  ])('answers %s with a JSON 404', async (_name, path, status) => {
    const res = await get(provider.url, path, AUTH.org);
    expect(res.status).toBe(status);
    expect(res.body).toHaveProperty('error');
  });
});

describe('reference provider: provider states', () => {
  const authed = (token: string | undefined) => `Bearer ${token ?? ''}`;
  const rows: { state: string; params?: Record<string, unknown>; keys: string[]; check: (v: Record<string, string>) => Promise<void> }[] = [
    {
      state: PROVIDER_STATES.projectWithJobs,
      keys: ['projectId', 'token'],
      check: async (v) => {
        const res = await get(provider.url, `/v1/projects/${v['projectId']}/jobs?limit=100`, authed(v['token']));
        const jobs = (res.body as { jobs: { state: string }[] }).jobs;
        expect(jobs.length).toBeGreaterThanOrEqual(30);
        expect(new Set(jobs.map((j) => j.state))).toEqual(new Set(['pending', 'running', 'completed', 'failed']));
      },
    },
    {
      state: PROVIDER_STATES.projectWithoutJobs,
      keys: ['projectId', 'token'],
      check: async (v) => expect((await get(provider.url, `/v1/projects/${v['projectId']}/jobs`, authed(v['token']))).body).toEqual({ jobs: [] }),
    },
    ...(['pending', 'running', 'completed', 'failed'] as const).map((state) => ({
      state: `a job in state ${state} exists`,
      params: { state },
      keys: ['jobId', 'projectId', 'token'],
      check: async (v: Record<string, string>) => {
        const res = await get(provider.url, `/v1/jobs/${v['jobId']}`, authed(v['token']));
        expect(res.status).toBe(200);
        expect((res.body as { job: { state: string; project_id: string } }).job).toMatchObject({ state, project_id: v['projectId'] });
      },
    })),
    {
      state: PROVIDER_STATES.unknownProject,
      keys: ['projectId', 'token'],
      check: async (v) => {
        expect((await get(provider.url, `/v1/projects/${v['projectId']}/jobs`, authed(v['token']))).status).toBe(404);
        expect((await get(provider.url, `/v1/projects/${S.projectId}/jobs`, authed(v['token']))).status).toBe(200); // the token itself works
      },
    },
    {
      state: PROVIDER_STATES.unknownJob,
      keys: ['jobId', 'token'],
      check: async (v) => {
        expect((await get(provider.url, `/v1/jobs/${v['jobId']}`, authed(v['token']))).status).toBe(404);
        expect((await get(provider.url, `/v1/jobs/job_ref_alpha_app_000`, authed(v['token']))).status).toBe(200);
      },
    },
    {
      state: PROVIDER_STATES.credentialWithoutJobsRead,
      keys: ['projectId', 'jobId', 'token'],
      check: async (v) => {
        expect((await get(provider.url, `/v1/projects/${v['projectId']}/jobs`, authed(v['token']))).body).toEqual({ error: 'forbidden: missing scope jobs:read' });
        expect((await get(provider.url, `/v1/jobs/${v['jobId']}`, authed(v['token']))).status).toBe(403);
        expect((await get(provider.url, `/v1/jobs/${v['jobId']}`, AUTH.org)).status).toBe(200); // the job exists
      },
    },
    {
      state: PROVIDER_STATES.projectScopedCredentialForAnotherProject,
      keys: ['projectId', 'token', 'jobId', 'scopedProjectId'],
      check: async (v) => {
        expect((await get(provider.url, `/v1/projects/${v['projectId']}/jobs`, authed(v['token']))).body).toEqual({ error: 'forbidden: key is scoped to another project' });
        expect((await get(provider.url, `/v1/projects/${v['projectId']}/jobs`, AUTH.org)).status).toBe(200);
        expect((await get(provider.url, `/v1/projects/${v['scopedProjectId']}/jobs`, authed(v['token']))).status).toBe(200);
      },
    },
  ];

  it('covers every sentence', () => {
    expect(rows.map((r) => r.state).sort()).toEqual(Object.values(PROVIDER_STATES).sort());
  });

  it.each(rows)('"$state" answers usable values', async ({ state, params, keys, check }) => {
    const res = await setupState(provider.url, { consumer: 'capydb-jobs-client', state, params: params ?? {}, action: 'setup' });
    expect(res.status).toBe(200);
    for (const key of keys) expect(res.body[key], key).toMatch(/^(prj|job|capy_live)_/);
    await check(res.body);
  });

  it.each([
    ['an unknown state', { state: 'a unicorn exists', action: 'setup' }, 'a unicorn exists'],
    ['params that contradict the sentence', { state: 'a job in state running exists', params: { state: 'failed' }, action: 'setup' }, 'contradicts'],
    ['a missing state', { action: 'setup' }, 'state'],
    ['a teardown of an unknown state', { state: 'a unicorn exists', action: 'teardown' }, 'a unicorn exists'],
  ])('answers %s with 400 naming it', async (_name, body, fragment) => {
    const res = await setupState(provider.url, body);
    expect(res.status).toBe(400);
    expect(res.body['error']).toContain(fragment);
  });

  it('answers a body that is not JSON with 400', async () => {
    const res = await fetch(`${provider.url}${PROVIDER_STATES_PATH}`, { method: 'POST', body: 'state=x' });
    expect(res.status).toBe(400);
  });

  it('removes the rows of a state on teardown, and only those', async () => {
    const first = await setupState(provider.url, { state: PROVIDER_STATES.projectWithoutJobs, action: 'setup' });
    const other = await setupState(provider.url, { state: PROVIDER_STATES.jobRunning, action: 'setup' });
    expect((await get(provider.url, `/v1/projects/${first.body['projectId']}/jobs`, `Bearer ${first.body['token']}`)).status).toBe(200);
    const res = await setupState(provider.url, { state: PROVIDER_STATES.projectWithoutJobs, action: 'teardown' });
    expect(res.status).toBe(200);
    expect((await get(provider.url, `/v1/projects/${first.body['projectId']}/jobs`, AUTH.org)).status).toBe(404);
    expect((await get(provider.url, `/v1/jobs/${other.body['jobId']}`, AUTH.org)).status).toBe(200);
  });
});
