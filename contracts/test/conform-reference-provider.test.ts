import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BREAKAGES, PROVIDER_STATES_PATH, REFERENCE_SEED, startReferenceProvider, type BreakageName, type ReferenceProvider } from '../reference-provider/index.js';
import { conformanceOptionsFromProviderStates, runConformance, type ConformanceOptions } from '../../src/conformance/index.js';

/** Everything `conform` can be given: the provider's own states, plus the seed's foreign ids. */
async function conformOptionsFor(baseUrl: string): Promise<ConformanceOptions> {
  const prepared = await conformanceOptionsFromProviderStates({ baseUrl, providerStatesUrl: `${baseUrl}${PROVIDER_STATES_PATH}` });
  if (!prepared.ok) throw new Error(prepared.error);
  return { ...prepared.value, foreignProjectId: REFERENCE_SEED.foreignProjectId, foreignJobId: 'job_ref_beta_web_000' };
}

describe('conform against the reference provider', () => {
  let provider: ReferenceProvider;
  let options: ConformanceOptions;
  beforeAll(async () => {
    provider = await startReferenceProvider();
    options = await conformOptionsFor(provider.url);
  });
  afterAll(async () => provider.close());

  it('passes, having run every kind of check', async () => {
    const report = await runConformance(options);
    expect(report.summary.failedNames).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.summary.requests).toBeLessThanOrEqual(200);
    for (const name of [
      'auth.missing-credentials',
      'access.sibling-project',
      'access.missing-scope',
      'access.scoped-own-project',
      'access.foreign-project',
      'access.foreign-job',
      'list.default-limit',
      'list.newest-first',
      'list.get-agreement',
      'job.invariants',
      'response.schema',
      'precedence.400-invalid-limit',
      'precedence.403-sibling-project',
      'precedence.404-not-found',
    ]) {
      expect(report.summary.byName[name]?.passed ?? 0, name).toBeGreaterThan(0);
    }
  });

  it('prepares every credential from the provider states', () => {
    expect(options.token).toMatch(/^capy_live_/);
    expect(options.scopedToken).toMatch(/^capy_live_/);
    expect(options.noJobsReadToken).toMatch(/^capy_live_/);
    expect(options.scopedProjectId).toMatch(/^prj_/);
    expect(options.siblingProjectId).toMatch(/^prj_/);
    expect(new Set([options.projectId, options.scopedProjectId, options.siblingProjectId]).size).toBe(3);
    expect(new Set([options.token, options.scopedToken, options.noJobsReadToken]).size).toBe(3);
  });

  it('cannot prepare options from an endpoint that is not a state-change endpoint', async () => {
    const prepared = await conformanceOptionsFromProviderStates({ baseUrl: provider.url, providerStatesUrl: `${provider.url}/__mock/provider-states` });
    expect(prepared).toEqual({ ok: false, error: 'state "a project with jobs exists" answered 404' });
  });

  it('skips the optional credentials a provider does not know', async () => {
    const onlyMain: typeof fetch = async (input, init) =>
      String(init?.body).includes('a project with jobs exists') ? fetch(input, init) : new Response('{"error":"unknown provider state"}', { status: 400 });
    const prepared = await conformanceOptionsFromProviderStates({ baseUrl: provider.url, providerStatesUrl: `${provider.url}${PROVIDER_STATES_PATH}`, fetch: onlyMain });
    expect(prepared.ok && [prepared.value.scopedToken, prepared.value.siblingProjectId, prepared.value.noJobsReadToken]).toEqual([undefined, undefined, undefined]);
  });

  // The mock's states hand out a key scoped to the main project itself; both layouts must pass.
  it.each([
    ['named', { scopedProjectId: REFERENCE_SEED.projectId }],
    ['unknown', { scopedProjectId: undefined }],
  ])('passes with a key scoped to the main project (its own project %s)', async (_name, extra) => {
    const report = await runConformance({
      baseUrl: provider.url,
      token: REFERENCE_SEED.tokens.org,
      projectId: REFERENCE_SEED.projectId,
      scopedToken: REFERENCE_SEED.tokens.scoped,
      siblingProjectId: REFERENCE_SEED.siblingProjectId,
      ...extra,
      maxRequests: 100,
    });
    expect(report.summary.failedNames).toEqual([]);
    expect(report.summary.byName['access.sibling-project']?.passed).toBe(2);
    expect(report.summary.byName['precedence.403-sibling-project']?.passed ?? 0).toBeGreaterThan(0);
  });

  it('fails when told the wrong sibling (the key reads it)', async () => {
    const report = await runConformance({ baseUrl: provider.url, token: REFERENCE_SEED.tokens.org, projectId: REFERENCE_SEED.projectId, scopedToken: REFERENCE_SEED.tokens.scoped, siblingProjectId: REFERENCE_SEED.projectId, maxRequests: 60 });
    expect(report.summary.failedNames).toContain('access.sibling-project');
  });

  it('sends the same requests for the same seed and others for another seed', async () => {
    const paths = async (seed: number) => (await runConformance({ ...options, seed, maxRequests: 60 })).checks.flatMap((c) => (c.name.startsWith('precedence.') && c.request ? [c.request.path] : []));
    const [a, b, c] = [await paths(7), await paths(7), await paths(8)];
    expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('stays within --max-requests and says it stopped', async () => {
    const report = await runConformance({ ...options, maxRequests: 12 });
    expect(report.summary.requests).toBe(12);
    expect(report.summary.byName['run.budget']?.warnings).toBe(1);
  });

  /** A fetch that adds the fields of today's CapyDB to every job. */
  const withNewerFields: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    const body = (await res.json()) as { job?: Record<string, unknown>; jobs?: Record<string, unknown>[] };
    for (const job of [...(body.jobs ?? []), ...(body.job ? [body.job] : [])]) Object.assign(job, { host_id: 'host_1', instance_id: 'inst_1' });
    return new Response(JSON.stringify(body), { status: res.status, headers: res.headers });
  };

  it.each([
    [false, true, 'warn'],
    [true, false, 'fail'],
  ] as const)('with unknown fields, strict=%s passes=%s (unknown fields %s)', async (strict, ok, outcome) => {
    const report = await runConformance({ ...options, strict, fetch: withNewerFields, maxRequests: 40 });
    expect(report.ok).toBe(ok);
    const unknown = report.checks.filter((c) => c.name === 'response.unknown-fields');
    expect(unknown.length).toBeGreaterThan(0);
    expect(new Set(unknown.map((c) => c.outcome))).toEqual(new Set([outcome]));
    expect(unknown[0]?.message).toContain('host_id');
  });

  it('waits as 429 Retry-After asks, within the bound, and then carries on', async () => {
    const slept: number[] = [];
    let calls = 0;
    const limited: typeof fetch = async (input, init) => {
      calls++;
      if (calls === 1) return new Response('{"error":"rate limit exceeded"}', { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '2' } });
      if (calls === 2) return new Response('{"error":"rate limit exceeded"}', { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '86400' } });
      return fetch(input, init);
    };
    const report = await runConformance({ ...options, fetch: limited, sleep: async (ms) => void slept.push(ms), maxRetryAfterSeconds: 5, maxRequests: 40 });
    expect(slept).toEqual([2000, 5000]);
    expect(report.ok).toBe(true);
    expect(report.summary.byName['transport.rate-limited']?.warnings).toBe(1);
  });

  it('fails when a 429 never ends', async () => {
    const always429: typeof fetch = async () => new Response('{"error":"rate limit exceeded"}', { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '0' } });
    const report = await runConformance({ ...options, fetch: always429, sleep: async () => undefined, maxRequests: 20 });
    expect(report.ok).toBe(false);
    expect(report.summary.failedNames).toContain('list.baseline');
  });
});

