import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer, type RunningMockServer } from '../../mocks/server/index.js';
import type { Job } from '../../src/api/types.js';
import { README_API_KEY } from '../../src/auth/dev-credentials.js';
import { DEFAULT_NOW_ISO } from '../../src/data/index.js';
import { MAIN_PROJECT_ID } from '../../src/data/topology.js';
import { createOpenApiValidator, findPackageFile } from '../../src/spec/openapi-validator.js';

const admin = createOpenApiValidator(findPackageFile('mocks/admin-openapi.yaml'));
const jobsSpec = createOpenApiValidator();
const AUTH = { authorization: `Bearer ${README_API_KEY}` };

let server: RunningMockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, frozen: true });
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  await call('resetMock', 'POST', '/__mock/reset', undefined, 200);
});

/** One admin call; its answer must be the expected status and validate against the admin spec. */
async function call(operationId: string, method: string, path: string, body: unknown, status: number): Promise<unknown> {
  const res = await fetch(server.url + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  expect(res.status, `${method} ${path}: ${text.slice(0, 300)}`).toBe(status);
  const parsed: unknown = text === '' ? undefined : JSON.parse(text);
  if (text !== '') expect(admin.validateResponse(operationId, status, parsed), `${operationId} ${status}`).toEqual({ ok: true });
  else expect(admin.documentedStatuses(operationId)).toContain(String(status));
  return parsed;
}

async function jobsGet(path: string): Promise<{ status: number; body: unknown; fault: string | null }> {
  const res = await fetch(server.url + path, { headers: AUTH });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // HTML fault bodies stay text
  }
  return { status: res.status, body, fault: res.headers.get('x-capydb-mock-fault') };
}

async function firstMainJob(): Promise<Job> {
  const res = await jobsGet(`/v1/projects/${MAIN_PROJECT_ID}/jobs?limit=1`);
  const job = (res.body as { jobs: Job[] }).jobs[0];
  if (!job) throw new Error('no job');
  return job;
}

const NEW_ID = 'job_zzzzzzzzzzzzzzzzzzzzzz';

