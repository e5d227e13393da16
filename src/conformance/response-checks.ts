import type { OpenApiValidator } from '../spec/openapi-validator.js';
import type { ExchangeResponse } from './http-exchange.js';
import { findJobInvariantViolations } from './job-invariants.js';
import type { ExpectedOutcome, RequestCase } from './request-case.js';
import type { CheckedRequest, ConformanceCheck } from './types.js';

/** What the generic checks need to know about the run. */
export interface ResponseCheckContext {
  readonly spec: OpenApiValidator;
  readonly strict: boolean;
  readonly record: (check: ConformanceCheck) => void;
}

const TOP_LEVEL: Readonly<Record<string, readonly string[]>> = { list: ['jobs'], get: ['job'], error: ['error'] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Jobs carried by a 200 body (whatever its shape turned out to be). */
export function jobsOf(op: RequestCase['op'], body: unknown): Record<string, unknown>[] {
  if (!isObject(body)) return [];
  if (op === 'get') return isObject(body['job']) ? [body['job']] : [];
  return Array.isArray(body['jobs']) ? body['jobs'].filter(isObject) : [];
}

function jobFieldNames(spec: OpenApiValidator): ReadonlySet<string> {
  const job = spec.document.components.schemas['Job'] as { properties?: Record<string, unknown> } | undefined;
  return new Set(Object.keys(job?.properties ?? {}));
}

/** A copy of `body` without the members the spec does not define, and the names removed. */
function withoutUnknownFields(spec: OpenApiValidator, shape: string, op: RequestCase['op'], body: unknown): { body: unknown; unknown: string[] } {
  if (!isObject(body)) return { body, unknown: [] };
  const unknown = new Set<string>();
  const top = new Set(TOP_LEVEL[shape] ?? []);
  const keep = (obj: Record<string, unknown>, allowed: ReadonlySet<string>, where: string) =>
    Object.fromEntries(
      Object.entries(obj).filter(([k]) => {
        if (allowed.has(k)) return true;
        unknown.add(`${where}${k}`);
        return false;
      }),
    );
  const stripped = keep(body, top, '');
  if (shape !== 'error') {
    const fields = jobFieldNames(spec);
    if (op === 'get' && isObject(stripped['job'])) stripped['job'] = keep(stripped['job'], fields, 'job.');
    if (op === 'list' && Array.isArray(stripped['jobs'])) stripped['jobs'] = stripped['jobs'].map((j: unknown) => (isObject(j) ? keep(j, fields, 'jobs[].') : j));
  }
  return { body: stripped, unknown: [...unknown].sort() };
}

const operationId = (op: RequestCase['op']) => (op === 'list' ? 'listProjectJobs' : 'getJob');

/**
 * The checks every response gets: documented status, JSON content type, body against the spec
 * (unknown members are warnings unless strict), no data in error bodies, the table's error
 * message, and the domain invariants of every job returned.
 * @example
 * checkResponse(ctx, requestCase, expectedOutcome(requestCase), response, checkedRequest);
 */
export function checkResponse(ctx: ResponseCheckContext, c: RequestCase, expected: ExpectedOutcome, res: ExchangeResponse, request: CheckedRequest): void {
  const record = (name: string, outcome: ConformanceCheck['outcome'], message: string) => ctx.record({ name, outcome, message, request });
  const opId = operationId(c.op);
  const documented = ctx.spec.documentedStatuses(opId).includes(String(res.status));
  record('response.documented-status', documented ? 'pass' : 'fail', documented ? `${res.status} is documented for ${opId}` : `${res.status} is not documented for ${opId}`);

  const mediaType = (res.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  record('response.content-type', mediaType === 'application/json' ? 'pass' : 'fail', `content-type ${res.contentType === null ? '(none)' : JSON.stringify(res.contentType)}`);

  if (res.json === undefined) {
    record('response.schema', 'fail', `body is not JSON: ${JSON.stringify(res.text.slice(0, 80))}`);
    return;
  }
  const shape = res.status >= 200 && res.status < 300 ? c.op : 'error';
  const stripped = withoutUnknownFields(ctx.spec, shape, c.op, res.json);
  if (stripped.unknown.length > 0) record('response.unknown-fields', ctx.strict ? 'fail' : 'warn', `fields the spec does not define: ${stripped.unknown.join(', ')}`);
  const body = ctx.strict ? res.json : stripped.body;
  if (documented) {
    const result = ctx.spec.validateResponse(opId, res.status, body);
    const message = result.ok ? 'body matches the spec' : result.violations.slice(0, 5).map((v) => `${v.path} ${v.message}`).join('; ');
    record('response.schema', result.ok ? 'pass' : 'fail', message);
  }

  if (shape === 'error') {
    const leaked = isObject(res.json) && ('jobs' in res.json || 'job' in res.json);
    record('response.no-data-on-error', leaked ? 'fail' : 'pass', leaked ? `a ${res.status} body carries job data` : `the ${res.status} body carries no job data`);
    const message = isObject(res.json) ? res.json['error'] : undefined;
    if (expected.error !== undefined && res.status === expected.status) {
      const same = message === expected.error;
      record('response.error-message', same ? 'pass' : ctx.strict ? 'fail' : 'warn', same ? `error ${JSON.stringify(message)}` : `error ${JSON.stringify(message)}, the spec's table says ${JSON.stringify(expected.error)}`);
    }
    return;
  }
  const problems = jobsOf(c.op, res.json).flatMap((job) => findJobInvariantViolations(job).map((p) => `${String(job['id'])}: ${p}`));
  record('job.invariants', problems.length === 0 ? 'pass' : 'fail', problems.length === 0 ? 'every job keeps the domain invariants' : problems.slice(0, 5).join('; '));
}
