import type { IncomingMessage } from 'node:http';
import type { MockRequest } from '../../src/core/index.js';

/**
 * A node:http request as the core reads it. `headersDistinct` keeps every value of a repeated
 * header (plain `headers` silently drops a second `Authorization`); joining them with `, ` gives
 * what fetch, and so MSW, would see.
 */
export function toMockRequest(req: IncomingMessage): MockRequest {
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (values) headers[name] = values.join(', ');
  }
  return { method: req.method ?? 'GET', url: req.url ?? '/', headers };
}
