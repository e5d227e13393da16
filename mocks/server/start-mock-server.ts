import { createAdminHandler } from '../../src/admin/index.js';
import type { MockResponse } from '../../src/core/index.js';
import { createMockApi, type MockApi, type MockApiOptions } from '../../src/mock-api/index.js';
import { loadScenarioCatalog } from '../../src/scenarios/load-scenario-catalog.js';
import { formatScenarioProblem } from '../../src/scenarios/index.js';
import { listenMockServer, type RunningServer } from './create-mock-server.js';
import { servePanel } from './serve-panel.js';

/** Options of the standalone mock. */
export interface MockServerOptions extends MockApiOptions {
  readonly port?: number;
  readonly host?: string;
  /** Required to bind anything but loopback: the admin API then needs it as a bearer token. */
  readonly adminToken?: string;
  /** An existing mock to serve (its catalog and state). */
  readonly api?: MockApi;
}

/** A running standalone mock and the mock behind it. */
export interface RunningMockServer extends RunningServer {
  readonly api: MockApi;
}

/** Thrown for server options that cannot work; the CLI prints its message as one line. */
export class MockServerOptionsError extends Error {
  override readonly name = 'MockServerOptionsError';
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Start the standalone mock on node:http: the Jobs API, the admin API under `/__mock/` and
 * the control panel at `/__mock/`.
 * @example
 * const server = await startMockServer({ port: 0, frozen: true });
 * await fetch(`${server.url}/v1/projects/prj_k3v9q2m7x4t8w1z6b5n0/jobs`, { headers: { authorization: 'Bearer capy_live_...' } });
 * await server.close();
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<RunningMockServer> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host) && options.adminToken === undefined) {
    throw new MockServerOptionsError(`refusing to bind ${host} without --admin-token: the admin API would be open to the network`);
  }
  const api = options.api ?? createMockApi({ scenarios: shippedCatalog(), ...options });
  const handleAdmin = createAdminHandler(api, options.adminToken === undefined ? {} : { adminToken: options.adminToken });
  const running = await listenMockServer(
    async (request, body): Promise<MockResponse> => {
      const path = request.url.split('?')[0] ?? '';
      if (path === '/__mock' || path === '/__mock/' || path.startsWith('/__mock/panel/')) return servePanel(path);
      if (path.startsWith('/__mock/')) return handleAdmin(request, body);
      return api.handle(request);
    },
    { port: options.port ?? 4010, host },
  );
  return { ...running, api };
}

function shippedCatalog() {
  const catalog = loadScenarioCatalog();
  if (!catalog.ok) throw new MockServerOptionsError(catalog.problems.map(formatScenarioProblem).join('; '));
  return catalog.value;
}
