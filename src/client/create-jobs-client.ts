import createClient, { type Client } from 'openapi-fetch';
import type { Job, JobsApiPaths } from '../api/types.js';
import type { JobsClientResult } from './jobs-client-result.js';
import { toHttpError } from './read-http-error.js';

/** Options of {@link createJobsClient}. */
export interface JobsClientOptions {
  /** Root of the API, e.g. `https://api.capydb.dev` or the mock's `http://127.0.0.1:4010`. */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer <token>` (an API key `capy_live_...` or a Clerk session JWT). */
  readonly token?: string;
  /** A fetch to use instead of `globalThis.fetch` (looked up on every call, so MSW installed later still intercepts). */
  readonly fetch?: (request: Request) => Promise<Response>;
  /** Extra headers sent with every request. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as `User-Agent` (ignored by browsers), e.g. `my-app/1.2.0`. */
  readonly userAgent?: string;
}

/** Per-call options. */
export interface JobsCallOptions {
  /** Cancels the request; an aborted call resolves with a `network` error. */
  readonly signal?: AbortSignal;
}

/** Options of {@link JobsClient.listProjectJobs}. */
export interface ListProjectJobsOptions extends JobsCallOptions {
  /** 1 to 100; the server's default (25) applies when omitted. Sent as given: the server validates it. */
  readonly limit?: number;
}

/** A typed client of the CapyDB Jobs API. Methods resolve with a result and never throw on HTTP or network errors. */
export interface JobsClient {
  /** `GET /v1/projects/{projectID}/jobs`: the project's recent jobs, newest first (`"jobs": null` becomes `[]`). */
  listProjectJobs(projectId: string, options?: ListProjectJobsOptions): Promise<JobsClientResult<Job[]>>;
  /** `GET /v1/jobs/{jobID}`: one job. */
  getJob(jobId: string, options?: JobsCallOptions): Promise<JobsClientResult<Job>>;
  /** The underlying openapi-fetch client, with the same base URL and headers. */
  readonly raw: Client<JobsApiPaths>;
}

/**
 * Create a typed Jobs API client on openapi-fetch.
 * @example
 * const client = createJobsClient({ baseUrl: 'http://127.0.0.1:4010', token: 'capy_live_...' });
 * const res = await client.listProjectJobs('prj_k3v9q2m7x4t8w1z6b5n0', { limit: 10 });
 * if (res.ok) for (const job of res.data) console.log(job.id, job.state);
 */
export function createJobsClient(options: JobsClientOptions): JobsClient {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.token !== undefined) headers['Authorization'] = `Bearer ${options.token}`;
  if (options.userAgent !== undefined) headers['User-Agent'] = options.userAgent;
  const raw = createClient<JobsApiPaths>({
    baseUrl: options.baseUrl,
    headers,
    // openapi-fetch keeps the fetch it is given; deferring the lookup lets MSW patch globalThis.fetch later.
    fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
  });

  return {
    raw,
    async listProjectJobs(projectId, { limit, signal } = {}) {
      return call(
        () =>
          raw.GET('/v1/projects/{projectID}/jobs', {
            params: { path: { projectID: projectId }, ...(limit === undefined ? {} : { query: { limit } }) },
            parseAs: 'text',
            ...(signal ? { signal } : {}),
          }),
        (body) => {
          const jobs = (body as { jobs?: unknown } | null)?.jobs;
          if (jobs === null) return [];
          return Array.isArray(jobs) && jobs.every(isJobLike) ? (jobs as Job[]) : undefined;
        },
      );
    },
    async getJob(jobId, { signal } = {}) {
      return call(
        () => raw.GET('/v1/jobs/{jobID}', { params: { path: { jobID: jobId } }, parseAs: 'text', ...(signal ? { signal } : {}) }),
        (body) => {
          const job = (body as { job?: unknown } | null)?.job;
          return isJobLike(job) ? (job as Job) : undefined;
        },
      );
    },
  };
}

type RawOutcome = { data?: unknown; error?: unknown; response: Response };

async function call<T>(send: () => Promise<RawOutcome>, pick: (body: unknown) => T | undefined): Promise<JobsClientResult<T>> {
  let outcome: RawOutcome;
  try {
    outcome = await send();
  } catch (cause) {
    return { ok: false, status: 0, error: { kind: 'network', message: cause instanceof Error ? cause.message : String(cause) } };
  }
  const { response } = outcome;
  if (!response.ok) return { ok: false, status: response.status, error: toHttpError(response, outcome.error) };
  const text = typeof outcome.data === 'string' ? outcome.data : '';
  const decodeError = (message: string) => ({ ok: false, status: response.status, error: { kind: 'decode', status: response.status, message, text } }) as const;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return decodeError(`response body is not JSON (status ${response.status})`);
  }
  const data = pick(body);
  return data === undefined ? decodeError('response body does not match the spec') : { ok: true, status: response.status, data };
}

// A shallow check only: the client stays small and browser-safe; full validation lives in the spec tests.
function isJobLike(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { id, state } = value as { id?: unknown; state?: unknown };
  return typeof id === 'string' && typeof state === 'string';
}
