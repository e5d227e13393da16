/**
 * Bench-only entry: the shipped standalone mock (from dist/) plus `GET /__bench/memory`, which
 * forces a GC and answers `{ rss, heapUsed }` in bytes. Run with `node --expose-gc` (no loader, so RSS is the shipped server's own).
 * Usage: `node --expose-gc bench/our-server.mjs PORT`.
 * @example
 * // node --expose-gc bench/our-server.mjs 4100 && curl http://127.0.0.1:4100/__bench/memory
 * @packageDocumentation
 */
// dist/ exists only after `npm run build`; the bench measures the shipped code.
import { startMockServer } from '../dist/mocks/server/index.js';

const port = Number(process.argv[2] ?? 0);
const running = await startMockServer({ port, host: '127.0.0.1', frozen: true, now: new Date('2026-06-18T09:15:00Z') });
const server = running.server;
const original = server.listeners('request')[0];
if (!original) throw new Error('the mock server has no request listener');
server.removeAllListeners('request');
server.on('request', (req, res) => {
  if (req.url !== '/__bench/memory') return original.call(server, req, res);
  const gc = globalThis.gc;
  if (!gc) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('start with node --expose-gc');
    return;
  }
  gc();
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ rss, heapUsed }));
});
