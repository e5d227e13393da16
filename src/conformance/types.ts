/** Which credential a conformance request carries. */
export type CredentialKind =
  | 'valid'
  | 'none'
  | 'unknown-token'
  | 'malformed'
  | 'invalid-jwt'
  | 'no-jobs-read'
  | 'scoped';

/** Options of `runConformance`. */
export interface ConformanceOptions {
  /** Base URL of the implementation, e.g. `http://127.0.0.1:4010` (a path prefix is kept). */
  readonly baseUrl: string;
  /** An organization-wide credential with `jobs:read`. */
  readonly token: string;
  /** A project of `token`'s organization; the more jobs (≥ 26), the more the list checks prove. */
  readonly projectId: string;
  /** A project-scoped credential of `token`'s organization. */
  readonly scopedToken?: string | undefined;
  /** The project `scopedToken` is scoped to, when known (its jobs must be readable with it). */
  readonly scopedProjectId?: string | undefined;
  /**
   * A project of the organization that `scopedToken` is not scoped to (403 expected). Default:
   * `projectId`, unless `scopedProjectId` is `projectId`.
   */
  readonly siblingProjectId?: string | undefined;
  /** A credential without the `jobs:read` scope. */
  readonly noJobsReadToken?: string | undefined;
  /** A project of another organization (must answer 404). */
  readonly foreignProjectId?: string | undefined;
  /** A job of another organization (must answer 404). */
  readonly foreignJobId?: string | undefined;
  /** Upper bound of HTTP requests sent, retries included (default 200). */
  readonly maxRequests?: number | undefined;
  /** Seed of the generated requests (default 1): the same seed sends the same requests. */
  readonly seed?: number | undefined;
  /** Unknown fields and unexpected error wording fail instead of warning. */
  readonly strict?: boolean | undefined;
  /** Injected fetch (default `globalThis.fetch`). */
  readonly fetch?: typeof fetch | undefined;
  /** Injected sleep, used while honouring 429 `Retry-After`. */
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
  /** Longest `Retry-After` honoured, in seconds (default 30); longer waits are cut to it. */
  readonly maxRetryAfterSeconds?: number | undefined;
  /** Per-request timeout in milliseconds (default 10 000). */
  readonly requestTimeoutMs?: number | undefined;
  /** OpenAPI document to check against (default: the kit's openapi.yaml). */
  readonly specPath?: string | undefined;
}

/** How one check ended. `warn` never fails a run. */
export type CheckOutcome = 'pass' | 'fail' | 'warn';

/** The request a check is about (never the token itself). */
export interface CheckedRequest {
  readonly method: 'GET';
  /** Path and query, as sent. */
  readonly path: string;
  readonly credential: CredentialKind;
  /** The status received, when a response arrived. */
  readonly status?: number;
}

/** One check of one request (or of the run). */
export interface ConformanceCheck {
  /** Stable, dotted name, e.g. `list.newest-first`. */
  readonly name: string;
  readonly outcome: CheckOutcome;
  readonly message: string;
  readonly request?: CheckedRequest;
}

/** Counts of one check name. */
export interface CheckCounts {
  readonly passed: number;
  readonly failed: number;
  readonly warnings: number;
}

/** Totals of a run. */
export interface ConformanceSummary extends CheckCounts {
  readonly total: number;
  /** HTTP requests sent, retries included. */
  readonly requests: number;
  readonly byName: Readonly<Record<string, CheckCounts>>;
  /** Names of the checks that failed at least once, sorted. */
  readonly failedNames: readonly string[];
}

/** What `runConformance` found. */
export interface ConformanceReport {
  readonly baseUrl: string;
  readonly seed: number;
  readonly strict: boolean;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly checks: readonly ConformanceCheck[];
  readonly summary: ConformanceSummary;
  /** True when no check failed (warnings allowed). */
  readonly ok: boolean;
}

/** Thrown for options a caller should never pass (programmer misuse, not a conformance result). */
export class ConformanceOptionsError extends Error {
  override readonly name = 'ConformanceOptionsError';
}
