import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformCommand } from '../../src/cli/conform-command.js';
import type { CommandIO } from '../../src/cli/command-io.js';
import { PROVIDER_STATES, PROVIDER_STATES_PATH, startReferenceProvider, type ReferenceProvider } from '../reference-provider/index.js';

function capture(): CommandIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) };
}

const FLAGS = ['--base-url', '--token', '--project', '--scoped-token', '--scoped-project', '--sibling-project', '--no-jobs-read-token', '--foreign-project', '--foreign-job', '--max-requests', '--seed', '--strict', '--junit', '--help'];

describe('capydb-jobs conform: command line', () => {
  it('--help documents every flag and exits 0', async () => {
    const io = capture();
    expect(await runConformCommand(['--help'], io)).toBe(0);
    const help = io.out.join('\n');
    for (const flag of FLAGS) expect(help, flag).toContain(flag);
    expect(io.err).toEqual([]);
  });

  const base = ['--base-url', 'http://127.0.0.1:9', '--token', 'capy_live_x', '--project', 'prj_x'];
  it.each([
    ['an unknown flag', [...base, '--bogus'], '--bogus'],
    ['a missing --base-url', ['--token', 'capy_live_x', '--project', 'prj_x'], '--base-url is required'],
    ['a missing --token', ['--base-url', 'http://127.0.0.1:9', '--project', 'prj_x'], '--token is required'],
    ['a missing --project', ['--base-url', 'http://127.0.0.1:9', '--token', 'capy_live_x'], '--project is required'],
    ['a flag without its value', [...base, '--seed'], '--seed'],
    ['a base URL that is not http', ['--base-url', 'ftp://x', '--token', 'capy_live_x', '--project', 'prj_x'], 'http(s)'],
    ['a non-numeric --max-requests', [...base, '--max-requests', 'many'], '--max-requests'],
    ['a zero --max-requests', [...base, '--max-requests', '0'], '--max-requests'],
    ['a negative --seed', [...base, '--seed', '-3'], '--seed'],
    ['--scoped-project without --scoped-token', [...base, '--scoped-project', 'prj_y'], '--scoped-token'],
    ['--sibling-project without --scoped-token', [...base, '--sibling-project', 'prj_y'], '--sibling-project needs --scoped-token'],
    ['a positional argument', [...base, 'extra'], 'extra'],
  ])('%s: one line naming it, exit 2', async (_name, argv, fragment) => {
    const io = capture();
    expect(await runConformCommand(argv, io)).toBe(2);
    expect(io.err).toHaveLength(1);
    expect(io.err[0]).not.toContain('\n');
    expect(io.err[0]).not.toMatch(/\bat .*\(.*:\d+:\d+\)/); // no stack trace
    expect(io.err[0]).toContain(fragment);
    expect(io.out).toEqual([]);
  });
});

describe('capydb-jobs conform: runs', () => {
  let provider: ReferenceProvider;
  let broken: ReferenceProvider;
  let dir: string;
  beforeAll(async () => {
    [provider, broken] = await Promise.all([startReferenceProvider(), startReferenceProvider({ breakage: 'oldest-first' })]);
    dir = await mkdtemp(join(tmpdir(), 'conform-cli-'));
  });
  afterAll(async () => {
    await Promise.all([provider.close(), broken.close(), rm(dir, { recursive: true, force: true })]);
  });

  const argsFor = async (url: string) => {
    const res = await fetch(`${url}${PROVIDER_STATES_PATH}`, { method: 'POST', body: JSON.stringify({ state: PROVIDER_STATES.projectWithJobs, action: 'setup' }) });
    const v = (await res.json()) as { projectId: string; token: string };
    return ['--base-url', url, '--token', v.token, '--project', v.projectId, '--max-requests', '60'];
  };

  it.each([
    ['a conforming provider', 0, 'PASS', () => provider],
    ['a provider listing oldest first', 1, 'list.newest-first', () => broken],
  ] as const)('against %s exits %i and writes JUnit XML', async (_name, code, fragment, target) => {
    const junit = join(dir, `${code}`, 'conform.xml');
    const io = capture();
    expect(await runConformCommand([...(await argsFor(target().url)), '--junit', junit], io)).toBe(code);
    expect(io.out.join('\n')).toContain(fragment);
    const xml = await readFile(junit, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(xml).toContain('<testsuite name="list.newest-first"');
    expect(xml.includes('<failure ')).toBe(code === 1);
    expect(xml.match(/<testsuite /g)?.length).toBe(xml.match(/<\/testsuite>/g)?.length);
  });

  it('exits 1 with a readable line when the API cannot be reached', async () => {
    const io = capture();
    expect(await runConformCommand(['--base-url', 'http://127.0.0.1:1', '--token', 'capy_live_x', '--project', 'prj_x'], io)).toBe(1);
    expect(io.out.join('\n')).toContain('transport.reachable');
  });
});
