import type { AuthResult } from '../auth/types.js';
import { type Clock } from './clock.js';
import { CORS_HEADERS, preflightResponse } from './cors.js';
import { ERROR_MESSAGES } from './error-messages.js';
import { handleJobsCall } from './handle-jobs-request.js';
import type { JobRepository } from './job-repository.js';
import { JSON_HEADERS, errorResponse } from './json-response.js';
import type { MockRequest, MockResponse } from './mock-request.js';
import { routeRequest, type JobsRoute } from './route-request.js';

/** What the core needs to authenticate a request (`createAuthenticator` provides it). */
export interface RequestAuthenticator {
  authenticate(authorization: string | undefined): Promise<AuthResult>;
}

/** The dependencies of the Jobs API handler; every transport builds one and shares it. */
export interface JobsHandlerDependencies {
  readonly clock: Clock;
  readonly authenticator: RequestAuthenticator;
}

const ALLOW = 'GET, HEAD, OPTIONS';

/**
 * The Jobs API as a plain function from a request description to a response description:
 * routing, methods, CORS, HEAD and the contract's precedence table. No transport inside.
 * @example
 * const handle = createJobsHandler({ clock, authenticator });
 * const { response } = await handle(request, parseRequestUrl(request.url), repository);
 */
export function createJobsHandler(
  deps: JobsHandlerDependencies,
): (request: MockRequest, url: URL, repository: JobRepository) => Promise<JobsOutcome> {
  return async (request, url, repository) => {
    const route = routeRequest(url.pathname);
    const method = request.method.toUpperCase();
    if (!route) return { response: withCors(errorResponse(404, ERROR_MESSAGES.routeNotFound)), credential: 'none' };
    if (method === 'OPTIONS') return { response: preflightResponse(ALLOW), operation: route.operation, credential: 'none' };
    if (method !== 'GET' && method !== 'HEAD') {
      return { response: withCors(errorResponse(405, ERROR_MESSAGES.methodNotAllowed, { allow: ALLOW })), operation: route.operation, credential: 'none' };
    }
    const authorization = request.headers['authorization'];
    const auth = await deps.authenticator.authenticate(authorization);
    const response = handleJobsCall({
      route,
      auth,
      limitValues: url.searchParams.getAll('limit'),
      repository,
      at: deps.clock.now(),
    });
    const withHeaders = withCors(response);
    return {
      response: method === 'HEAD' ? { ...withHeaders, body: '' } : withHeaders,
      operation: route.operation,
      credential: auth.ok ? auth.principal.kind : authorization === undefined ? 'none' : 'invalid',
    };
  };
}

/** A Jobs API answer, with what the request journal records about it. */
export interface JobsOutcome {
  readonly response: MockResponse;
  readonly operation?: JobsRoute['operation'];
  /** `org-key`, `project-key`, `clerk-session`, `none` or `invalid`. */
  readonly credential: string;
}

// Successful answers share one header object, so the hot path copies nothing.
const JSON_CORS_HEADERS: Readonly<Record<string, string>> = Object.freeze({ ...JSON_HEADERS, ...CORS_HEADERS });

function withCors(response: MockResponse): MockResponse {
  if (response.headers === JSON_HEADERS) return { status: response.status, headers: JSON_CORS_HEADERS, body: response.body };
  return { ...response, headers: { ...response.headers, ...CORS_HEADERS } };
}
