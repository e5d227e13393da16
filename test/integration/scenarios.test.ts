import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type RunningMockServer } from '../../mocks/server/index.js';
import type { Job } from '../../src/api/types.js';
import { FOREIGN_API_KEY, WILDCARD_API_KEY } from '../../src/auth/dev-credentials.js';
import { FOREIGN_ORGANIZATION_ID, MAIN_PROJECT_ID } from '../../src/data/topology.js';
import { createMockApi, type MockApi } from '../../src/mock-api/index.js';
import { loadScenarioCatalog, loadScenarioFile } from '../../src/scenarios/load-scenario-catalog.js';
import type { Scenario } from '../../src/scenarios/index.js';
import { createOpenApiValidator } from '../../src/spec/openapi-validator.js';
import { spawnCli } from './cli-process.js';

const spec = createOpenApiValidator();
const catalog = loadScenarioCatalog();
if (!catalog.ok) throw new Error(`the shipped catalog does not load: ${JSON.stringify(catalog.problems)}`);
const SCENARIOS: readonly Scenario[] = catalog.value;

interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

async function get(api: MockApi, url: string, token: string, extra: Record<string, string> = {}): Promise<Answer> {
  const res = await api.handle({ method: 'GET', url, headers: { authorization: `Bearer ${token}`, ...extra } });
  return { status: res.status, body: res.body === '' ? undefined : JSON.parse(res.body), headers: res.headers };
}

function tokenFor(api: MockApi, projectId: string): string {
  return api.dataset.findProject(projectId)?.organizationId === FOREIGN_ORGANIZATION_ID ? FOREIGN_API_KEY : WILDCARD_API_KEY;
}

describe('every catalog scenario meets its own expect block', () => {
  it('the catalog is not empty', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const api = createMockApi({ frozen: true, scenarios: SCENARIOS });
    const appliedAt = api.clock.now().getTime();
    const applied = api.applyScenario(scenario.name);
    if (!applied.ok) throw new Error(applied.error);
    api.clock.freeze();
    const { projectId, jobs: refs } = applied.value;
    const token = tokenFor(api, projectId);
    const expectations = scenario.expect ?? {};

    const all = await get(api, `/v1/projects/${projectId}/jobs?limit=100`, token);
    expect(all.status).toBe(200);
    expect(spec.validateResponse('listProjectJobs', 200, all.body)).toEqual({ ok: true });
    const allJobs = (all.body as { jobs: Job[] }).jobs;
    if (expectations.total !== undefined) expect(allJobs).toHaveLength(expectations.total);
    if (expectations.states !== undefined) {
      for (const [state, count] of Object.entries(expectations.states)) {
        expect(allJobs.filter((j) => j.state === state), `jobs in state ${state}`).toHaveLength(count);
      }
    }

    const listed = await get(api, `/v1/projects/${projectId}/jobs`, token);
    expect(listed.status).toBe(200);
    expect(spec.validateResponse('listProjectJobs', 200, listed.body)).toEqual({ ok: true });
    if (expectations.listed !== undefined) expect((listed.body as { jobs: Job[] }).jobs).toHaveLength(expectations.listed);

    for (const expected of expectations.jobs ?? []) {
      const id = refs[expected.ref];
      expect(id, `ref ${expected.ref}`).toBeDefined();
      const res = await get(api, `/v1/jobs/${id ?? ''}`, token);
      expect(res.status).toBe(200);
      expect(spec.validateResponse('getJob', 200, res.body)).toEqual({ ok: true });
      const job = (res.body as { job: Record<string, unknown> }).job;
      for (const [field, value] of Object.entries(expected.fields ?? {})) expect(job[field], `${expected.ref}.${field}`).toEqual(value);
      for (const field of expected.present ?? []) expect(job[field], `${expected.ref}.${field} present`).not.toBeUndefined();
      for (const field of expected.present ?? []) expect(job[field], `${expected.ref}.${field} present`).not.toBeNull();
      for (const field of expected.absent ?? []) expect(field in job, `${expected.ref}.${field} absent`).toBe(false);
      // minLength counts UTF-8 bytes, like hugeOutput.bytes (the texts hold multibyte characters).
      for (const [field, min] of Object.entries(expected.minLength ?? {})) {
        expect(Buffer.byteLength(String(job[field] ?? ''), 'utf8'), `${expected.ref}.${field} bytes`).toBeGreaterThanOrEqual(min);
      }
    }

    for (const step of expectations.timeline ?? []) {
      api.clock.set(new Date(appliedAt + step.afterSeconds * 1000));
      const id = refs[step.ref];
      const res = await get(api, `/v1/jobs/${id ?? ''}`, token);
      expect(res.status).toBe(200);
      expect(spec.validateResponse('getJob', 200, res.body)).toEqual({ ok: true });
      const job = (res.body as { job: Job }).job;
      expect(job.state, `${step.ref} at +${step.afterSeconds}s`).toBe(step.state);
      if (step.attempts !== undefined) expect(job.attempts, `${step.ref} attempts at +${step.afterSeconds}s`).toBe(step.attempts);
    }
  });
});

