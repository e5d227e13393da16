import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BreakageName } from './breakages.js';
import { handleJobsRequest, type ApiResponse } from './jobs-api.js';
import { createProviderStates, type ProviderStateChange } from './provider-states.js';
import type { ReferenceStore } from './store.js';

/** Where Pact's verifier posts state changes. */
export const PROVIDER_STATES_PATH = '/_pact/provider-states';

const MAX_BODY_BYTES = 64 * 1024;

/** A listening reference provider. */
export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, response: ApiResponse, breakage: BreakageName | undefined): void {
  const body = JSON.stringify(response.body);
  res.writeHead(response.status, {
    'content-type': breakage === 'wrong-content-type' ? 'text/plain' : 'application/json',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

async function readJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return { ok: false, error: 'request body too large' };
    chunks.push(chunk);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, error: 'request body must be JSON' };
  }
}

function authorizationHeaders(req: IncomingMessage): string[] {
  // Node keeps only the first of repeated Authorization headers; rawHeaders has them all.
  const values: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]?.toLowerCase() === 'authorization') values.push(req.rawHeaders[i + 1] ?? '');
  }
  return values;
}

async function route(store: ReferenceStore, states: ReturnType<typeof createProviderStates>, req: IncomingMessage, breakage: BreakageName | undefined): Promise<ApiResponse> {
  const url = new URL(req.url ?? '/', 'http://reference.invalid');
  if (url.pathname === PROVIDER_STATES_PATH) {
    if (req.method !== 'POST') return { status: 405, body: { error: 'method not allowed' } };
    const body = await readJson(req);
    if (!body.ok) return { status: 400, body: { error: body.error } };
    if (typeof body.value !== 'object' || body.value === null) return { status: 400, body: { error: 'request body must be a JSON object' } };
    const result = states.change(body.value as ProviderStateChange);
    return result.ok ? { status: 200, body: result.value } : { status: 400, body: { error: result.error } };
  }
  const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
  const response = handleJobsRequest(store, { path: rawPath, query: url.searchParams, authorization: authorizationHeaders(req) }, breakage);
  if (!response) return { status: 404, body: { error: 'not found' } };
  if (req.method !== 'GET') return { status: 405, body: { error: 'method not allowed' } };
  return response;
}

/**
 * Serve the store over node:http.
 * @example
 * const server = await listen(store, { port: 0, host: '127.0.0.1' });
 * await server.close();
 */
export async function listen(store: ReferenceStore, options: { port: number; host: string; breakage?: BreakageName | undefined }): Promise<RunningServer> {
  const states = createProviderStates(store);
  const server = createServer((req, res) => {
    route(store, states, req, options.breakage).then(
      (response) => send(res, response, options.breakage),
      () => send(res, { status: 500, body: { error: 'internal server error' } }, undefined),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