describe('admin API over the real server', () => {
  it('answers the read endpoints per the admin spec', async () => {
    const dataset = (await call('getDataset', 'GET', '/__mock/dataset', undefined, 200)) as { seed: number };
    expect(dataset.seed).toBe(42);
    const scenarios = (await call('listScenarios', 'GET', '/__mock/scenarios', undefined, 200)) as { scenarios: { name: string }[] };
    expect(scenarios.scenarios.map((s) => s.name)).toContain('one-job-per-state');
    const clock = (await call('getClock', 'GET', '/__mock/clock', undefined, 200)) as { now: string; frozen: boolean };
    expect(clock).toMatchObject({ now: DEFAULT_NOW_ISO, frozen: true });
    await call('listFaultRules', 'GET', '/__mock/faults', undefined, 200);
    await call('getJournal', 'GET', '/__mock/journal', undefined, 200);
    await call('getJournal', 'GET', '/__mock/journal?limit=0', undefined, 400);
  });

  it('applies a scenario, and refuses an unknown one with 404', async () => {
    const applied = (await call('applyScenario', 'POST', '/__mock/scenarios/one-job-per-state/apply', undefined, 200)) as { jobs: Record<string, string> };
    const id = applied.jobs['failed'];
    expect((await jobsGet(`/v1/jobs/${id ?? ''}`)).status).toBe(200);
    await call('applyScenario', 'POST', '/__mock/scenarios/nope/apply', undefined, 404);
  });

  it('sets up a provider state and refuses an unknown one', async () => {
    const values = (await call('setupProviderState', 'POST', '/__mock/provider-states', { state: 'a credential without jobs:read exists' }, 200)) as Record<string, string>;
    expect(values['token']).toMatch(/^capy_live_/);
    await call('setupProviderState', 'POST', '/__mock/provider-states', { state: 'no such state' }, 400);
  });

  it('stores a valid job and serves it from the Jobs API', async () => {
    const job = { ...(await firstMainJob()), id: NEW_ID };
    await call('upsertJob', 'POST', '/__mock/jobs', { job }, 200);
    const res = await jobsGet(`/v1/jobs/${NEW_ID}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ job });
    expect(jobsSpec.validateResponse('getJob', 200, res.body)).toEqual({ ok: true });
  });

  it('refuses an invalid job listing every violation, storing nothing', async () => {
    const base = await firstMainJob();
    const bad = { ...base, id: NEW_ID, attempts: -1, state: 'exploded', created_at: 'yesterday' };
    const res = (await call('upsertJob', 'POST', '/__mock/jobs', { job: bad }, 400)) as { violations?: { path: string }[] };
    const paths = (res.violations ?? []).map((v) => v.path).join(' ');
    expect(paths).toContain('attempts');
    expect(paths).toContain('state');
    expect(paths).toContain('created_at');
    expect((await jobsGet(`/v1/jobs/${NEW_ID}`)).status).toBe(404);

    const before = await jobsGet(`/v1/jobs/${base.id}`);
    await call('upsertJob', 'POST', '/__mock/jobs', { job: { ...base, attempts: -1 } }, 400);
    expect(await jobsGet(`/v1/jobs/${base.id}`)).toEqual(before);
  });

  it('freezes, advances, sets and speeds up the clock', async () => {
    await call('controlClock', 'POST', '/__mock/clock', { action: 'advance', ms: 60_000 }, 200);
    expect(((await call('getClock', 'GET', '/__mock/clock', undefined, 200)) as { now: string }).now).toBe('2026-06-18T09:16:00.000Z');
    const set = (await call('controlClock', 'POST', '/__mock/clock', { action: 'set', at: '2026-06-19T00:00:00.000Z' }, 200)) as { now: string };
    expect(set.now).toBe('2026-06-19T00:00:00.000Z');
    const sped = (await call('controlClock', 'POST', '/__mock/clock', { action: 'speed', speed: 60 }, 200)) as { speed: number };
    expect(sped.speed).toBe(60);
    const frozen = (await call('controlClock', 'POST', '/__mock/clock', { action: 'freeze' }, 200)) as { frozen: boolean };
    expect(frozen.frozen).toBe(true);
    await call('controlClock', 'POST', '/__mock/clock', { action: 'advance', ms: -5 }, 400);
    await call('controlClock', 'POST', '/__mock/clock', { action: 'warp' }, 400);
  });

  it('moves a live job pending → running → completed as the clock advances', async () => {
    const started = (await call('startLiveJob', 'POST', '/__mock/live-jobs', { type: 'instance.create', outcome: 'success' }, 201)) as { job: Job };
    const id = started.job.id;
    const seen: string[] = [];
    for (let i = 0; i < 400; i += 1) {
      const res = await jobsGet(`/v1/jobs/${id}`);
      expect(res.status).toBe(200);
      expect(jobsSpec.validateResponse('getJob', 200, res.body)).toEqual({ ok: true });
      const state = (res.body as { job: Job }).job.state;
      if (seen.at(-1) !== state) seen.push(state);
      if (state === 'completed') break;
      await call('controlClock', 'POST', '/__mock/clock', { action: 'advance', ms: 2_000 }, 200);
    }
    expect(seen).toEqual(['pending', 'running', 'completed']);
    await call('startLiveJob', 'POST', '/__mock/live-jobs', { outcome: 'success' }, 400);
  });

  it('transitions a job, refusing an illegal transition with 409', async () => {
    const started = (await call('startLiveJob', 'POST', '/__mock/live-jobs', { type: 'instance.create', outcome: 'success' }, 201)) as { job: Job };
    await call('transitionJob', 'POST', `/__mock/jobs/${started.job.id}/transitions`, { to: 'completed' }, 409);
    const running = (await call('transitionJob', 'POST', `/__mock/jobs/${started.job.id}/transitions`, { to: 'running' }, 200)) as { job: Job };
    expect(running.job.state).toBe('running');
    await call('transitionJob', 'POST', `/__mock/jobs/${NEW_ID}/transitions`, { to: 'running' }, 404);
  });

  it('injects a fault rule into the next Jobs API request and journals it', async () => {
    const rule = (await call('addFaultRule', 'POST', '/__mock/faults', { fault: { kind: 'server-error' }, remaining: 1 }, 201)) as { id: string };
    const faulted = await jobsGet(`/v1/projects/${MAIN_PROJECT_ID}/jobs`);
    expect(faulted.status).toBe(500);
    expect(faulted.fault).toBe('server-error');
    const healthy = await jobsGet(`/v1/projects/${MAIN_PROJECT_ID}/jobs`);
    expect(healthy.status).toBe(200);
    expect(healthy.fault).toBeNull();
    const journal = (await call('getJournal', 'GET', '/__mock/journal', undefined, 200)) as { entries: { status: number; fault?: string }[] };
    expect(journal.entries.slice(0, 2).map((e) => [e.status, e.fault])).toEqual([[200, undefined], [500, 'server-error']]);
    await call('addFaultRule', 'POST', '/__mock/faults', { fault: { kind: 'meteor' } }, 400);
    expect(rule.id).toMatch(/\S/);
    await call('removeFaultRule', 'DELETE', '/__mock/faults/fault_nope', undefined, 404);
    const second = (await call('addFaultRule', 'POST', '/__mock/faults', { fault: { kind: 'unavailable' } }, 201)) as { id: string };
    await call('removeFaultRule', 'DELETE', `/__mock/faults/${second.id}`, undefined, 204);
    await call('addFaultRule', 'POST', '/__mock/faults', { fault: { kind: 'unavailable' } }, 201);
    await call('clearFaultRules', 'DELETE', '/__mock/faults', undefined, 204);
    expect((await call('listFaultRules', 'GET', '/__mock/faults', undefined, 200)) as unknown).toEqual({ rules: [] });
  });

  it('resets the store, clock, faults and journal', async () => {
    const job = { ...(await firstMainJob()), id: NEW_ID };
    await call('upsertJob', 'POST', '/__mock/jobs', { job }, 200);
    await call('controlClock', 'POST', '/__mock/clock', { action: 'advance', ms: 3_600_000 }, 200);
    await call('addFaultRule', 'POST', '/__mock/faults', { fault: { kind: 'unavailable' }, operation: 'getJob' }, 201);
    expect(await call('resetMock', 'POST', '/__mock/reset', undefined, 200)).toEqual({ reset: true });
    expect(((await call('getClock', 'GET', '/__mock/clock', undefined, 200)) as { now: string }).now).toBe(DEFAULT_NOW_ISO);
    expect(await call('listFaultRules', 'GET', '/__mock/faults', undefined, 200)).toEqual({ rules: [] });
    expect(await call('getJournal', 'GET', '/__mock/journal', undefined, 200)).toEqual({ entries: [] });
    expect((await jobsGet(`/v1/jobs/${NEW_ID}`)).status).toBe(404);
  });
});
