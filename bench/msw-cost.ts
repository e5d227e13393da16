/**
 * Per-request cost of the shipped MSW handlers in-process in Node: N sequential `fetch` of a job
 * through `setupServer`. Prints `{ "msPerRequest": number, "n": number }` as one JSON line.
 * Usage: `tsx bench/msw-cost.ts N JOB_ID`.
 * @example
 * // tsx bench/msw-cost.ts 2000 job_ckfmypjasqtd2w0j9en0z2
 * @packageDocumentation
 */
import { setupServer } from 'msw/node';
// @ts-ignore -- dist/ exists only after `npm run build`; the bench measures the shipped code.
import { createHandlers } from '../dist/mocks/msw/index.js';

const n = Number(process.argv[2] ?? 1000);
const jobId = process.argv[3] ?? 'job_unknown';
const TOKEN = 'capy_live_k3VjnN6ueOh3jkhDVfGphJMrC9Gu9dKy';
const { handlers } = createHandlers({ frozen: true, baseUrl: 'https://api.capydb.test' });
const server = setupServer(...handlers);
server.listen({ onUnhandledRequest: 'error' });

const once = async (): Promise<void> => {
  const response = await fetch(`https://api.capydb.test/v1/jobs/${jobId}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  if (response.status !== 200) throw new Error(`MSW answered ${response.status}`);
  await response.text();
};
const warmUp = Math.max(10, Math.floor(n / 10));
for (let i = 0; i < warmUp; i++) await once();
const started = performance.now();
for (let i = 0; i < n; i++) await once();
const msPerRequest = (performance.now() - started) / n;
server.close();
process.stdout.write(`${JSON.stringify({ msPerRequest, n })}\n`);
