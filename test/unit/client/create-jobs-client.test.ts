import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJobsClient } from '../../../src/client/index.js';
import { html502, json, makeJob, scriptedFetch, type Scripted } from './fake-jobs-api.js';

const baseUrl = 'http://api.test';
const clientWith = (script: readonly Scripted[], extra: { token?: string; userAgent?: string; headers?: Record<string, string> } = { token: 'capy_live_abc' }) => {
  const fake = scriptedFetch(script);
  return { client: createJobsClient({ baseUrl, fetch: fake.fetch, ...extra }), requests: fake.requests };
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createJobsClient: successful calls', () => {
  it('lists a project\'s jobs from GET /v1/projects/{projectID}/jobs without a limit by default', async () => {
    const jobs = [makeJob('running', { id: 'job_b' }), makeJob('completed', { id: 'job_a' })];
    const { client, requests } = clientWith([json(200, { jobs })]);
    const res = await client.listProjectJobs('prj_1');
    expect(res).toEqual({ ok: true, status: 200, data: jobs });
    expect(requests[0]?.method).toBe('GET');
    expect(new URL(requests[0]?.url ?? '').pathname).toBe('/v1/projects/prj_1/jobs');
    expect(new URL(requests[0]?.url ?? '').search).toBe('');
  });

  it('passes limit as a query parameter', async () => {
    const { client, requests } = clientWith([json(200, { jobs: [] })]);
    await client.listProjectJobs('prj_1', { limit: 10 });
    expect(new URL(requests[0]?.url ?? '').searchParams.get('limit')).toBe('10');
  });

  it('normalizes a historical "jobs": null to an empty list', async () => {
    const { client } = clientWith([json(200, { jobs: null })]);
    expect(await client.listProjectJobs('prj_1')).toEqual({ ok: true, status: 200, data: [] });
  });

  it('gets one job from GET /v1/jobs/{jobID}, unwrapped', async () => {
    const job = makeJob('pending');
    const { client, requests } = clientWith([json(200, { job })]);
    expect(await client.getJob(job.id)).toEqual({ ok: true, status: 200, data: job });
    expect(new URL(requests[0]?.url ?? '').pathname).toBe(`/v1/jobs/${job.id}`);
  });

  it('encodes path parameters', async () => {
    const { client, requests } = clientWith([json(404, { error: 'job not found' })]);
    await client.getJob('job_1/../x');
    expect(new URL(requests[0]?.url ?? '').pathname).toBe('/v1/jobs/job_1%2F..%2Fx');
  });
});

