import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../../mocks/server/index.js';
import { README_API_KEY } from '../../src/auth/dev-credentials.js';
import { MAIN_PROJECT_ID } from '../../src/data/topology.js';
import { createOpenApiValidator } from '../../src/spec/openapi-validator.js';
import { PACKAGE_ROOT, spawnCli, waitForBanner, type CliProcess } from './cli-process.js';

const spec = createOpenApiValidator();
const started: CliProcess[] = [];

afterAll(() => {
  for (const cli of started) if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill('SIGKILL');
});

function cli(args: readonly string[]): CliProcess {
  const proc = spawnCli(args);
  started.push(proc);
  return proc;
}

describe.concurrent('README quick start: npm start (tsx src/cli/main.ts serve)', { timeout: 40_000 }, () => {
  it('serves the README key, refuses no key, and stops on SIGTERM with exit 0', async () => {
    const server = cli(['serve', '--port', '0']);
    const url = await waitForBanner(server);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const ok = await fetch(`${url}/v1/projects/${MAIN_PROJECT_ID}/jobs`, { headers: { authorization: `Bearer ${README_API_KEY}` } });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { jobs: { project_id: string }[] };
    expect(body.jobs).toHaveLength(25);
    expect(body.jobs.every((j) => j.project_id === MAIN_PROJECT_ID)).toBe(true);
    expect(spec.validateResponse('listProjectJobs', 200, body)).toEqual({ ok: true });

    const denied = await fetch(`${url}/v1/projects/${MAIN_PROJECT_ID}/jobs`);
    expect(denied.status).toBe(401);
    const error = (await denied.json()) as Record<string, unknown>;
    expect(Object.keys(error)).toEqual(['error']);
    expect(typeof error['error']).toBe('string');

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('works through npm itself: `npm start` (with a free port) serves the README key', async () => {
    const npm = spawn('npm', ['start', '--silent', '--', '--port', '0'], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    npm.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const exited = new Promise<unknown>((resolve) => npm.on('exit', resolve));
    try {
      const deadline = Date.now() + 30_000;
      let match: RegExpExecArray | null = null;
      while (!(match = /listening on (http:\/\/\S+)/.exec(out)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(match?.[1]).toBeDefined();
      const res = await fetch(`${match?.[1] ?? ''}/v1/projects/${MAIN_PROJECT_ID}/jobs`, { headers: { authorization: `Bearer ${README_API_KEY}` } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { jobs: unknown[] }).jobs).toHaveLength(25);
      expect(out).toContain(`Authorization: Bearer ${README_API_KEY}`);
    } finally {
      // npm runs the server in a child of its own: stop the whole group.
      if (npm.pid !== undefined) process.kill(-npm.pid, 'SIGTERM');
      await exited;
    }
  });

  it('reports a port in use in one stderr line and exits non-zero', async () => {
    const blocker = await startMockServer({ port: 0, frozen: true });
    try {
      const proc = cli(['serve', '--port', String(blocker.port)]);
      const code = await proc.exited;
      expect(code).not.toBe(0);
      expect(typeof code).toBe('number');
      const lines = proc.stderr().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(String(blocker.port));
    } finally {
      await blocker.close();
    }
  });

  it.each([
    ['an unknown flag', ['serve', '--bogus']],
    ['a bad port', ['serve', '--port', 'eighty']],
  ])('reports %s in one stderr line and exits 2', async (_label, args) => {
    const proc = cli(args);
    expect(await proc.exited).toBe(2);
    expect(proc.stderr().trim().split('\n')).toHaveLength(1);
    expect(proc.stdout()).toBe('');
  });

  it.each([[['--help']], [['serve', '--help']]])('prints help for %j and exits 0', async (args) => {
    const proc = cli(args);
    expect(await proc.exited).toBe(0);
    expect(proc.stdout()).toMatch(/Usage: capydb-jobs/);
    expect(proc.stderr()).toBe('');
  });
});
