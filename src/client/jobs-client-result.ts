import type { ErrorBody } from '../api/types.js';

/** The server answered with a non-2xx status. `body` is set when the body is the spec's `{"error": "..."}`. */
export interface JobsHttpError {
  readonly kind: 'http';
  /** The HTTP status, e.g. `404`. */
  readonly status: number;
  /** The parsed `{"error": "..."}` body, or `undefined` when the body is something else (an HTML 502 from a proxy). */
  readonly body: ErrorBody | undefined;
  /** The body as text (re-serialized when it was JSON). */
  readonly text: string;
  /** Seconds from a `Retry-After` header (429, 503), when present and numeric. */
  readonly retryAfterSeconds?: number;
}

/** No HTTP response at all: DNS, refused connection, reset, CORS, aborted request. */
export interface JobsNetworkError {
  readonly kind: 'network';
  readonly message: string;
}

/** A 2xx response whose body is not the shape the spec promises (not JSON, or no `job`/`jobs`). */
export interface JobsDecodeError {
  readonly kind: 'decode';
  readonly status: number;
  readonly message: string;
  readonly text: string;
}

/** Why a call did not produce data. Switch on `kind`. */
export type JobsClientError = JobsHttpError | JobsNetworkError | JobsDecodeError;

/**
 * Outcome of one client call; never thrown. `status` is `0` when no response arrived (network error).
 * @example
 * const res = await client.getJob('job_1');
 * if (res.ok) console.log(res.data.state);
 * else if (res.error.kind === 'http') console.error(res.status, res.error.body?.error ?? res.error.text);
 */
export type JobsClientResult<T> =
  | { readonly ok: true; readonly status: number; readonly data: T }
  | { readonly ok: false; readonly status: number; readonly error: JobsClientError };
