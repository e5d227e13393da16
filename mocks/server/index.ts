/**
 * The standalone mock server (node:http) of the CapyDB Jobs API.
 * @example
 * import { startMockServer } from 'capydb-jobs-kit/server';
 * const server = await startMockServer({ port: 4010 });
 * @packageDocumentation
 */
export { startMockServer, MockServerOptionsError, type MockServerOptions, type RunningMockServer } from './start-mock-server.js';
export { listenMockServer, type RequestHandler, type RunningServer } from './create-mock-server.js';
export { loadScenarioCatalog, loadScenarioFile, SCENARIO_DIR } from '../../src/scenarios/load-scenario-catalog.js';
