import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_STATES, type Job } from '../../src/api/types.js';
import { createOpenApiValidator, findPackageFile } from '../../src/spec/openapi-validator.js';

// Prism serves the spec's own examples (static) or schema-generated bodies (dynamic): a second
// opinion that the spec alone is enough to mock the API.
const validator = createOpenApiValidator();
const AUTH = { Authorization: 'Bearer capy_live_x' };

interface Prism {
  readonly url: string;
  stop(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function startPrism(extra: readonly string[]): Promise<Prism> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    findPackageFile('node_modules/.bin/prism'),
    ['mock', findPackageFile('openapi.yaml'), '--port', String(port), '-h', '127.0.0.1', '-v', 'warn', ...extra],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prism exited (${child.exitCode}): ${stderr}`);
    try {
      await fetch(`${url}/v1/jobs/job_x`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`prism did not answer on ${url}: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return { url, stop: () => void child.kill('SIGTERM') };
}

async function getJson(url: string, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { headers });
  return { status: response.status, body: await response.json() };
}

describe('Prism static mock (the spec examples)', () => {
  let prism: Prism;
  beforeAll(async () => {
    prism = await startPrism([]);
  }, 60_000);
  afterAll(() => prism?.stop());

  const cases = [
    { example: 'pending', state: 'pending' },
    { example: 'running', state: 'running' },
    { example: 'completed', state: 'completed' },
    { example: 'failed', state: 'failed' },
    // A transient failure goes back to pending with the error kept.
    { example: 'retrying', state: 'pending' },
  ] as const;

  it.each(cases)('Prefer: example=$example on GET /v1/jobs/{id} → 200, a $state job that matches the spec', async ({ example, state }) => {
    const { status, body } = await getJson(`${prism.url}/v1/jobs/job_x`, { ...AUTH, Prefer: `example=${example}` });
    expect(status).toBe(200);
    expect((body as { job: Job }).job.state).toBe(state);
    expect(validator.validateResponse('getJob', 200, body)).toEqual({ ok: true });
  });

  it('the retrying example carries a transient error and a retry budget left', async () => {
    const { body } = await getJson(`${prism.url}/v1/jobs/job_x`, { ...AUTH, Prefer: 'example=retrying' });
    const job = (body as { job: Job }).job;
    expect(job.retry_classification).toBe('transient');
    expect(job.attempts).toBeLessThan(job.max_attempts);
  });

  it('an unknown example name is refused, so the checks above do pick the named one', async () => {
    const response = await fetch(`${prism.url}/v1/jobs/job_x`, { headers: { ...AUTH, Prefer: 'example=no-such-example' } });
    expect(response.status).not.toBe(200);
  });

  it('Prefer: example=recent lists one job in each state, valid against the spec', async () => {
    const { status, body } = await getJson(`${prism.url}/v1/projects/prj_k3v9q2m7x4t8w1z6b5n0/jobs`, { ...AUTH, Prefer: 'example=recent' });
    expect(status).toBe(200);
    expect(validator.validateResponse('listProjectJobs', 200, body)).toEqual({ ok: true });
    const states = (body as { jobs: Job[] }).jobs.map((job) => job.state);
    expect([...new Set(states)].sort()).toEqual([...JOB_STATES].sort());
  });

  it.each([
    { path: '/v1/jobs/job_x', operation: 'getJob' },
    { path: '/v1/projects/prj_k3v9q2m7x4t8w1z6b5n0/jobs', operation: 'listProjectJobs' },
  ])('$operation without credentials → 401 with the spec error body', async ({ path, operation }) => {
    const { status, body } = await getJson(`${prism.url}${path}`, {});
    expect(status).toBe(401);
    expect(validator.validateResponse(operation, 401, body)).toEqual({ ok: true });
  });
});

describe('Prism dynamic mock (bodies generated from the schemas)', () => {
  let prism: Prism;
  beforeAll(async () => {
    prism = await startPrism(['--dynamic']);
  }, 60_000);
  afterAll(() => prism?.stop());

  it.each([1, 2, 3])('generated job #%i matches the spec and stays within realistic bounds', async () => {
    const { status, body } = await getJson(`${prism.url}/v1/jobs/job_x`, AUTH);
    expect(status).toBe(200);
    expect(validator.validateResponse('getJob', 200, body)).toEqual({ ok: true });
    const job = (body as { job: Job }).job;
    expect(job.attempts).toBeLessThanOrEqual(100);
    expect(job.max_attempts).toBeLessThanOrEqual(100);
    expect(new Date(job.created_at).getUTCFullYear()).toBeGreaterThanOrEqual(2000);
  });
});
