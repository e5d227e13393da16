/**
 * `npm run bench`: our standalone mock vs Prism (static, dynamic) vs a bare node:http server, in
 * interleaved rounds; cold start; RSS over the 1,000,000-job project; MSW per-request cost.
 * Flags: `--rounds N` (3), `--duration S` (5), `--smoke` (1 round, ~0.5 s runs, tiny loads), `--json PATH`.
 * @example
 * // npx tsx bench/run-bench.ts --rounds 3 --duration 5 --json bench-results.json
 * @packageDocumentation
 */
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDataset, createJobIdCodec, HUGE_PROJECT_ID } from '../src/data/index.js';
import { README_API_KEY } from '../src/auth/dev-credentials.js';
import { killAllChildren, runToEnd, startChild, type ServerRecipe } from './children.js';
import { runLoad, type LoadResult } from './load.js';
import { formatTable, median, type BenchNumbers } from './report.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const NOW = '2026-06-18T09:15:00Z';
const CONNECTIONS = 10;
const HEADERS = { authorization: `Bearer ${README_API_KEY}` } as const;

interface BenchArgs {
  readonly rounds: number;
  readonly duration: number;
  readonly smoke: boolean;
  readonly json: string | undefined;
}

/** Thrown for flags the bench does not understand. */
class BenchArgsError extends Error {
  override readonly name = 'BenchArgsError';
}

function parseArgs(argv: readonly string[]): BenchArgs {
  let rounds = 3;
  let duration = 5;
  let smoke = false;
  let json: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--smoke') smoke = true;
    else if (flag === '--rounds' && value !== undefined) (rounds = positive(flag, value)), i++;
    else if (flag === '--duration' && value !== undefined) (duration = positive(flag, value)), i++;
    else if (flag === '--json' && value !== undefined) (json = value), i++;
    else throw new BenchArgsError(`unknown or incomplete flag ${flag} (use --rounds N, --duration S, --smoke, --json PATH)`);
  }
  return smoke ? { rounds: 1, duration: 0.5, smoke, json } : { rounds, duration, smoke, json };
}

function positive(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new BenchArgsError(`${flag} needs a positive number, got ${value}`);
  return n;
}

const SERVER_NAMES = ['ours', 'bare', 'prismStatic', 'prismDynamic'] as const;
type ServerName = (typeof SERVER_NAMES)[number];
const RUN_NAMES = ['getDistinct', 'getHot', 'list25', 'list100'] as const;
type RunName = (typeof RUN_NAMES)[number];

function recipes(probePath: string): Record<ServerName, ServerRecipe> {
  const node = process.execPath;
  const prism = join(ROOT, 'node_modules/.bin/prism');
  const spec = join(ROOT, 'openapi.yaml');
  const base = { probePath, headers: HEADERS };
  return {
    ours: { ...base, command: node, args: (p) => [join(ROOT, 'dist/src/cli/main.js'), 'serve', '--port', String(p), '--host', '127.0.0.1', '--frozen', '--now', NOW] },
    bare: { ...base, command: node, args: (p) => [join(ROOT, 'bench/bare-server.mjs'), String(p)] },
    prismStatic: { ...base, command: prism, args: (p) => ['mock', spec, '-h', '127.0.0.1', '-p', String(p), '-v', 'error'] },
    prismDynamic: { ...base, command: prism, args: (p) => ['mock', spec, '-h', '127.0.0.1', '-p', String(p), '-v', 'error', '--dynamic'] },
  };
}

