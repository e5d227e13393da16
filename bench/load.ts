/**
 * One autocannon run against a loopback server, cycling through a list of paths.
 * @packageDocumentation
 */
import autocannon from 'autocannon';

/** What one load run measured. */
export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly total: number;
}

/** A load run: the paths to cycle through and for how long (or how many requests). */
export interface LoadOptions {
  readonly baseUrl: string;
  readonly paths: readonly string[];
  readonly headers: Readonly<Record<string, string>>;
  readonly connections: number;
  readonly durationSeconds?: number;
  readonly amount?: number;
  /** Where in `paths` to start (so successive runs visit new ids). */
  readonly startAt?: number;
}

/**
 * Run autocannon once; each request takes the next path of the list.
 * @example
 * const r = await runLoad({ baseUrl, paths: ['/v1/jobs/job_x'], headers: {}, connections: 10, durationSeconds: 5 });
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let next = options.startAt ?? 0;
  const paths = options.paths;
  const nextPath = (): string => {
    const path = paths[next % paths.length] ?? '/';
    next += 1;
    return path;
  };
  const result = await autocannon({
    url: options.baseUrl,
    connections: options.connections,
    headers: { ...options.headers },
    ...(options.amount === undefined ? { duration: options.durationSeconds ?? 5 } : { amount: options.amount }),
    timeout: 10,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: nextPath() }) }],
  });
  return {
    requestsPerSecond: result.requests.total / Math.max(result.duration, 0.001),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total: result.requests.total,
  };
}
