import type { Job } from '../api/types.js';
import { createAuthenticator } from '../auth/index.js';
import { createClock, type ControllableClock } from '../core/clock.js';
import { createJobsHandler } from '../core/jobs-handler.js';
import { errorResponse } from '../core/json-response.js';
import { parseRequestUrl, type MockRequest, type MockResponse } from '../core/mock-request.js';
import { parsePrefer, type Preference } from '../core/prefer-header.js';
import { createRequestJournal, type RequestJournal } from '../core/request-journal.js';
import { CORS_HEADERS } from '../core/cors.js';
import { DEFAULT_NOW, DEFAULT_SEED, JOB_TYPE_DURATIONS, createDataset } from '../data/index.js';
import type { Dataset } from '../data/types.js';
import { applyFault, createFaultRules, FAULT_HEADER, parseFault, type FaultRules, type FaultSpec } from '../faults/index.js';
import type { Scenario } from '../scenarios/scenario-types.js';
import { EMPTY_STORE, type MockStore } from '../store/mock-store.js';
import { createStoreRepository } from '../store/store-repository.js';
import { createMockControl, type MockControl } from './mock-control.js';

/** Options of `createMockApi`; everything has a default. */
export interface MockApiOptions {
  /** Dataset seed (default 42). */
  readonly seed?: number;
  /** The dataset's reference time, and the clock's start (default: the pinned `DEFAULT_NOW`). */
  readonly now?: Date;
  /** Start with the clock frozen (tests) instead of running in real time. */
  readonly frozen?: boolean;
  /** Clock speed factor for live jobs (default 1). */
  readonly speed?: number;
  /** The scenario catalog (default: none; Node callers pass `loadScenarioCatalog()`). */
  readonly scenarios?: readonly Scenario[];
  /** A catalog scenario to apply at start. */
  readonly scenario?: string;
  /** Requests the journal keeps (default 500). */
  readonly journalSize?: number;
}

/** One mock: the dataset, its clock, scenarios, faults and journal, answering Jobs API requests. */
export interface MockApi extends MockControl {
  readonly dataset: Dataset;
  readonly clock: ControllableClock;
  readonly journal: RequestJournal;
  readonly faults: FaultRules;
  /** Answer one Jobs API request (the transports call this). */
  handle(request: MockRequest): Promise<MockResponse>;
}

/** Thrown for options that cannot work (unknown start scenario, bad seed). */
export class MockApiOptionsError extends Error {
  override readonly name = 'MockApiOptionsError';
}

/**
 * Create a mock of the CapyDB Jobs API. Every transport (MSW, node:http) wraps one of these.
 * @example
 * const api = createMockApi({ seed: 42, frozen: true });
 * const res = await api.handle({ method: 'GET', url: '/v1/projects/prj_k3v9q2m7x4t8w1z6b5n0/jobs', headers: { authorization: 'Bearer capy_live_...' } });
 */
export function createMockApi(options: MockApiOptions = {}): MockApi {
  const seed = options.seed ?? DEFAULT_SEED;
  const now = options.now ?? DEFAULT_NOW;
  const dataset = createDataset({ seed, now });
  const clock = createClock({ start: now, frozen: options.frozen ?? false, speed: options.speed ?? 1 });
  const authenticator = createAuthenticator({ clock: () => clock.now() });
  const journal = createRequestJournal(options.journalSize ?? 500);
  const faults = createFaultRules(seed);
  const state = { global: EMPTY_STORE as MockStore, sessions: new Map<string, MockStore>() };
  const perRequest = new Map<string, MockStore>();
  const control = createMockControl({
    dataset,
    clock,
    faults,
    journal,
    scenarios: options.scenarios ?? [],
    state,
    perRequest,
    runSecondsFor: (type) => {
      const d = JOB_TYPE_DURATIONS[type];
      return d ? (d.minSeconds + d.maxSeconds) / 2 : 60;
    },
    initial: { frozen: options.frozen ?? false, speed: options.speed ?? 1, start: now },
  });
  if (options.scenario !== undefined) {
    const applied = control.applyScenario(options.scenario);
    if (!applied.ok) throw new MockApiOptionsError(applied.error);
  }
  control.markInitial();

  const handleJobs = createJobsHandler({
    clock,
    authenticator,
    repositoryFor: (request, url) => createStoreRepository(dataset, storeFor(request, url)),
  });
  const storeFor = (request: MockRequest, url: URL): MockStore => {
    const scenario = scenarioDirective(request, url);
    if (scenario) return control.storeForRequestScenario(scenario) ?? state.global;
    const session = request.headers['x-mock-session'];
    return (session !== undefined && state.sessions.get(session)) || state.global;
  };

  return {
    ...control,
    dataset,
    clock,
    journal,
    faults,
    async handle(request) {
      const started = performance.now();
      const url = parseRequestUrl(request.url);
      const scenario = scenarioDirective(request, url);
      const faultPreference = faultDirective(request, url);
      const session = request.headers['x-mock-session'];
      let response: MockResponse;
      let operation: string | undefined;
      let credential = 'none';
      let fault: FaultSpec | undefined;
      const directiveError =
        scenario !== undefined && !control.hasScenario(scenario)
          ? `unknown scenario "${scenario}"; known: ${control.scenarioNames().join(', ')}`
          : undefined;
      const parsedFault = faultPreference ? parseFault(faultPreference) : undefined;
      if (directiveError !== undefined || (parsedFault && !parsedFault.ok)) {
        const message = directiveError ?? (parsedFault && !parsedFault.ok ? parsedFault.error : '');
        response = errorResponse(400, `mock: ${message}`, { ...CORS_HEADERS, [FAULT_HEADER]: 'invalid-directive' });
      } else {
        const outcome = await handleJobs(request, url);
        operation = outcome.operation;
        credential = outcome.credential;
        fault = parsedFault?.ok ? parsedFault.value : operation ? faults.pick(operation, session) : undefined;
        response = fault && operation && request.method.toUpperCase() !== 'OPTIONS'
          ? applyFault(fault, outcome.response, operation, faults.random)
          : outcome.response;
      }
      journal.record({
        at: clock.now().toISOString(),
        method: request.method.toUpperCase(),
        path: url.pathname + url.search,
        ...(operation === undefined ? {} : { operation }),
        credential,
        status: response.fault?.kind === 'reset' ? 0 : response.status,
        latencyMs: Math.round((performance.now() - started) * 1000) / 1000 + (response.delayMs ?? 0),
        ...(fault === undefined ? {} : { fault: fault.kind }),
        ...(scenario === undefined ? {} : { scenario }),
        ...(session === undefined ? {} : { session }),
      });
      return response;
    },
  };
}

function scenarioDirective(request: MockRequest, url: URL): string | undefined {
  return parsePrefer(request.headers['prefer']).get('scenario')?.value ?? url.searchParams.get('__scenario') ?? undefined;
}

function faultDirective(request: MockRequest, url: URL): Preference | undefined {
  const fromHeader = parsePrefer(request.headers['prefer']).get('fault');
  if (fromHeader) return fromHeader;
  const query = url.searchParams.get('__fault');
  return query === null ? undefined : parsePrefer(`fault=${query}`).get('fault');
}

/** Re-exported for adapters that log jobs. */
export type { Job };
