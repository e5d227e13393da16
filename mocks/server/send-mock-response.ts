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
  const bytes = Buffer.from(response.body, 'utf8');
  res.writeHead(response.status, { ...response.headers, 'content-length': String(bytes.length) });
  if (response.fault?.kind === 'truncate') {
    // Promise a full body, send part of it, then cut the connection: what a dying proxy does.
    res.write(bytes.subarray(0, response.fault.bytes), () => res.socket?.destroy());
    return;
  }
  res.end(bytes);
}
