import { errorResponse } from '../core/json-response.js';
import type { MockResponse } from '../core/mock-request.js';
import type { FaultSpec, LatencyLaw } from './fault-spec.js';

/** The header that marks every injected fault: the only answers allowed outside the spec. */
export const FAULT_HEADER = 'x-capydb-mock-fault';

/** The HTML a proxy sends when the upstream is gone (nginx's wording). */
export const BAD_GATEWAY_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/**
 * Turn the normal answer into the faulty one. `random` is a 0..1 source (seeded by the caller)
 * for latency laws; `operation` lets `null-jobs` hit only the list.
 */
export function applyFault(
  fault: FaultSpec,
  normal: MockResponse,
  operation: string,
  random: () => number,
): MockResponse {
  const mark = { [FAULT_HEADER]: fault.kind };
  const cors = pick(normal.headers, ['access-control-allow-origin', 'access-control-expose-headers']);
  switch (fault.kind) {
    case 'latency':
      return { ...normal, headers: { ...normal.headers, ...mark }, delayMs: sampleLatency(fault.latency ?? { distribution: 'fixed', ms: 500 }, random) };
    case 'rate-limit':
      return errorResponse(429, 'rate limit exceeded', { ...cors, ...mark, 'retry-after': String(fault.retryAfterSeconds ?? 1) });
    case 'server-error':
      return errorResponse(500, 'internal server error', { ...cors, ...mark });
    case 'unavailable':
      return errorResponse(503, 'service unavailable', { ...cors, ...mark, 'retry-after': String(fault.retryAfterSeconds ?? 1) });
    case 'bad-gateway':
      return { status: 502, headers: { ...cors, ...mark, 'content-type': 'text/html' }, body: BAD_GATEWAY_HTML };
    case 'reset':
      return { ...normal, headers: { ...normal.headers, ...mark }, fault: { kind: 'reset' } };
    case 'truncate':
      return { ...normal, headers: { ...normal.headers, ...mark }, fault: { kind: 'truncate', bytes: Math.floor(normal.body.length / 2) } };
    case 'null-jobs':
      if (operation !== 'listProjectJobs' || normal.status !== 200) return normal;
      return { ...normal, headers: { ...normal.headers, ...mark }, body: '{"jobs":null}' };
  }
}

/** Draw one delay from a latency law. */
export function sampleLatency(law: LatencyLaw, random: () => number): number {
  switch (law.distribution) {
    case 'fixed':
      return law.ms;
    case 'uniform':
      return Math.round(law.minMs + (law.maxMs - law.minMs) * random());
    case 'lognormal': {
      // Box-Muller: one standard normal draw from two uniforms.
      const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      return Math.min(60_000, Math.round(law.medianMs * Math.exp(law.sigma * z)));
    }
  }
}

function pick(headers: Readonly<Record<string, string>>, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = headers[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}
