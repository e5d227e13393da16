import type { MockResponse } from './mock-request.js';

/** CORS headers on every Jobs API answer, so a browser app on another port can call the mock. */
export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'Retry-After, x-capydb-mock-fault, x-capydb-mock-scenario',
} as const;

/** The answer to a CORS preflight (`OPTIONS` with `Access-Control-Request-Method`). */
export function preflightResponse(allow: string): MockResponse {
  return {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      'access-control-allow-methods': allow,
      'access-control-allow-headers': 'Authorization, Prefer, Content-Type, X-Mock-Session',
      'access-control-max-age': '600',
      allow,
    },
    body: '',
  };
}
