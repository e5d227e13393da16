import type { JobsClientError } from './jobs-client-result.js';

/**
 * Whether a failed poll is worth retrying: no response, a decode problem (proxy junk), 408, 429 or 5xx.
 * Other 4xx (401, 403, 404, ...) will not change by asking again, as in the CapyDB CLI and client.
 */
export function isTransientPollError(error: JobsClientError): boolean {
  if (error.kind !== 'http') return true;
  return error.status >= 500 || error.status === 429 || error.status === 408;
}

/** One line describing a failed poll, e.g. `403 forbidden: missing scope jobs:read`. */
export function describePollError(error: JobsClientError): string {
  switch (error.kind) {
    case 'network':
      return `network error: ${error.message}`;
    case 'decode':
      return `${error.status}: ${error.message}`;
    case 'http':
      return `${error.status} ${error.body?.error ?? (error.text.trim().slice(0, 120) || 'no body')}`;
  }
}
