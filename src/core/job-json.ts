import type { Job } from '../api/types.js';

// Dataset jobs are frozen and cached, so the same object comes back while it is hot: its JSON is
// kept beside it and dies with it. Live and stored jobs are new objects and simply miss.
const serialized = new WeakMap<Job, string>();

function jobJson(job: Job): string {
  let json = serialized.get(job);
  if (json === undefined) {
    json = JSON.stringify(job);
    if (Object.isFrozen(job)) serialized.set(job, json);
  }
  return json;
}

/**
 * `JSON.stringify({ jobs })`, byte for byte, reusing each frozen job's JSON.
 * @example listBody([]) // '{"jobs":[]}'
 */
export function listBody(jobs: readonly Job[]): string {
  let body = '{"jobs":[';
  for (let i = 0; i < jobs.length; i += 1) body += (i === 0 ? '' : ',') + jobJson(jobs[i] as Job);
  return `${body}]}`;
}

/**
 * `JSON.stringify({ job })`, byte for byte, reusing a frozen job's JSON.
 * @example getBody(job) === JSON.stringify({ job }) // true
 */
export function getBody(job: Job): string {
  return `{"job":${jobJson(job)}}`;
}
