/**
 * MSW handlers for the CapyDB Jobs API, for Node tests and the browser.
 * @example
 * import { setupServer } from 'msw/node';
 * import { createHandlers } from 'capydb-jobs-kit/msw';
 * const { handlers } = createHandlers({ seed: 42 });
 * const server = setupServer(...handlers);
 * @packageDocumentation
 */
export { createHandlers, type HandlerOptions, type MockHandlers } from './create-handlers.js';
export { useScenario, ScenarioNotAppliedError } from './use-scenario.js';
export { createMockApi, type MockApi, type MockApiOptions } from '../../src/mock-api/index.js';
export { parseScenario, type Scenario } from '../../src/scenarios/index.js';

import type { HttpHandler } from 'msw';
import { createHandlers as create } from './create-handlers.js';

/**
 * Ready-made handlers over a default mock (seed 42, pinned now, real-time clock, no scenario
 * catalog). Use `createHandlers` to choose options or to steer the mock.
 * @example setupServer(...handlers)
 */
export const handlers: HttpHandler[] = create().handlers;
