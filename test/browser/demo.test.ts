import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES, expectedStatus, headersFor } from '../support/conformance-cases.js';
import type { Job } from '../../src/api/types.js';
import { README_API_KEY } from '../../src/auth/dev-credentials.js';
import { MAIN_PROJECT_ID } from '../../src/data/topology.js';
import { createMockApi } from '../../src/mock-api/index.js';
import { createOpenApiValidator, findPackageFile } from '../../src/spec/openapi-validator.js';
import type { DemoHandle } from '../../mocks/demo/main.js';

const spec = createOpenApiValidator();

// The demo in a real Chromium: every API call must be answered by MSW's service worker, the
// static server behind the page only serves files (and records anything else it is asked).
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const hasChromium = existsSync(CHROMIUM);
const mustRun = process.env['CI'] === 'true';
const PUBLIC_DIR = findPackageFile('mocks/public');
const TYPES: Readonly<Record<string, string>> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

declare global {
  interface Window {
    __demo?: DemoHandle;
  }
}

function startStaticServer(root: string, seen: string[]): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    seen.push(path);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root) || !TYPES[extname(file)]) {
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}` });
    });
  });
}

describe('demo build', () => {
  it.each([
    { entry: "export const ok = 1;", fails: false },
    { entry: "import { readFileSync } from 'node:fs'; export const bad = readFileSync;", fails: true },
  ])('an entry point importing a Node built-in fails the browser build: $fails', async ({ entry, fails }) => {
    const script = findPackageFile('scripts/build-demo.mjs');
    const { noNodeBuiltins } = (await import(script)) as { noNodeBuiltins: unknown };
    const esbuild = await import('esbuild');
    const build = esbuild.build({ stdin: { contents: entry, loader: 'ts' }, bundle: true, write: false, platform: 'browser', logLevel: 'silent', plugins: [noNodeBuiltins as never] });
    if (fails) await expect(build).rejects.toThrow(/Node built-in/);
    else await expect(build).resolves.toBeDefined();
  });
});

describe.skipIf(!hasChromium && !mustRun)('browser demo on MSW (Chromium)', () => {
  const seen: string[] = [];
  let server: Server;
  let browser: Browser;
  let page: Page;
  const nodeApi = createMockApi({ frozen: true });
  const nodeGet = async (url: string, token?: string) => {
    const response = await nodeApi.handle({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}`, accept: 'application/json' } : { accept: 'application/json' } });
    return { status: response.status, body: response.body };
  };

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`CI=true but ${CHROMIUM} is missing: the browser test must run in CI`);
    const build = spawnSync(process.execPath, [findPackageFile('scripts/build-demo.mjs')], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`demo build failed: ${build.stderr}`);
    const started = await startStaticServer(PUBLIC_DIR, seen);
    server = started.server;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage();
    await page.goto(`${started.url}/index.html`);
    await page.waitForFunction(() => window.__demo !== undefined);
    await page.evaluate(() => window.__demo?.ready);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  it('lists the main project jobs with the ids and states the same mock gives in Node', async () => {
    const rows = await page.$$eval('#jobs li', (items) => items.map((li) => ({ id: (li as HTMLElement).dataset['jobId'], state: (li as HTMLElement).dataset['state'] })));
    const expected = JSON.parse((await nodeGet(`/v1/projects/${MAIN_PROJECT_ID}/jobs?limit=100`, README_API_KEY)).body) as { jobs: Job[] };
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(expected.jobs.map((job) => ({ id: job.id, state: job.state })));
  });

  it('answers fetches from the page byte for byte like api.handle in Node', async () => {
    const first = JSON.parse((await nodeGet(`/v1/projects/${MAIN_PROJECT_ID}/jobs?limit=1`, README_API_KEY)).body) as { jobs: Job[] };
    const jobId = first.jobs[0]?.id ?? 'job_missing';
    const requests = [
      { url: `/v1/projects/${MAIN_PROJECT_ID}/jobs?limit=5`, token: README_API_KEY, status: 200 },
      { url: `/v1/jobs/${jobId}`, token: README_API_KEY, status: 200 },
      { url: `/v1/jobs/${jobId}`, token: undefined, status: 401 },
      { url: '/v1/jobs/job_0000000000000000000000', token: README_API_KEY, status: 404 },
      { url: `/v1/projects/${MAIN_PROJECT_ID}/jobs?limit=0`, token: README_API_KEY, status: 400 },
    ];
    const inPage = await page.evaluate(
      async (list) =>
        Promise.all(
          list.map(async ({ url, token }) => {
            const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}`, accept: 'application/json' } : { accept: 'application/json' } });
            return { status: response.status, body: await response.text() };
          }),
        ),
      requests.map(({ url, token }) => ({ url, token: token ?? '' })),
    );
    for (const [index, request] of requests.entries()) {
      const inNode = await nodeGet(request.url, request.token);
      expect(inNode.status).toBe(request.status);
      expect(inPage[index]).toEqual(inNode);
    }
  });

  it('runs the whole precedence matrix in the page: same statuses and bytes as api.handle in Node', async () => {
    // Sequential on purpose: the page's mock and Node's are both frozen at the same now.
    const inPage = await page.evaluate(async (cases) => {
      const out: { status: number; body: string; type: string }[] = [];
      for (const c of cases) {
        const response = await fetch(c.path, { headers: c.headers });
        out.push({ status: response.status, body: await response.text(), type: response.headers.get('content-type') ?? '' });
      }
      return out;
    }, CASES.map((c) => ({ path: c.path, headers: headersFor(c) })));
    expect(inPage).toHaveLength(CASES.length);
    const mismatches: string[] = [];
    for (const [index, c] of CASES.entries()) {
      const got = inPage[index];
      const node = await nodeApi.handle({ method: 'GET', url: c.path, headers: headersFor(c) });
      const problems = [
        got?.status !== expectedStatus(c) && `status ${got?.status} instead of ${expectedStatus(c)}`,
        got?.body !== node.body && 'body differs from Node',
        !got?.type.startsWith('application/json') && `content-type ${got?.type}`,
        !spec.validateResponse(c.operation, got?.status ?? 0, JSON.parse(got?.body ?? 'null')).ok && 'body breaks the spec',
      ].filter(Boolean);
      if (problems.length > 0) mismatches.push(`${c.name}: ${problems.join(', ')}`);
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  it('shows every field of a clicked job', async () => {
    const firstId = await page.$eval('#jobs li', (li) => (li as HTMLElement).dataset['jobId'] ?? '');
    await page.click(`#jobs li[data-job-id="${firstId}"]`);
    await page.waitForSelector(`#details dl[data-job-id="${firstId}"]`);
    const fields = await page.$$eval('#details dd', (dds) => dds.map((dd) => [(dd as HTMLElement).dataset['field'], dd.textContent]));
    const job = (JSON.parse((await nodeGet(`/v1/jobs/${firstId}`, README_API_KEY)).body) as { job: Job }).job;
    expect(fields).toEqual(Object.entries(job).map(([key, value]) => [key, value === null ? 'null' : String(value)]));
  });

  it.each([
    { name: 'no token', status: 401, act: async (p: Page) => p.check('#no-token'), box: '#list-error', undo: async (p: Page) => p.uncheck('#no-token') },
    { name: 'unknown job', status: 404, act: async (p: Page) => p.click('#unknown-job'), box: '#details', undo: async () => undefined },
  ])('renders the $name error ($status) as a readable message', async ({ status, act, box, undo }) => {
    await act(page);
    const text = await page.textContent(`${box} .error[data-status="${status}"]`, { timeout: 10_000 });
    expect(text).toMatch(new RegExp(`^HTTP ${status}: .+\\(server said: ".+"\\)$`));
    await undo(page);
  });

  it('the no-token error clears once the token is sent again', async () => {
    await page.waitForSelector('#jobs li');
    expect(await page.$('#list-error .error')).toBeNull();
  });

  it('a live job started in the page runs to a terminal state', async () => {
    await page.click('#start-live');
    await page.waitForSelector('#live-state[data-terminal]', { timeout: 30_000 });
    const terminal = await page.getAttribute('#live-state', 'data-terminal');
    expect(['completed', 'failed']).toContain(terminal);
    expect(await page.$$eval('#live-log li', (items) => items.length)).toBeGreaterThan(1);
    const outDir = join(findPackageFile('.'), 'test-output');
    await mkdir(outDir, { recursive: true });
    await page.screenshot({ path: join(outDir, 'demo.png'), fullPage: true });
  });

  it('the static server never saw an API call: the service worker answered them all', () => {
    expect(seen).toContain('/demo.js');
    expect(seen.filter((path) => path.startsWith('/v1/'))).toEqual([]);
  });
});