describe('createJobsClient: HTTP errors are results, never throws', () => {
  it.each([
    ['list', 400, 'limit must be an integer from 1 to 100'],
    ['list', 401, 'unauthorized'],
    ['list', 403, 'forbidden: missing scope jobs:read'],
    ['list', 404, 'project not found'],
    ['get', 401, 'unauthorized'],
    ['get', 403, 'forbidden: key is scoped to another project'],
    ['get', 404, 'job not found'],
    ['get', 429, 'rate limit exceeded'],
    ['get', 500, 'internal server error'],
    ['list', 503, 'service unavailable'],
  ] as const)('%s %i {"error": "%s"}', async (op, status, message) => {
    const { client } = clientWith([json(status, { error: message })]);
    const res = op === 'list' ? await client.listProjectJobs('prj_1', { limit: 5 }) : await client.getJob('job_1');
    expect(res).toEqual({ ok: false, status, error: { kind: 'http', status, body: { error: message }, text: JSON.stringify({ error: message }) } });
  });

  it.each([
    ['7', 7],
    ['0', 0],
    ['Wed, 21 Oct 2026 07:28:00 GMT', undefined],
  ])('reads Retry-After %j as %j seconds', async (header, seconds) => {
    const { client } = clientWith([json(429, { error: 'rate limit exceeded' }, { 'retry-after': header })]);
    const res = await client.getJob('job_1');
    if (res.ok || res.error.kind !== 'http') throw new Error('expected an http error');
    expect(res.error.retryAfterSeconds).toBe(seconds);
  });

  it('keeps an HTML 502 from a proxy as text with no error body', async () => {
    const { client } = clientWith([html502]);
    const res = await client.getJob('job_1');
    expect(res.ok).toBe(false);
    if (res.ok || res.error.kind !== 'http') throw new Error('expected an http error');
    expect(res.error).toMatchObject({ status: 502, body: undefined });
    expect(res.error.text).toContain('502 Bad Gateway');
  });

  it.each([
    ['a JSON body that is not an error object', json(500, { message: 'boom' })],
    ['an empty body', { status: 503, text: '' }],
  ] as const)('has no error body for %s', async (_name, answer) => {
    const { client } = clientWith([answer]);
    const res = await client.getJob('job_1');
    if (res.ok || res.error.kind !== 'http') throw new Error('expected an http error');
    expect(res.error.body).toBeUndefined();
  });

  it('reports a network error with status 0', async () => {
    const { client } = clientWith([{ networkError: 'fetch failed' }]);
    expect(await client.listProjectJobs('prj_1')).toEqual({ ok: false, status: 0, error: { kind: 'network', message: 'fetch failed' } });
  });

  it('reports an aborted call as a network error', async () => {
    const { client } = createJobsClientWithRealAbort();
    const controller = new AbortController();
    controller.abort();
    const res = await client.getJob('job_1', { signal: controller.signal });
    expect(res).toMatchObject({ ok: false, status: 0, error: { kind: 'network' } });
  });

  it.each([
    ['a 200 that is not JSON', { status: 200, text: '<html>ok</html>' }, 'get'],
    ['a 200 without "job"', json(200, { jobs: [] }), 'get'],
    ['a 200 whose job has no id', json(200, { job: { state: 'running' } }), 'get'],
    ['a 200 without "jobs"', json(200, { job: makeJob('running') }), 'list'],
    ['a 200 with a non-job in "jobs"', json(200, { jobs: [42] }), 'list'],
  ] as const)('reports %s as a decode error', async (_name, answer, op) => {
    const { client } = clientWith([answer]);
    const res = op === 'list' ? await client.listProjectJobs('prj_1') : await client.getJob('job_1');
    expect(res).toMatchObject({ ok: false, status: 200, error: { kind: 'decode', status: 200 } });
  });
});

describe('createJobsClient: request headers', () => {
  it('sends Accept and a bearer token', async () => {
    const { client, requests } = clientWith([json(200, { jobs: [] })], { token: 'capy_live_abc' });
    await client.listProjectJobs('prj_1');
    expect(requests[0]?.headers.get('accept')).toBe('application/json');
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer capy_live_abc');
  });

  it('sends no Authorization header without a token', async () => {
    const { client, requests } = clientWith([json(401, { error: 'unauthorized' })], {});
    await client.getJob('job_1');
    expect(requests[0]?.headers.has('authorization')).toBe(false);
    expect(requests[0]?.headers.get('accept')).toBe('application/json');
  });

  it('sends a User-Agent and extra headers when given', async () => {
    const { client, requests } = clientWith([json(200, { jobs: [] })], { userAgent: 'my-app/1.0', headers: { 'X-Trace': 't-1' } });
    await client.listProjectJobs('prj_1');
    expect(requests[0]?.headers.get('user-agent')).toBe('my-app/1.0');
    expect(requests[0]?.headers.get('x-trace')).toBe('t-1');
  });
});

describe('createJobsClient: default fetch', () => {
  it('looks up globalThis.fetch per call, so a fetch installed after creation (MSW) is used', async () => {
    const client = createJobsClient({ baseUrl });
    const installedLater = vi.fn(async () => new Response(JSON.stringify({ job: makeJob('running') }), { status: 200 }));
    vi.stubGlobal('fetch', installedLater);
    const res = await client.getJob('job_1');
    expect(installedLater).toHaveBeenCalledTimes(1);
    expect(res.ok).toBe(true);
  });

  it('exposes the raw openapi-fetch client with the same defaults', async () => {
    const { client, requests } = clientWith([json(200, { job: makeJob('running') })]);
    const { data } = await client.raw.GET('/v1/jobs/{jobID}', { params: { path: { jobID: 'job_1' } } });
    expect(data?.job.state).toBe('running');
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer capy_live_abc');
  });
});

// A fetch that honours the request's AbortSignal the way real fetch does.
function createJobsClientWithRealAbort() {
  const fetch = async (request: Request): Promise<Response> => {
    if (request.signal.aborted) throw new DOMException('This operation was aborted', 'AbortError');
    return new Response(JSON.stringify({ job: makeJob('running') }), { status: 200 });
  };
  return { client: createJobsClient({ baseUrl, fetch }) };
}
