import type { MockRequest } from '../core/mock-request.js';
import { parsePrefer } from '../core/prefer-header.js';
import { parseFault, type FaultParse } from '../faults/index.js';

/** What a request asks of the mock itself, beside the Jobs API call. */
export interface MockDirectives {
  /** `Prefer: scenario=NAME` or `?__scenario=NAME`: this request only. */
  readonly scenario?: string;
  /** `Prefer: fault=KIND; ...` or `?__fault=KIND;...`, parsed. */
  readonly fault?: FaultParse;
  /** `X-Mock-Session`: which session's store this request sees. */
  readonly session?: string;
}

/**
 * Read the mock's own directives of a request (the header wins over the query parameter).
 * @example readDirectives({ method: 'GET', url: '/v1/jobs/x?__scenario=retrying', headers: {} }, url).scenario // 'retrying'
 */
export function readDirectives(request: MockRequest, url: URL): MockDirectives {
  const prefer = parsePrefer(request.headers['prefer']);
  const scenario = prefer.get('scenario')?.value ?? url.searchParams.get('__scenario') ?? undefined;
  const queryFault = url.searchParams.get('__fault');
  const faultPreference = prefer.get('fault') ?? (queryFault === null ? undefined : parsePrefer(`fault=${queryFault}`).get('fault'));
  const session = request.headers['x-mock-session'];
  return {
    ...(scenario === undefined ? {} : { scenario }),
    ...(faultPreference === undefined ? {} : { fault: parseFault(faultPreference) }),
    ...(session === undefined ? {} : { session }),
  };
}
