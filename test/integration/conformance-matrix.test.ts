import { request as httpRequest } from 'node:http';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../mocks/msw/index.js';
import { startMockServer, type RunningMockServer } from '../../mocks/server/index.js';
import { DEV_CREDENTIALS } from '../../src/auth/dev-credentials.js';
import { MAIN_PROJECT_ID } from '../../src/data/topology.js';
import { CASES, LIMITS, TARGETS, dataset, expectedStatus, headersFor } from '../support/conformance-cases.js';
import { createMockApi } from '../../src/mock-api/index.js';
import { createOpenApiValidator } from '../../src/spec/openapi-validator.js';

/** The same request over three transports must give the same status and the same bytes. */
interface Answer {
  readonly status: number;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

const MSW_ORIGIN = 'http://api.capydb.test';
const spec = createOpenApiValidator();
function toRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

async function viaFetch(origin: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(origin + path, init);
  return { status: res.status, body: await res.text(), headers: toRecord(res.headers) };
}

const results = { core: new Map<string, Answer>(), socket: new Map<string, Answer>(), msw: new Map<string, Answer>() };

beforeAll(async () => {
  const api = createMockApi({ frozen: true });
  for (const c of CASES) {
    const res = await api.handle({ method: 'GET', url: c.path, headers: headersFor(c) });
    results.core.set(c.name, { status: res.status, body: res.body, headers: res.headers });
  }
  const server = await startMockServer({ port: 0, frozen: true });
  try {
    for (const c of CASES) results.socket.set(c.name, await viaFetch(server.url, c.path, { headers: headersFor(c) }));
  } finally {
    await server.close();
  }
  const msw = setupServer(...createHandlers({ frozen: true }).handlers);
  msw.listen({ onUnhandledRequest: 'error' });
  try {
    for (const c of CASES) results.msw.set(c.name, await viaFetch(MSW_ORIGIN, c.path, { headers: headersFor(c) }));
  } finally {
    msw.close();
  }
}, 60_000);

describe('precedence matrix over core, socket and MSW', () => {
  it('covers every credential, operation, limit and target', () => {
    expect(CASES).toHaveLength((DEV_CREDENTIALS.length + 1) * 2 * LIMITS.length * 4);
    expect(new Set(CASES.map(expectedStatus))).toEqual(new Set([200, 400, 401, 403, 404]));
  });

  it.each(CASES)('$name', (c) => {
    const core = results.core.get(c.name);
    const socket = results.socket.get(c.name);
    const msw = results.msw.get(c.name);
    expect(core?.status).toBe(expectedStatus(c));
    expect(spec.documentedStatuses(c.operation)).toContain(String(core?.status));
    const body: unknown = JSON.parse(core?.body ?? '');
    expect(spec.validateResponse(c.operation, core?.status ?? 0, body)).toEqual({ ok: true });
    expect(socket?.status).toBe(core?.status);
    expect(msw?.status).toBe(core?.status);
    expect(socket?.body).toBe(core?.body);
    expect(msw?.body).toBe(core?.body);
    expect(socket?.headers['content-type']).toMatch(/^application\/json/);
    expect(msw?.headers['content-type']).toMatch(/^application\/json/);
    if (core?.status === 200 && c.operation === 'listProjectJobs') {
      const values = c.limit === undefined ? ['25'] : typeof c.limit === 'string' ? [c.limit] : c.limit;
      const jobCount = dataset.findProject(TARGETS.listProjectJobs[c.target])?.jobCount ?? -1;
      expect((body as { jobs: unknown[] }).jobs).toHaveLength(Math.min(Number(values[0]), jobCount));
    }
  });
});

const README_TOKEN = DEV_CREDENTIALS[0]?.token ?? '';
const LIST_PATH = `/v1/projects/${MAIN_PROJECT_ID}/jobs`;

type Send = (method: string, path: string, headers?: Record<string, string>) => Promise<Answer>;

describe.each(['core', 'socket', 'msw'] as const)('HTTP edges over %s', (transport) => {
  let send: Send;
  let server: RunningMockServer | undefined;
  let msw: ReturnType<typeof setupServer> | undefined;

  beforeAll(async () => {
    if (transport === 'core') {
      const api = createMockApi({ frozen: true });
      send = async (method, path, headers = {}) => {
        const res = await api.handle({ method, url: path, headers });
        return { status: res.status, body: res.body, headers: res.headers };
      };
    } else if (transport === 'socket') {
      const running = await startMockServer({ port: 0, frozen: true });
      server = running;
      send = (method, path, headers = {}) => viaFetch(running.url, path, { method, headers });
    } else {
      msw = setupServer(...createHandlers({ frozen: true }).handlers);
      msw.listen({ onUnhandledRequest: 'error' });
      send = (method, path, headers = {}) => viaFetch(MSW_ORIGIN, path, { method, headers });
    }
  });
  afterAll(async () => {
    await server?.close();
    msw?.close();
  });

  it('answers an unknown route with 404 {error}', async () => {
    const res = await send('GET', '/v1/nope', { authorization: `Bearer ${README_TOKEN}` });
    expect(res.status).toBe(404);
    expect(Object.keys(JSON.parse(res.body) as object)).toEqual(['error']);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });

  it('answers POST with 405 and Allow', async () => {
    const res = await send('POST', LIST_PATH, { authorization: `Bearer ${README_TOKEN}` });
    expect(res.status).toBe(405);
    expect(res.headers['allow']).toContain('GET');
    expect(Object.keys(JSON.parse(res.body) as object)).toEqual(['error']);
  });

  it.each([
    ['with the README key', { authorization: `Bearer ${README_TOKEN}` }, 200],
    ['without a key', {}, 401],
  ] as const)('answers HEAD %s like GET, with an empty body', async (_label, headers, status) => {
    const get = await send('GET', LIST_PATH, headers);
    const head = await send('HEAD', LIST_PATH, headers);
    expect(get.status).toBe(status);
    expect(head.status).toBe(get.status);
    expect(get.body.length).toBeGreaterThan(0);
    expect(head.body).toBe('');
  });

  it('answers a CORS preflight with 204 allowing Authorization and Prefer', async () => {
    const res = await send('OPTIONS', LIST_PATH, {
      origin: 'http://localhost:5173',
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization, prefer',
    });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const allowed = (res.headers['access-control-allow-headers'] ?? '').toLowerCase();
    expect(allowed).toContain('authorization');
    expect(allowed).toContain('prefer');
    expect(res.headers['access-control-allow-methods']).toContain('GET');
  });
});

describe('raw socket', () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await startMockServer({ port: 0, frozen: true });
  });
  afterAll(async () => {
    await server.close();
  });

  function rawGet(headers: string[]): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(`${server.url}${LIST_PATH}`, { method: 'GET', headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: {} }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it.each([
    ['one README key', ['Authorization', `Bearer ${README_TOKEN}`], 200],
    ['a repeated Authorization header', ['Authorization', `Bearer ${README_TOKEN}`, 'Authorization', 'Bearer b'], 401],
    ['two bogus Authorization headers', ['Authorization', 'Bearer a', 'Authorization', 'Bearer b'], 401],
  ] as const)('answers %s', async (_label, headers, status) => {
    const res = await rawGet([...headers]);
    expect(res.status).toBe(status);
    if (status !== 200) expect(Object.keys(JSON.parse(res.body) as object)).toEqual(['error']);
  });
});