async function ensureBuilt(): Promise<void> {
  const needed = ['dist/src/cli/main.js', 'dist/mocks/server/index.js', 'dist/mocks/msw/index.js'];
  if (needed.every((f) => existsSync(join(ROOT, f)))) return;
  process.stderr.write('bench: dist/ is missing, running npm run build\n');
  // tsc still emits when another folder has type errors, so judge by the files, not the exit code.
  await runToEnd('npm', ['run', 'build'], 300_000).catch(() => undefined);
  const missing = needed.filter((f) => !existsSync(join(ROOT, f)));
  if (missing.length > 0) throw new Error(`npm run build did not produce ${missing.join(', ')}`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const perRun = args.duration + (args.smoke ? 0.2 : 1);
  const budgetMs = (args.rounds * SERVER_NAMES.length * (5 * perRun + 60) + (args.smoke ? 120 : 400)) * 1000;
  setTimeout(() => {
    process.stderr.write(`bench: exceeded its time budget of ${Math.round(budgetMs / 1000)} s\n`);
    killAllChildren();
    process.exit(1);
  }, budgetMs).unref();

  await ensureBuilt();
  const dataset = createDataset();
  const huge = dataset.findProject(HUGE_PROJECT_ID);
  if (!huge) throw new Error(`the dataset has no project ${HUGE_PROJECT_ID}`);
  const idCount = args.smoke ? 200 : 10_000;
  const step = Math.floor(huge.jobCount / idCount);
  const jobPaths = Array.from({ length: idCount }, (_, i) => `/v1/jobs/${dataset.jobAt(huge, i * step).id}`);
  const hotPath = jobPaths[0] ?? '/';
  const paths: Record<RunName, readonly string[]> = {
    getDistinct: jobPaths,
    getHot: [hotPath],
    list25: [`/v1/projects/${HUGE_PROJECT_ID}/jobs?limit=25`],
    list100: [`/v1/projects/${HUGE_PROJECT_ID}/jobs?limit=100`],
  };
  const servers = recipes(hotPath);

  const samples: Record<ServerName, Record<RunName, LoadResult[]> & { coldStartMs: number[] }> = Object.fromEntries(
    SERVER_NAMES.map((s) => [s, { coldStartMs: [], ...Object.fromEntries(RUN_NAMES.map((r) => [r, []])) }]),
  ) as never;
  const mswMs: number[] = [];

  for (let round = 0; round < args.rounds; round++) {
    const order = [...SERVER_NAMES.slice(round % 4), ...SERVER_NAMES.slice(0, round % 4)];
    for (const name of order) {
      process.stderr.write(`bench: round ${round + 1}/${args.rounds} ${name}\n`);
      const started = await startChild(servers[name]);
      try {
        samples[name].coldStartMs.push(started.coldStartMs);
        const load = { baseUrl: started.baseUrl, headers: HEADERS, connections: CONNECTIONS };
        await runLoad({ ...load, paths: jobPaths, durationSeconds: perRun - args.duration });
        for (const run of RUN_NAMES) {
          const result = await runLoad({ ...load, paths: paths[run], durationSeconds: args.duration });
          if (result.non2xx > 0 || result.errors > 0) {
            process.stderr.write(`bench: ${name} ${run}: ${result.non2xx} non-2xx, ${result.errors} errors of ${result.total}\n`);
          }
          samples[name][run].push(result);
        }
      } finally {
        await started.stop();
      }
    }
    const out = await runToEnd(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/msw-cost.ts'), String(args.smoke ? 50 : 2000), hotPath.slice('/v1/jobs/'.length)], 120_000);
    mswMs.push((JSON.parse(out) as { msPerRequest: number }).msPerRequest);
  }

  const memory = await measureMemory(huge.index, huge.jobCount, args.smoke);
  const numbers: BenchNumbers = {
    runs: Object.fromEntries(
      RUN_NAMES.map((r) => [
        r,
        {
          rps: perServer((s) => median(samples[s][r].map((x) => x.requestsPerSecond))),
          p50: perServer((s) => median(samples[s][r].map((x) => x.p50Ms))),
          p99: perServer((s) => median(samples[s][r].map((x) => x.p99Ms))),
          non2xx: perServer((s) => samples[s][r].reduce((sum, x) => sum + x.non2xx + x.errors, 0)),
        },
      ]),
    ) as BenchNumbers['runs'],
    coldStartMs: perServer((s) => median(samples[s].coldStartMs)),
    memory,
    mswMsPerRequest: median(mswMs),
  };
  const machine = `${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, ${process.platform}`;
  const date = new Date().toISOString();
  process.stdout.write(formatTable(numbers, { date, machine, rounds: args.rounds, duration: args.duration, connections: CONNECTIONS, distinctIds: idCount }));
  if (args.json) writeFileSync(args.json, `${JSON.stringify({ date, machine, args, medians: numbers, samples, mswMs }, null, 2)}\n`);

  function perServer(f: (s: ServerName) => number): Record<ServerName, number> {
    return Object.fromEntries(SERVER_NAMES.map((s) => [s, f(s)])) as Record<ServerName, number>;
  }
}

/** RSS/heap of our server after a forced GC, at start and after 10k, 50k and 100k distinct ids. */
async function measureMemory(projectIndex: number, jobCount: number, smoke: boolean): Promise<BenchNumbers['memory']> {
  const codec = createJobIdCodec(createDataset().seed);
  const marks = smoke ? [100, 500, 1000] : [10_000, 50_000, 100_000];
  const total = marks[marks.length - 1] ?? 0;
  const step = Math.floor(jobCount / total);
  const memPaths = Array.from({ length: total }, (_, i) => `/v1/jobs/${codec.encode(projectIndex, i * step)}`);
  const recipe: ServerRecipe = {
    command: process.execPath,
    args: (p) => ['--expose-gc', join(ROOT, 'bench/our-server.mjs'), String(p)],
    probePath: memPaths[0] ?? '/',
    headers: HEADERS,
  };
  const server = await startChild(recipe);
  const sample = async (visited: number) => {
    const response = await fetch(`${server.baseUrl}/__bench/memory`, { signal: AbortSignal.timeout(10_000) });
    const body = (await response.json()) as { rss: number; heapUsed: number };
    return { visited, rssMiB: body.rss / 2 ** 20, heapUsedMiB: body.heapUsed / 2 ** 20 };
  };
  try {
    const samples = [await sample(0)];
    let visited = 0;
    let failed = 0;
    for (const mark of marks) {
      const result = await runLoad({ baseUrl: server.baseUrl, headers: HEADERS, connections: CONNECTIONS, paths: memPaths, startAt: visited, amount: mark - visited });
      failed += result.non2xx + result.errors;
      visited = mark;
      samples.push(await sample(visited));
    }
    return { samples, failed };
  } finally {
    await server.stop();
  }
}

main().then(
  () => {
    killAllChildren();
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    killAllChildren();
    process.exit(1);
  },
);
