import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type RunningMockServer } from '../../mocks/server/index.js';
import { README_API_KEY } from '../../src/auth/dev-credentials.js';
import { createDataset } from '../../src/data/index.js';
import { MAIN_PROJECT_ID, SIBLING_PROJECT_ID } from '../../src/data/topology.js';

interface RawAnswer {
  readonly status: number;
  readonly body: string;
}

let server: RunningMockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, frozen: true });
});
afterAll(async () => {
  await server.close();
});

/** Send a request with raw (possibly repeated, latin-1) headers; a socket error counts as status 0. */
function send(method: string, path: string, headers: readonly string[]): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const req = httpRequest(`${server.url}${path}`, { method, headers: [...headers] }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => resolve({ status: 0, body: '' }));
    });
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end();
  });
}

const mainProject = createDataset().findProject(MAIN_PROJECT_ID);
const knownJob = mainProject ? createDataset().jobAt(mainProject, 3).id : 'job_missing';

const latin1 = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c)), maxLength: 40 });
const segment = fc.oneof(
  fc.constantFrom(MAIN_PROJECT_ID, SIBLING_PROJECT_ID, knownJob, 'prj_x', 'job_', '%zz', '%2F', '..', '', 'jobs', 'v1'),
  fc.string({ unit: fc.constantFrom(...'abcxyz_019-.~'.split('')), maxLength: 30 }),
  latin1.map((s) => encodeURIComponent(s)),
);
const path = fc.oneof(
  segment.map((s) => `/v1/projects/${s}/jobs`),
  segment.map((s) => `/v1/jobs/${s}`),
  fc.array(segment, { maxLength: 5 }).map((parts) => `/${parts.join('/')}`),
);
const queryKey = fc.constantFrom('limit', 'cursor', 'x', 'LIMIT', '', 'limit[]');
const query = fc.array(fc.tuple(queryKey, fc.oneof(fc.constantFrom('1', '25', '100', '0', '-1', '1e2', ' 5', '0x10', ''), latin1)), { maxLength: 4 });
const authorization = fc.oneof(
  fc.constant(`Bearer ${README_API_KEY}`),
  latin1.map((s) => `Bearer ${s}`),
  latin1,
  fc.integer({ min: 1, max: 20_000 }).map((n) => `Bearer ${'x'.repeat(n)}`),
  fc.constant(`Basic ${Buffer.from('a:b').toString('base64')}`),
);
const headers = fc.record({
  authorization: fc.array(authorization, { maxLength: 3 }),
  extra: fc.array(fc.tuple(fc.constantFrom('accept', 'x-mock-session', 'origin', 'accept-encoding', 'x-custom'), latin1), { maxLength: 3 }),
});
const method = fc.constantFrom('GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH', 'TRACE');

describe('the standalone server under random requests', () => {
  it('never crashes, never answers 5xx, and every error body is {"error": "..."}', async () => {
    await fc.assert(
      fc.asyncProperty(method, path, query, headers, async (m, p, q, h) => {
        const search = q.length === 0 ? '' : `?${q.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
        const raw: string[] = [];
        for (const value of h.authorization) raw.push('Authorization', value);
        for (const [name, value] of h.extra) raw.push(name, value);
        const res = await send(m, p + search, raw);
        // Beyond node's 16 KiB header limit the HTTP parser itself refuses (431 or a closed socket).
        if (raw.join('').length > 16_000 && (res.status === 0 || res.status === 431)) return;
        expect(res.status).toBeGreaterThanOrEqual(200);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400 && res.body.length > 0) {
          const body = JSON.parse(res.body) as Record<string, unknown>;
          expect(Object.keys(body)).toEqual(['error']);
          expect(typeof body['error']).toBe('string');
        }
        if (res.status === 200 && m === 'GET') expect(JSON.parse(res.body)).toBeTypeOf('object');
      }),
      { numRuns: 300, seed: 20260618 },
    );
    const after = await send('GET', `/v1/projects/${MAIN_PROJECT_ID}/jobs?limit=2`, ['Authorization', `Bearer ${README_API_KEY}`]);
    expect(after.status).toBe(200);
    expect((JSON.parse(after.body) as { jobs: unknown[] }).jobs).toHaveLength(2);
  }, 60_000);

  it.each([
    ['a 20 KB bearer token', ['Authorization', `Bearer ${'a'.repeat(20_000)}`]],
    ['a latin-1 bearer token', ['Authorization', 'Bearer caf\u00e9\u00ff']],
    ['a repeated Authorization header', ['Authorization', `Bearer ${README_API_KEY}`, 'Authorization', `Bearer ${README_API_KEY}`]],
  ])('refuses %s with a 4xx and keeps serving', async (_label, raw) => {
    const res = await send('GET', `/v1/projects/${MAIN_PROJECT_ID}/jobs`, raw);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const ok = await send('GET', `/v1/jobs/${knownJob}`, ['Authorization', `Bearer ${README_API_KEY}`]);
    expect(ok.status).toBe(200);
  });
});