describe('conform catches every breakage of the reference provider', () => {
  const CAUGHT_BY: Record<BreakageName, string> = {
    'misspelled-field': 'response.schema',
    'state-outside-enum': 'response.schema',
    'limit-ignored': 'list.limit-honoured',
    'oldest-first': 'list.newest-first',
    'no-auth-required': 'auth.missing-credentials',
    'foreign-job-served': 'access.foreign-project',
    '500-instead-of-404': 'not-found.project',
    'wrong-content-type': 'response.content-type',
    'missing-required-field': 'response.schema',
    'completed-without-completed-at': 'job.invariants',
  };

  it('has a row for every breakage', () => {
    expect(Object.keys(CAUGHT_BY).sort()).toEqual(Object.keys(BREAKAGES).sort());
  });

  it.each(Object.entries(CAUGHT_BY) as [BreakageName, string][])('%s is caught by %s', async (breakage, check) => {
    const broken = await startReferenceProvider({ breakage });
    try {
      const report = await runConformance({ ...(await conformOptionsFor(broken.url)), maxRequests: 80 });
      expect(report.ok).toBe(false);
      expect(report.summary.failedNames).toContain(check);
    } finally {
      await broken.close();
    }
  });
});

describe('conform against nothing', () => {
  it('reports an unreachable API as one failing check', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const report = await runConformance({ baseUrl: `http://127.0.0.1:${port}`, token: 'capy_live_x', projectId: 'prj_x' });
    expect(report.ok).toBe(false);
    expect(report.summary.failedNames).toContain('transport.reachable');
    expect(report.summary.requests).toBe(1);
  });
});