describe('per-request scenarios', () => {
  const list = `/v1/projects/${MAIN_PROJECT_ID}/jobs?limit=100`;

  it.each([
    ['the Prefer header', { prefer: 'scenario=empty-project' }, list],
    ['the __scenario query', {}, `${list}&__scenario=empty-project`],
  ])('%s changes only that request', async (_label, headers, url) => {
    const api = createMockApi({ frozen: true, scenarios: SCENARIOS });
    const before = await get(api, list, WILDCARD_API_KEY);
    const scoped = await get(api, url, WILDCARD_API_KEY, headers);
    const after = await get(api, list, WILDCARD_API_KEY);
    expect((before.body as { jobs: Job[] }).jobs).toHaveLength(100);
    expect((scoped.body as { jobs: Job[] }).jobs).toHaveLength(0);
    expect(after.body).toEqual(before.body);
  });

  it.each([
    ['the Prefer header', { prefer: 'scenario=no-such-scenario' }, list],
    ['the __scenario query', {}, `${list}&__scenario=no-such-scenario`],
  ])('an unknown scenario in %s answers 400 invalid-directive', async (_label, headers, url) => {
    const api = createMockApi({ frozen: true, scenarios: SCENARIOS });
    const res = await get(api, url, WILDCARD_API_KEY, headers);
    expect(res.status).toBe(400);
    expect(res.headers['x-capydb-mock-fault']).toBe('invalid-directive');
    expect(Object.keys(res.body as object)).toEqual(['error']);
  });
});

describe('session-scoped scenarios over the server', () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await startMockServer({ port: 0, frozen: true });
  });
  afterAll(async () => {
    await server.close();
  });

  async function count(session?: string): Promise<number> {
    const res = await fetch(`${server.url}/v1/projects/${MAIN_PROJECT_ID}/jobs?limit=100`, {
      headers: { authorization: `Bearer ${WILDCARD_API_KEY}`, ...(session === undefined ? {} : { 'x-mock-session': session }) },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { jobs: unknown[] }).jobs.length;
  }

  it('is seen only by requests of that session', async () => {
    const apply = await fetch(`${server.url}/__mock/scenarios/one-job-per-state/apply`, { method: 'POST', headers: { 'x-mock-session': 'a' } });
    expect(apply.status).toBe(200);
    expect(((await apply.json()) as { session?: string }).session).toBe('a');
    expect(await count('a')).toBe(4);
    expect(await count('b')).toBe(100);
    expect(await count()).toBe(100);
  });
});

describe('bad scenario files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'capydb-scenarios-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const FILES: readonly (readonly [string, string, RegExp, RegExp])[] = [
    ['invalid-yaml.yaml', 'name: broken\ndescription: [unclosed\n', /.*/, /.+/],
    ['bad-state.yaml', 'name: bad-state\ndescription: x\njobs:\n  - { ref: a, state: exploded }\n', /^\/jobs\/0\/state/, /.+/],
    ['duplicate-ref.yaml', 'name: dup\ndescription: x\njobs:\n  - { ref: a, state: pending }\n  - { ref: a, state: running }\n', /^\/jobs\/1\/ref/, /twice/],
    ['unknown-ref.yaml', 'name: unknown-ref\ndescription: x\njobs:\n  - { ref: a, state: pending }\nexpect:\n  jobs:\n    - { ref: ghost, fields: { attempts: 0 } }\n', /^\/expect\/jobs\/0\/ref/, /ghost/],
  ];

  it.each(FILES)('%s is refused with file, path and message', (name, text, path, message) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    const loaded = loadScenarioFile(file);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.problems.length).toBeGreaterThan(0);
    expect(loaded.problems.every((p) => p.file === file)).toBe(true);
    expect(loaded.problems.some((p) => path.test(p.path) && message.test(p.message))).toBe(true);
  });

  it('a good file loads (the same helper can succeed)', () => {
    const file = join(dir, 'good.yaml');
    writeFileSync(file, 'name: good\ndescription: x\njobs:\n  - { ref: a, state: pending }\nexpect:\n  total: 1\n');
    const loaded = loadScenarioFile(file);
    expect(loaded.ok).toBe(true);
  });

  it('serve --scenario-file with a bad file prints one line and exits 2 without serving', async () => {
    const file = join(dir, 'cli-bad.yaml');
    writeFileSync(file, 'name: cli-bad\ndescription: x\njobs:\n  - { ref: a, state: exploded }\n');
    const proc = spawnCli(['serve', '--port', '0', '--scenario-file', file]);
    expect(await proc.exited).toBe(2);
    const lines = proc.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toContain('/jobs/0/state');
    expect(proc.stdout()).not.toContain('listening');
  }, 30_000);
});
