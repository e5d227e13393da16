import type { MockRequest } from '../../src/core/index.js';

/** A fetch `Request` as the core reads it (fetch already joins a repeated header with `, `). */
export function toMockRequest(request: Request): MockRequest {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { method: request.method, url: request.url, headers };
}
