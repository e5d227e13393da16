import { createAuthenticator } from '../auth/index.js';
import { createClock, type ControllableClock } from '../core/clock.js';
import { createJobsHandler } from '../core/jobs-handler.js';
import { errorResponse } from '../core/json-response.js';
import { parseRequestUrl, type MockRequest, type MockResponse } from '../core/mock-request.js';
import { createRequestJournal, type RequestJournal } from '../core/request-journal.js';
import { CORS_HEADERS } from '../core/cors.js';
import { DEFAULT_NOW, DEFAULT_SEED, JOB_TYPE_DURATIONS, createDataset } from '../data/index.js';
import type { Dataset } from '../data/types.js';
import { applyFault, createFaultRules, FAULT_HEADER, type FaultRules, type FaultSpec } from '../faults/index.js';
import type { Scenario } from '../scenarios/scenario-types.js';
import { EMPTY_STORE, type MockStore } from '../store/mock-store.js';
import { createStoreRepository } from '../store/store-repository.js';
import { createMockControl, type MockControl } from './mock-control.js';
import { readDirectives } from './mock-directives.js';

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

  const handleJobs = createJobsHandler({ clock, authenticator });
  const storeFor = (scenario: string | undefined, session: string | undefined): MockStore => {
    if (scenario !== undefined) return control.storeForRequestScenario(scenario) ?? state.global;
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
      const { scenario, fault: askedFault, session } = readDirectives(request, url);
      let response: MockResponse;
      let operation: string | undefined;
      let credential = 'none';
      let fault: FaultSpec | undefined;
      const directiveError =
        scenario !== undefined && !control.hasScenario(scenario)
          ? `unknown scenario "${scenario}"; known: ${control.scenarioNames().join(', ')}`
          : askedFault && !askedFault.ok
            ? askedFault.error
            : undefined;
      if (directiveError !== undefined) {
        // Outside the spec, so marked like a fault: the mock was asked for something it cannot do.
        response = errorResponse(400, `mock: ${directiveError}`, { ...CORS_HEADERS, [FAULT_HEADER]: 'invalid-directive' });
      } else {
        const repository = createStoreRepository(dataset, storeFor(scenario, session));
        const outcome = await handleJobs(request, url, repository);
        operation = outcome.operation;
        credential = outcome.credential;
        fault = askedFault?.ok ? askedFault.value : operation ? faults.pick(operation, session) : undefined;
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

