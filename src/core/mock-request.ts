/**
 * A transport-neutral HTTP request: what every adapter (MSW, node:http) hands to the core.
 * Header names are lowercase; a repeated header is joined with `, ` as fetch does.
 */
export interface MockRequest {
  readonly method: string;
  /** Path and query, e.g. `/v1/jobs/job_abc?x=1` (an absolute URL is accepted too). */
  readonly url: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
}

/** A transport-level fault the adapter must carry out instead of (or while) sending the body. */
export type TransportFault =
  | { readonly kind: 'reset' }
  | { readonly kind: 'truncate'; readonly bytes: number };

/** A transport-neutral response: status, headers and the exact body bytes (as a string). */
export interface MockResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The serialized body; empty for HEAD, 204 and preflight answers. */
  readonly body: string;
  /** Milliseconds the adapter waits before answering (latency faults). */
  readonly delayMs?: number;
  readonly fault?: TransportFault;
}

const URL_BASE = 'http://mock.invalid';

/**
 * Parse a request's URL (origin-form `/path?query` or absolute). A path starting with `//` stays
 * a path (not an authority); a target that is no URL at all reads as `/`, which no route matches.
 * @example parseRequestUrl('//%zz').pathname // '//%zz'
 */
export function parseRequestUrl(url: string): URL {
  try {
    return new URL(url.startsWith('/') ? URL_BASE + url : url, URL_BASE);
  } catch {
    return new URL('/', URL_BASE);
  }
}
