import type { BreakageName } from './breakages.js';
import { toJobJson } from './job-json.js';
import type { ApiKeyRow, ReferenceStore } from './store.js';

/** A transport-neutral request to the Jobs API. */
export interface ApiRequest {
  /** The raw path, still percent-encoded, without the query. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Every `Authorization` header value received (a repeated header is an error). */
  readonly authorization: readonly string[];
}

/** A transport-neutral response. */
export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
}

/** The exact error messages of the spec's precedence table. */
export const MESSAGES = {
  unauthorized: 'unauthorized',
  missingScope: 'forbidden: missing scope jobs:read',
  badLimit: 'limit must be an integer from 1 to 100',
  projectNotFound: 'project not found',
  jobNotFound: 'job not found',
  siblingProject: 'forbidden: key is scoped to another project',
} as const;

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;

type Route = { readonly op: 'list'; readonly projectId: string | undefined } | { readonly op: 'get'; readonly jobId: string | undefined };

/** Who is asking: a stored key, or nobody at all (only under the `no-auth-required` breakage). */
type Principal = { readonly kind: 'key'; readonly key: ApiKeyRow } | { readonly kind: 'anyone' };

const error = (status: number, message: string): ApiResponse => ({ status, body: { error: message } });

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined; // an undecodable id names nothing: 404
  }
}

/** `/v1/projects/{id}/jobs` or `/v1/jobs/{id}`; undefined for any other path. */
export function matchRoute(path: string): Route | undefined {
  const parts = path.split('/');
  if (parts.length === 5 && parts[0] === '' && parts[1] === 'v1' && parts[2] === 'projects' && parts[4] === 'jobs') {
    return { op: 'list', projectId: decodeSegment(parts[3] ?? '') };
  }
  if (parts.length === 4 && parts[0] === '' && parts[1] === 'v1' && parts[2] === 'jobs') return { op: 'get', jobId: decodeSegment(parts[3] ?? '') };
  return undefined;
}

function authenticate(store: ReferenceStore, authorization: readonly string[], breakage: BreakageName | undefined): Principal | undefined {
  if (authorization.length === 0 && breakage === 'no-auth-required') return { kind: 'anyone' };
  if (authorization.length !== 1) return undefined;
  const match = /^Bearer ([!-~]+)$/i.exec(authorization[0] ?? '');
  if (!match?.[1]) return undefined;
  const key = store.findApiKeyByToken(match[1]);
  return key && !key.revoked ? { kind: 'key', key } : undefined;
}

function parseLimit(query: URLSearchParams): number | undefined {
  const values = query.getAll('limit');
  if (values.length === 0) return DEFAULT_LIMIT;
  const raw = values.length === 1 ? (values[0] ?? '') : '';
  if (!/^[0-9]{1,3}$/.test(raw)) return undefined;
  const limit = Number(raw);
  return limit >= 1 && limit <= MAX_LIMIT ? limit : undefined;
}

const hasScope = (p: Principal) => p.kind === 'anyone' || p.key.scopes.includes('jobs:read') || p.key.scopes.includes('*');
const sameOrganization = (p: Principal, organizationId: string, breakage: BreakageName | undefined) =>
  p.kind === 'anyone' || breakage === 'foreign-job-served' || p.key.organization_id === organizationId;
const outsideScope = (p: Principal, projectId: string | null) => p.kind === 'key' && p.key.project_id !== null && p.key.project_id !== projectId;

/**
 * Answer one Jobs API request, applying the spec's precedence table in order:
 * 401 → 403 (scope) → 400 (limit, list only) → 404 → 403 (sibling project) → 200.
 * @example
 * handleJobsRequest(store, { path: '/v1/jobs/job_x', query: new URLSearchParams(), authorization: [] });
 * // { status: 401, body: { error: 'unauthorized' } }
 */
export function handleJobsRequest(store: ReferenceStore, request: ApiRequest, breakage?: BreakageName): ApiResponse | undefined {
  const route = matchRoute(request.path);
  if (!route) return undefined;
  const notFound = (message: string) => (breakage === '500-instead-of-404' ? error(500, 'internal server error') : error(404, message));

  const principal = authenticate(store, request.authorization, breakage);
  if (!principal) return error(401, MESSAGES.unauthorized);
  if (!hasScope(principal)) return error(403, MESSAGES.missingScope);

  if (route.op === 'list') {
    const limit = parseLimit(request.query);
    if (limit === undefined) return error(400, MESSAGES.badLimit);
    const project = route.projectId === undefined ? undefined : store.findProject(route.projectId);
    if (!project || !sameOrganization(principal, project.organization_id, breakage)) return notFound(MESSAGES.projectNotFound);
    if (outsideScope(principal, project.id)) return error(403, MESSAGES.siblingProject);
    const rows = store.listJobs(project.id, breakage === 'limit-ignored' ? undefined : limit, breakage === 'oldest-first');
    return { status: 200, body: { jobs: rows.map((row) => toJobJson(row, breakage)) } };
  }

  const job = route.jobId === undefined ? undefined : store.findJob(route.jobId);
  if (!job || !sameOrganization(principal, String(job.organization_id), breakage)) return notFound(MESSAGES.jobNotFound);
  if (outsideScope(principal, job.project_id === null ? null : String(job.project_id))) return error(403, MESSAGES.siblingProject);
  return { status: 200, body: { job: toJobJson(job, breakage) } };
}
