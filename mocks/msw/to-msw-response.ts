import { HttpResponse, delay } from 'msw';
import type { MockResponse } from '../../src/core/index.js';

/** Carry out a core response in MSW, faults included (a reset becomes a network error). */
export async function toMswResponse(response: MockResponse): Promise<Response> {
  if (response.delayMs !== undefined && response.delayMs > 0) await delay(response.delayMs);
  if (response.fault?.kind === 'reset') return HttpResponse.error();
  const body =
    response.fault?.kind === 'truncate' ? response.body.slice(0, response.fault.bytes) : response.body;
  const status = response.status;
  const nullBody = status === 204 || status === 304 || body === '';
  return new HttpResponse(nullBody ? null : body, { status, headers: response.headers });
}
