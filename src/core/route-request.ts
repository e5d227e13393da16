/** The two operations of the Jobs API, with their path parameter. */
export type JobsRoute =
  | { readonly operation: 'listProjectJobs'; readonly projectId: string }
  | { readonly operation: 'getJob'; readonly jobId: string };

const LIST = /^\/v1\/projects\/([^/]+)\/jobs$/;
const GET = /^\/v1\/jobs\/([^/]+)$/;

/**
 * Match a path (no query) to an operation; undefined for any other path, including a path
 * parameter that is not valid percent-encoding.
 * @example routeRequest('/v1/jobs/job_abc') // { operation: 'getJob', jobId: 'job_abc' }
 */
export function routeRequest(pathname: string): JobsRoute | undefined {
  const list = LIST.exec(pathname);
  if (list?.[1] !== undefined) {
    const projectId = decode(list[1]);
    return projectId === undefined ? undefined : { operation: 'listProjectJobs', projectId };
  }
  const get = GET.exec(pathname);
  if (get?.[1] !== undefined) {
    const jobId = decode(get[1]);
    return jobId === undefined ? undefined : { operation: 'getJob', jobId };
  }
  return undefined;
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
