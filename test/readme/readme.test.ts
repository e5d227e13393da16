import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
// Inside the package folder, so `capydb-jobs-kit/...` resolves to this package (self-reference).
const DIR = join(ROOT, 'test-output', 'readme-snippets');

/** The code block right after `<!-- snippet: NAME -->`. */
function snippet(name: string): string {
  const match = new RegExp(`<!-- snippet: ${name.replace('.', '\\.')} -->\\s*\`\`\`ts\\n([\\s\\S]*?)\`\`\``).exec(README);
  if (!match?.[1]) throw new Error(`README has no snippet ${name}`);
  return match[1];
}

const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });

describe('README', () => {
  beforeAll(() => {
    // The snippets import the package's entry points, which point at dist/.
    if (!existsSync(join(ROOT, 'dist', 'mocks', 'server', 'index.js'))) {
      const built = run('npm', ['run', '-s', 'build']);
      if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
    }
    rmSync(DIR, { recursive: true, force: true });
    mkdirSync(DIR, { recursive: true });
  });
  afterAll(() => rmSync(DIR, { recursive: true, force: true }));

  it('starts with the quick start of both commands', () => {
    const quickStart = README.slice(0, README.indexOf('## What is in the kit'));
    expect(quickStart).toContain('npm ci && npm start');
    expect(quickStart).toContain('npm ci && npm test');
  });

  it('runs the Node-tests snippet as a real vitest suite', () => {
    writeFileSync(join(DIR, 'node-test.test.ts'), snippet('node-test.test.ts'));
    writeFileSync(join(DIR, 'vitest.config.mjs'), "export default { test: { include: ['*.test.ts'] } };\n");
    const result = run('npx', ['--no-install', 'vitest', 'run', '--root', DIR, '--config', 'vitest.config.mjs']);
    expect(result.stdout + result.stderr).toMatch(/Tests\s+\S*2 passed/);
    expect(result.status).toBe(0);
  });

  it('runs the standalone-server snippet: a live job polled until it completes', () => {
    writeFileSync(join(DIR, 'standalone.ts'), snippet('standalone.ts'));
    const result = run('npx', ['--no-install', 'tsx', join(DIR, 'standalone.ts')]);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toMatch(/^job_[0-9a-z]{22} completed$/);
    expect(result.status).toBe(0);
  });

  it('bundles the browser snippet for the browser, with no Node import', async () => {
    writeFileSync(join(DIR, 'browser.ts'), snippet('browser.ts'));
    const nodeImports: string[] = [];
    const out = await build({
      entryPoints: [join(DIR, 'browser.ts')],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      logLevel: 'silent',
      plugins: [{ name: 'no-node', setup: (b) => b.onResolve({ filter: /^node:/ }, (a) => { nodeImports.push(`${a.path} from ${a.importer}`); return { path: a.path, external: true }; }) }],
    });
    expect(nodeImports).toEqual([]);
    expect(out.outputFiles[0]?.text).toContain('setupWorker');
  });

  it('lists every scenario of the catalog, with its description', () => {
    const dir = join(ROOT, 'mocks', 'scenarios');
    const table = README.slice(README.indexOf('<!-- scenario-table -->'), README.indexOf('<!-- /scenario-table -->'));
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(15);
    for (const file of files) {
      const scenario = parse(readFileSync(join(dir, file), 'utf8')) as { name: string; description: string };
      expect(table, scenario.name).toContain(`| \`${scenario.name}\` | ${scenario.description} |`);
    }
    expect(table.split('\n').filter((l) => l.startsWith('| `')).length).toBe(files.length);
  });
});
