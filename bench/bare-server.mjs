/**
 * The machine's limit: a bare node:http server answering every request with one fixed job.
 * Usage: `node bench/bare-server.mjs PORT` (listens on 127.0.0.1 only).
 * @example
 * // node bench/bare-server.mjs 4100 && curl http://127.0.0.1:4100/v1/jobs/any
 * @packageDocumentation
 */
import { createServer } from 'node:http';

const FIXED_JOB = JSON.stringify({ job: {
  id: 'job_ckfmypjasqtd2w0j9en0z2',
  type: 'instance.destroy',
  state: 'running',
  attempts: 1,
  max_attempts: 3,
  organization_id: 'org_2xk9m4q7w1t8z5b3n6v0',
  project_id: 'prj_h8d2r6f1c9j4p7s3y5a0',
  cluster_id: 'cls_h4t8w2z6b1n5q9m3x7k0',
  claimed_at: '2026-06-18T09:14:52.365612Z',
  claimed_by: 'worker-capydb-db10-13830',
  started_at: '2026-06-18T09:14:52.532856Z',
  created_at: '2026-06-18T09:14:52.000625Z',
  updated_at: '2026-06-18T09:14:52.532856Z',
  locked_resource: 'project:prj_h8d2r6f1c9j4p7s3y5a0',
} });
const HEADERS = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(FIXED_JOB) };

const port = Number(process.argv[2] ?? 0);
createServer((_req, res) => {
  res.writeHead(200, HEADERS);
  res.end(FIXED_JOB);
}).listen(port, '127.0.0.1');
