import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Packs the repo, installs the tarball into a fresh ESM app from the npm cache only, and uses it
// the way a consumer would: through the `exports` map and the `bin`.
const exec = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts?: Record<string, string>;
  exports: Record<string, string | { types: string; import: string }>;
  bin: Record<string, string>;
};
const work = mkdtempSync(join(tmpdir(), 'capydb-pack-'));
const app = join(work, 'app');
const TIMEOUT = 120_000;

/** Run `node --input-type=module -e code` inside the app; resolves with stdout or rejects with stderr. */
async function inApp(code: string): Promise<string> {
  const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', code], { cwd: app });
  return stdout.trim();
}

beforeAll(async () => {
  const scripts = manifest.scripts ?? {};
  // `npm pack` runs `prepare`/`prepack` itself; otherwise build now so the tarball never holds a stale dist/.
  if (!scripts['prepare'] && !scripts['prepack']) {
    if (scripts['build']) await exec('npm', ['run', 'build'], { cwd: root });
    else await exec(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { cwd: root });
  }
  await exec('npm', ['pack', '--pack-destination', work], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack left no tarball in ${work}`);

  mkdirSync(app);
  // msw pulls @types/node "*" (via @types/set-cookie-parser); pin it to the repo's cached version so
  // the offline install does not ask for the newest @types/node the registry metadata names.
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  const typesNode = lock.packages['node_modules/@types/node']?.version ?? '20';
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'capydb-consumer', private: true, type: 'module', overrides: { '@types/node': typesNode } }, null, 2));
  await exec('npm', ['install', '--offline', '--no-audit', '--no-fund', join(work, tarball), 'msw@2.15.0'], { cwd: app, maxBuffer: 16 * 1024 * 1024 });
}, TIMEOUT);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const codeEntries = Object.entries(manifest.exports).filter(([, target]) => typeof target === 'object');

describe('the packed package, installed offline into a fresh ESM app', () => {
  it('exports the four documented entry points', () => {
    expect(codeEntries.map(([subpath]) => subpath).sort()).toEqual(['.', './client', './msw', './server']);
  });

  it.each(codeEntries)('imports %s and ships its type declarations', async (subpath, target) => {
    const specifier = subpath === '.' ? 'capydb-jobs-kit' : `capydb-jobs-kit${subpath.slice(1)}`;
    const names = JSON.parse(await inApp(`const m = await import('${specifier}'); console.log(JSON.stringify(Object.keys(m)))`)) as string[];
    expect(names.length).toBeGreaterThan(0);
    const types = typeof target === 'object' ? target.types : '';
    expect(existsSync(join(app, 'node_modules/capydb-jobs-kit', types)), `${types} in the tarball`).toBe(true);
  }, TIMEOUT);

  it('serves the typed client: a getJob through an injected fetch', async () => {
    const out = await inApp(`
      const { createJobsClient, waitForJob } = await import('capydb-jobs-kit/client');
      const job = { id: 'job_1', type: 'project.backup', state: 'completed', attempts: 1, max_attempts: 3, organization_id: 'org_1', created_at: '2026-06-18T03:00:00Z', updated_at: '2026-06-18T03:00:00Z' };
      const client = createJobsClient({ baseUrl: 'http://capydb.invalid', fetch: async () => new Response(JSON.stringify({ job }), { status: 200 }) });
      const result = await waitForJob(client, 'job_1');
      console.log(JSON.stringify({ ok: result.ok, state: result.ok ? result.job.state : result.error.kind }));`);
    expect(JSON.parse(out)).toEqual({ ok: true, state: 'completed' });
  }, TIMEOUT);

  it('type-checks a TypeScript consumer of capydb-jobs-kit/client under NodeNext', async () => {
    writeFileSync(
      join(app, 'consumer.ts'),
      [
        "import { createJobsClient, waitForJob, type Job, type WaitForJobResult } from 'capydb-jobs-kit/client';",
        "const client = createJobsClient({ baseUrl: 'http://127.0.0.1:4010', token: 'capy_live_x' });",
        "const res = await client.listProjectJobs('prj_1', { limit: 5 });",
        'const ids: string[] = res.ok ? res.data.map((job: Job) => job.id) : [];',
        "const waited: WaitForJobResult = await waitForJob(client, 'job_1', { timeoutMs: 1000 });",
        'export { ids, waited };',
      ].join('\n'),
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, exactOptionalPropertyTypes: true, noEmit: true, skipLibCheck: true, lib: ['ES2022', 'DOM'], types: [] }, files: ['consumer.ts'] }),
    );
    await expect(exec(join(root, 'node_modules/.bin/tsc'), ['-p', join(app, 'tsconfig.json')], { cwd: app })).resolves.toBeDefined();
  }, TIMEOUT);

  it('resolves the bundled contract capydb-jobs-kit/openapi.yaml', async () => {
    const url = await inApp("console.log(import.meta.resolve('capydb-jobs-kit/openapi.yaml'))");
    expect(readFileSync(new URL(url), 'utf8')).toContain('operationId: getJob');
  }, TIMEOUT);

  it.each(Object.keys(manifest.bin))('runs the %s bin with --help (exit 0)', async (name) => {
    const { stdout } = await exec(join(app, 'node_modules/.bin', name), ['--help'], { cwd: app });
    expect(stdout).toContain(name);
  }, TIMEOUT);
});
