/** A response as `conform` sees it. */
export interface ExchangeResponse {
  readonly status: number;
  readonly contentType: string | null;
  readonly retryAfter: string | null;
  readonly text: string;
  /** The parsed body; undefined when it is not JSON. */
  readonly json: unknown;
}

/** The outcome of sending one request (after honouring any 429s). */
export type ExchangeResult =
  | { readonly ok: true; readonly response: ExchangeResponse; readonly waitedForRateLimit: number }
  | { readonly ok: false; readonly error: 'budget-exhausted' | 'transport'; readonly message: string };

/** Sends requests within a budget, honouring 429 `Retry-After`. */
export interface HttpExchanger {
  send(path: string, authorization: string | undefined): Promise<ExchangeResult>;
  readonly requestsSent: number;
  readonly budgetLeft: number;
}

/** Options of `createHttpExchanger`. */
export interface HttpExchangerOptions {
  readonly baseUrl: string;
  readonly maxRequests: number;
  readonly fetch: typeof fetch;
  readonly sleep: (ms: number) => Promise<void>;
  readonly maxRetryAfterSeconds: number;
  readonly requestTimeoutMs: number;
}

const MAX_RATE_LIMIT_RETRIES = 3;

// undici reports every network failure as "fetch failed" and puts the reason in `cause`.
function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `${err.message}${cause}`;
}

function retryAfterMs(header: string | null, maxSeconds: number): number {
  const seconds = header === null ? NaN : /^\d+$/.test(header.trim()) ? Number(header.trim()) : (Date.parse(header) - Date.now()) / 1000;
  const bounded = Number.isFinite(seconds) ? Math.min(Math.max(seconds, 0), maxSeconds) : 1;
  return Math.ceil(bounded * 1000);
}

/**
 * Create the budgeted HTTP sender of a conformance run.
 * @example
 * const http = createHttpExchanger({ baseUrl, maxRequests: 10, fetch, sleep, maxRetryAfterSeconds: 30, requestTimeoutMs: 10_000 });
 * await http.send('/v1/jobs/job_1', 'Bearer capy_live_x');
 */
export function createHttpExchanger(options: HttpExchangerOptions): HttpExchanger {
  const base = options.baseUrl.replace(/\/+$/, '');
  let sent = 0;
  const once = async (path: string, authorization: string | undefined): Promise<ExchangeResponse> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (authorization !== undefined) headers['authorization'] = authorization;
    sent++;
    const res = await options.fetch(`${base}${path}`, { method: 'GET', headers, signal: AbortSignal.timeout(options.requestTimeoutMs) });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text) as unknown;
    } catch {
      json = undefined;
    }
    return { status: res.status, contentType: res.headers.get('content-type'), retryAfter: res.headers.get('retry-after'), text, json };
  };

  return {
    get requestsSent() {
      return sent;
    },
    get budgetLeft() {
      return options.maxRequests - sent;
    },
    async send(path, authorization) {
      let waited = 0;
      for (let attempt = 0; ; attempt++) {
        if (sent >= options.maxRequests) return { ok: false, error: 'budget-exhausted', message: `the budget of ${options.maxRequests} requests is spent` };
        let response: ExchangeResponse;
        try {
          response = await once(path, authorization);
        } catch (err) {
          return { ok: false, error: 'transport', message: `GET ${path} failed: ${describeError(err)}` };
        }
        if (response.status !== 429 || attempt >= MAX_RATE_LIMIT_RETRIES) return { ok: true, response, waitedForRateLimit: waited };
        waited++;
        await options.sleep(retryAfterMs(response.retryAfter, options.maxRetryAfterSeconds));
      }
    },
  };
}
