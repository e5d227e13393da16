import type { ServerResponse } from 'node:http';
import type { MockResponse } from '../../src/core/index.js';

/** Write a core response to node:http, carrying out its latency and transport faults. */
export async function sendMockResponse(res: ServerResponse, response: MockResponse): Promise<void> {
  if (response.delayMs !== undefined && response.delayMs > 0) {
    await new Promise((resolve) => setTimeout(resolve, response.delayMs));
  }
  if (res.destroyed) return;
  if (response.fault?.kind === 'reset') {
    res.socket?.resetAndDestroy();
    return;
  }
  // A flat [name, value, ...] list is the cheapest form for writeHead on this hot path.
  const head: string[] = [];
  for (const name in response.headers) head.push(name, response.headers[name] as string);
  head.push('content-length', String(Buffer.byteLength(response.body)));
  res.writeHead(response.status, head);
  if (response.fault?.kind === 'truncate') {
    // Promise a full body, send part of it, then cut the connection: what a dying proxy does.
    res.write(Buffer.from(response.body).subarray(0, response.fault.bytes), () => res.socket?.destroy());
    return;
  }
  res.end(response.body);
}
