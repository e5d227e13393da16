/**
 * capydb-jobs-kit: a mock, a typed client and contract tests for the CapyDB Jobs API, all
 * derived from one `openapi.yaml`. Browser-safe: Node-only pieces live in `./server`.
 * @example
 * import { createMockApi, createJobsClient, README_API_KEY } from 'capydb-jobs-kit';
 * const api = createMockApi({ seed: 42, frozen: true });
 * @packageDocumentation
 */
export * from './api/index.js';
export { createJobsClient, waitForJob } from './client/index.js';
export type { JobsClient, JobsClientOptions, JobsClientResult, WaitForJobOptions, WaitForJobResult } from './client/index.js';
export { createMockApi, MockApiOptionsError, type MockApi, type MockApiOptions, type AppliedScenario, type ControlResult } from './mock-api/index.js';
export { createDataset, DEFAULT_NOW, DEFAULT_SEED, MAIN_ORGANIZATION_ID, MAIN_PROJECT_ID, HUGE_PROJECT_ID, EMPTY_PROJECT_ID, SIBLING_PROJECT_ID, FOREIGN_ORGANIZATION_ID, FOREIGN_PROJECT_ID } from './data/index.js';
export type { Dataset, Project, Organization } from './data/index.js';
export { checkJobInvariants, applyTransition, nextStates, isTerminal, canTransition } from './domain/index.js';
export { createAuthenticator, DEV_CREDENTIALS, README_API_KEY, PROJECT_API_KEY, SESSION_TOKEN } from './auth/index.js';
export { parseScenario, formatScenarioProblem, type Scenario, type ScenarioProblem } from './scenarios/index.js';
export { FAULT_KINDS, FAULT_HEADER, type FaultKind, type FaultRule, type FaultSpec } from './faults/index.js';
export { createClock, type Clock, type ControllableClock, type MockRequest, type MockResponse } from './core/index.js';
