/**
 * The bench's one table of medians, with ratios of ours to bare, Prism static and Prism dynamic.
 * @packageDocumentation
 */

type Servers = Readonly<Record<'ours' | 'bare' | 'prismStatic' | 'prismDynamic', number>>;

/** Medians of one load run kind per server. */
export interface RunMedians {
  readonly rps: Servers;
  readonly p50: Servers;
  readonly p99: Servers;
  /** Non-2xx answers plus errors over all rounds (should be 0). */
  readonly non2xx: Servers;
}

/** Everything the bench measured, as medians over rounds. */
export interface BenchNumbers {
  readonly runs: Readonly<Record<'getDistinct' | 'getHot' | 'list25' | 'list100', RunMedians>>;
  readonly coldStartMs: Servers;
  readonly memory: {
    readonly samples: ReadonlyArray<{ readonly visited: number; readonly rssMiB: number; readonly heapUsedMiB: number }>;
    readonly failed: number;
  };
  readonly mswMsPerRequest: number;
}

/** What the table's caption says about the run. */
export interface BenchContext {
  readonly date: string;
  readonly machine: string;
  readonly rounds: number;
  readonly duration: number;
  readonly connections: number;
  readonly distinctIds: number;
}

/** The header row of the table (the smoke test looks for it). */
export const TABLE_HEADER = '| metric | ours | bare | prism static | prism dynamic | ours/bare | ours/prism static | ours/prism dynamic |';

/**
 * The median of a list (NaN when empty).
 * @example
 * median([3, 1, 2]); // 2
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const RUN_LABELS = {
  getDistinct: 'GET /v1/jobs/{id}, distinct ids',
  getHot: 'GET /v1/jobs/{id}, one hot id',
  list25: 'GET list limit=25',
  list100: 'GET list limit=100',
} as const;

/**
 * Render the medians as one markdown table plus its caption.
 * @example
 * process.stdout.write(formatTable(numbers, context));
 */
export function formatTable(numbers: BenchNumbers, context: BenchContext): string {
  const lines = [
    `capydb-jobs-kit bench — ${context.date} — ${context.machine}`,
    `medians of ${context.rounds} interleaved round(s), ${context.duration} s per run, ${context.connections} connections, ${context.distinctIds} distinct ids, 127.0.0.1`,
    '',
    TABLE_HEADER,
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const row = (label: string, s: Servers, digits: number) =>
    `| ${label} | ${fmt(s.ours, digits)} | ${fmt(s.bare, digits)} | ${fmt(s.prismStatic, digits)} | ${fmt(s.prismDynamic, digits)} | ${ratio(s.ours, s.bare)} | ${ratio(s.ours, s.prismStatic)} | ${ratio(s.ours, s.prismDynamic)} |`;
  for (const [run, label] of Object.entries(RUN_LABELS) as Array<[keyof typeof RUN_LABELS, string]>) {
    const m = numbers.runs[run];
    lines.push(row(`${label}: req/s`, m.rps, 0), row(`${label}: p50 ms`, m.p50, 1), row(`${label}: p99 ms`, m.p99, 1));
    const failures = m.non2xx;
    if (failures.ours + failures.bare + failures.prismStatic + failures.prismDynamic > 0) lines.push(row(`${label}: non-2xx/errors`, failures, 0));
  }
  lines.push(row('cold start to first 200, ms', numbers.coldStartMs, 0));
  for (const s of numbers.memory.samples) {
    lines.push(`| ours RSS / heap after GC, ${s.visited} distinct ids visited, MiB | ${fmt(s.rssMiB, 1)} / ${fmt(s.heapUsedMiB, 1)} | | | | | | |`);
  }
  if (numbers.memory.failed > 0) lines.push(`| memory run non-2xx/errors | ${numbers.memory.failed} | | | | | | |`);
  lines.push(`| MSW handlers in-process (Node), ms per sequential fetch | ${fmt(numbers.mswMsPerRequest, 3)} | | | | | | |`);
  return `${lines.join('\n')}\n`;
}

function fmt(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

function ratio(ours: number, other: number): string {
  return Number.isFinite(ours) && Number.isFinite(other) && other !== 0 ? (ours / other).toFixed(2) : '–';
}
