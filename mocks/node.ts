import { setupServer } from 'msw/node';
import { loadScenarioCatalog } from '../src/scenarios/load-scenario-catalog.js';
import { createHandlers } from './msw/index.js';

const catalog = loadScenarioCatalog();
if (!catalog.ok) throw new Error(`the shipped scenario catalog is invalid: ${catalog.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`).join('; ')}`);

/** The mock behind `server`, with the shipped scenario catalog (reset it between tests). */
export const { handlers, api } = createHandlers({ scenarios: catalog.value, frozen: true });

/**
 * An MSW server for Node tests with the default dataset (seed 42, pinned now, frozen clock).
 * @example
 * beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
 * afterEach(() => { server.resetHandlers(); api.reset(); });
 * afterAll(() => server.close());
 */
export const server = setupServer(...handlers);
