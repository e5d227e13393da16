import { http, type HttpHandler } from 'msw';
import { createMockApi, type MockApi, type MockApiOptions } from '../../src/mock-api/index.js';
import { toMockRequest } from './to-mock-request.js';
import { toMswResponse } from './to-msw-response.js';

/** Options of `createHandlers`: the mock's own options, plus where the API lives. */
export interface HandlerOptions extends MockApiOptions {
  /** Only intercept this origin (e.g. `https://api.capydb.dev`); any origin by default. */
  readonly baseUrl?: string;
  /** Share an existing mock (its store, clock and journal) instead of creating one. */
  readonly api?: MockApi;
}

/** MSW handlers over one mock, with that mock for steering (scenarios, clock, faults). */
export interface MockHandlers {
  readonly handlers: HttpHandler[];
  readonly api: MockApi;
}

/**
 * MSW request handlers for the Jobs API: a thin adapter, every rule lives in the core, so the
 * answers are byte for byte those of the standalone server.
 * @example
 * const { handlers, api } = createHandlers({ seed: 42, frozen: true });
 * const server = setupServer(...handlers);
 */
export function createHandlers(options: HandlerOptions = {}): MockHandlers {
  const api = options.api ?? createMockApi(options);
  const base = options.baseUrl?.replace(/\/$/, '') ?? '*';
  const handler = http.all(`${base}/v1/*`, async ({ request }) => toMswResponse(await api.handle(toMockRequest(request))));
  return { handlers: [handler], api };
}
