import type { ErrorBody } from '../api/types.js';
import type { MockResponse } from './mock-request.js';

/** Headers every JSON answer of the mock carries. */
export const JSON_HEADERS = {
  'content-type': 'application/json',
  'cache-control': 'no-store',
} as const;

/** A JSON response with the body serialized once, so every transport sends the same bytes. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): MockResponse {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

/** The spec's `{"error": "..."}` body with a documented status. */
export function errorResponse(status: number, error: string, headers: Record<string, string> = {}): MockResponse {
  const body: ErrorBody = { error };
  return jsonResponse(status, body, headers);
}
