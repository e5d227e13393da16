import type { AuthResult } from '../auth/types.js';
import { ERROR_MESSAGES } from './error-messages.js';
import type { JobRepository } from './job-repository.js';
import { JSON_HEADERS, errorResponse } from './json-response.js';
import { getBody, listBody } from './job-json.js';
import type { MockResponse } from './mock-request.js';
import { parseLimit } from './parse-limit.js';
import type { JobsRoute } from './route-request.js';

/** Everything one Jobs API call needs, already taken apart by the transport-neutral front. */
export interface JobsCall {
  readonly route: JobsRoute;
  readonly auth: AuthResult;
  /** Every `limit` value of the query string, in order. */
  readonly limitValues: readonly string[];
  readonly repository: JobRepository;
  readonly at: Date;
}

/**
 * Apply the contract's precedence table (openapi.yaml) to one call: 401, then 403 without
 * `jobs:read`, then 400 for a bad `limit` (list only), then 404 for an unknown or foreign
 * resource, then 403 for a project-scoped credential on a sibling project.
 */
export function handleJobsCall(call: JobsCall): MockResponse {
  const { auth } = call;
  if (!auth.ok) return errorResponse(auth.status, auth.error);
  const principal = auth.principal;

  if (call.route.operation === 'listProjectJobs') {
    const limit = parseLimit(call.limitValues);
    if (!limit.ok) return errorResponse(400, ERROR_MESSAGES.limitInvalid);
    const project = call.repository.findProject(call.route.projectId);
    if (!project || project.organizationId !== principal.organizationId) {
      return errorResponse(404, ERROR_MESSAGES.projectNotFound);
    }
    if (principal.projectId !== undefined && principal.projectId !== project.id) {
      return errorResponse(403, ERROR_MESSAGES.siblingProject);
    }
    return { status: 200, headers: JSON_HEADERS, body: listBody(call.repository.listJobs(project.id, limit.value, call.at)) };
  }

  const job = call.repository.findJob(call.route.jobId, call.at);
  if (!job || job.organization_id !== principal.organizationId) {
    return errorResponse(404, ERROR_MESSAGES.jobNotFound);
  }
  if (principal.projectId !== undefined && principal.projectId !== job.project_id) {
    return errorResponse(403, ERROR_MESSAGES.siblingProject);
  }
  return { status: 200, headers: JSON_HEADERS, body: getBody(job) };
}
