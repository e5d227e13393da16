import type { ErrorBody } from '../api/types.js';
import type { JobsHttpError } from './jobs-client-result.js';

/** Turn the error payload openapi-fetch hands back (parsed JSON or raw text) into a {@link JobsHttpError}. */
export function toHttpError(response: Response, payload: unknown): JobsHttpError {
  const text = typeof payload === 'string' ? payload : payload === undefined ? '' : JSON.stringify(payload);
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
  return {
    kind: 'http',
    status: response.status,
    body: isErrorBody(payload) ? payload : undefined,
    text,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  };
}

/** `Retry-After` in seconds; HTTP-date values are ignored (the spec documents integer seconds). */
export function parseRetryAfter(header: string | null): number | undefined {
  if (header === null || !/^\s*\d+(\.\d+)?\s*$/.test(header)) return undefined;
  return Number(header);
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as { error?: unknown }).error === 'string';
}
