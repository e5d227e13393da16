import type { IncomingMessage } from 'node:http';
import type { MockRequest } from '../../src/core/index.js';

/**
 * A node:http request as the core reads it. Read from `rawHeaders`, which keeps every value of a
 * repeated header (plain `headers` silently drops a second `Authorization`); joining them with
 * `, ` gives what fetch, and so MSW, would see. (`headersDistinct` says the same, slower.)
 */
export function toMockRequest(req: IncomingMessage): MockRequest {
  const headers: Record<string, string> = {};
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    const value = raw[i + 1] as string;
    const previous = headers[name];
    headers[name] = previous === undefined ? value : `${previous}, ${value}`;
  }
  return { method: req.method ?? 'GET', url: req.url ?? '/', headers };
}
