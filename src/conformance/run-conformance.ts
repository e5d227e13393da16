import { createOpenApiValidator, type OpenApiValidator } from '../spec/openapi-validator.js';
import { generateCases } from './generated-cases.js';
import { createHttpExchanger, type ExchangeResponse } from './http-exchange.js';
import { checkListGetAgreement, checkListPage } from './list-checks.js';
import { expectedOutcome, toRequestPath, type RequestCase, type TargetKind } from './request-case.js';
import { checkResponse, jobsOf } from './response-checks.js';
import { summarize } from './summarize.js';
import { ConformanceOptionsError, type CheckedRequest, type ConformanceCheck, type ConformanceOptions, type ConformanceReport, type CredentialKind } from './types.js';

const AGREEMENT_SAMPLE = 10;

// Compiling the spec's schemas costs more than a whole run against a local server; a validator
// is immutable, so runs share one per document.
const validators = new Map<string, OpenApiValidator>();
function validatorFor(specPath: string | undefined): OpenApiValidator {
  const key = specPath ?? '';
  let validator = validators.get(key);
  if (!validator) {
    validator = createOpenApiValidator(specPath);
    validators.set(key, validator);
  }
  return validator;
}
const BASELINE_LIMIT = '100';

/** A sent request and what came back; undefined response when nothing did. */
interface Exchange {
  readonly response: ExchangeResponse | undefined;
  readonly jobs: Record<string, unknown>[];
}

function validate(options: ConformanceOptions): void {
  if (!/^https?:\/\/[^/]/i.test(options.baseUrl)) throw new ConformanceOptionsError(`baseUrl must be an http(s) URL, got ${JSON.stringify(options.baseUrl)}`);
  if (options.token === '') throw new ConformanceOptionsError('token must not be empty');
  if (options.projectId === '') throw new ConformanceOptionsError('projectId must not be empty');
  if (options.maxRequests !== undefined && (!Number.isInteger(options.maxRequests) || options.maxRequests < 1)) throw new ConformanceOptionsError('maxRequests must be a positive integer');
  if (options.seed !== undefined && !Number.isInteger(options.seed)) throw new ConformanceOptionsError('seed must be an integer');
}

/** Up to `n` jobs, one of each state first, so that the sample covers the lifecycle. */
function sampleJobs(jobs: readonly Record<string, unknown>[], n: number): Record<string, unknown>[] {
  const byState = new Map<unknown, Record<string, unknown>>();
  for (const job of jobs) if (!byState.has(job['state'])) byState.set(job['state'], job);
  const picked = [...byState.values()];
  for (const job of jobs) if (picked.length < n && !picked.includes(job)) picked.push(job);
  return picked.slice(0, n);
}

/**
 * Check a live implementation of the Jobs API against openapi.yaml: the precedence table, the
 * response bodies, `limit`, ordering, list/get agreement and the domain invariants, first with
 * fixed checks, then with requests generated from the spec's parameters (deterministic per seed).
 * @example
 * const report = await runConformance({ baseUrl: 'http://127.0.0.1:4010', token: 'capy_live_...', projectId: 'prj_...' });
 * if (!report.ok) console.log(report.summary.failedNames);
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  validate(options);
  const started = Date.now();
  const seed = options.seed ?? 1;
  const strict = options.strict ?? false;
  const spec = validatorFor(options.specPath);
  const checks: ConformanceCheck[] = [];
  const record = (check: ConformanceCheck) => void checks.push(check);
  const http = createHttpExchanger({
    baseUrl: options.baseUrl,
    maxRequests: options.maxRequests ?? 200,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    maxRetryAfterSeconds: options.maxRetryAfterSeconds ?? 30,
    requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
  });
  let stopped: string | undefined;

  const authorization = (c: RequestCase): string | undefined => {
    switch (c.credential) {
      case 'valid':
        return `Bearer ${options.token}`;
      case 'scoped':
        return `Bearer ${options.scopedToken ?? ''}`;
      case 'no-jobs-read':
        return `Bearer ${options.noJobsReadToken ?? ''}`;
      case 'none':
        return undefined;
      default:
        return c.rawAuthorization;
    }
  };

  /** Send a case, check its status under `name` plus every generic check; list checks for own pages. */
  const exchange = async (name: string, c: RequestCase, baselineIds?: readonly string[]): Promise<Exchange> => {
    if (stopped !== undefined) return { response: undefined, jobs: [] };
    const path = toRequestPath(c);
    const result = await http.send(path, authorization(c));
    if (!result.ok) {
      if (result.error === 'budget-exhausted') stopped = result.message;
      else record({ name: 'transport.error', outcome: 'fail', message: result.message, request: { method: 'GET', path, credential: c.credential } });
      return { response: undefined, jobs: [] };
    }
    const res = result.response;
    const request: CheckedRequest = { method: 'GET', path, credential: c.credential, status: res.status };
    if (result.waitedForRateLimit > 0) record({ name: 'transport.rate-limited', outcome: 'warn', message: `answered 429 ${result.waitedForRateLimit} time(s); waited as Retry-After asked`, request });
    const expected = expectedOutcome(c);
    const matches = res.status === expected.status;
    record({ name, outcome: matches ? 'pass' : 'fail', message: matches ? `${res.status} (${expected.rule})` : `expected ${expected.status} (${expected.rule}), got ${res.status}: ${res.text.slice(0, 120)}`, request });
    checkResponse({ spec, strict, record }, c, expected, res, request);
    const jobs = res.status === 200 ? jobsOf(c.op, res.json) : [];
    if (res.status === 200 && c.op === 'list') checkListPage(record, { projectId: c.id, limit: c.limit, jobs, baselineIds }, request);
    return { response: res, jobs };
  };

  const list = (credential: CredentialKind, target: TargetKind, id: string, limit?: string): RequestCase => ({ op: 'list', credential, target, id, limit });
  const get = (credential: CredentialKind, target: TargetKind, id: string): RequestCase => ({ op: 'get', credential, target, id });
  const unknownProject = `prj_conform${seed.toString(36)}unknown0000000`;
  const unknownJob = `job_conform${seed.toString(36)}unknown00000000`;

  // 1. The baseline: the project's newest 100 jobs, against which other pages are compared.
  const baseline = await exchange('list.baseline', list('valid', 'own', options.projectId, BASELINE_LIMIT));
  if (baseline.response === undefined && http.requestsSent <= 1) {
    record({ name: 'transport.reachable', outcome: 'fail', message: `${options.baseUrl} did not answer; nothing else was checked` });
    return summarize({ options, seed, strict, started, checks, requests: http.requestsSent });
  }
  const baselineJobs = baseline.response?.status === 200 ? baseline.jobs : [];
  const baselineIds = baselineJobs.map((job) => String(job['id']));
  if (baseline.response?.status === 200 && baselineJobs.length <= 25) {
    record({ name: 'setup.enough-jobs', outcome: 'warn', message: `${options.projectId} has ${baselineJobs.length} jobs; with 26 or more the default limit and ordering checks prove more` });
  }

  // 2. limit and ordering.
  await exchange('list.no-limit', list('valid', 'own', options.projectId), baselineIds);
  await exchange('list.limit-one', list('valid', 'own', options.projectId, '1'), baselineIds);
  await exchange('list.invalid-limit', list('valid', 'own', options.projectId, '0'));
  await exchange('list.invalid-limit', list('valid', 'own', options.projectId, 'abc'));

  // 3. Credentials.
  const knownJob = baselineIds[0];
  await exchange('auth.missing-credentials', list('none', 'own', options.projectId));
  await exchange('auth.missing-credentials', get('none', knownJob === undefined ? 'unknown' : 'own', knownJob ?? unknownJob));
  await exchange('auth.unknown-token', { ...list('unknown-token', 'own', options.projectId), rawAuthorization: 'Bearer capy_live_conformunknowntoken0000000' });
  for (const raw of ['Basic dXNlcjpwYXNzd29yZA==', 'Bearer', options.token]) {
    await exchange('auth.malformed-header', { ...list('malformed', 'own', options.projectId), rawAuthorization: raw });
  }
  await exchange('auth.invalid-jwt', {
    ...get('invalid-jwt', knownJob === undefined ? 'unknown' : 'own', knownJob ?? unknownJob),
    rawAuthorization: 'Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyXzJjb25mb3JtIiwibyI6eyJpZCI6Im9yZ19jb25mb3JtIn19.bm90LWEtc2lnbmF0dXJl',
  });

  // 4. Unknown ids, and the limit rule coming before them.
  await exchange('not-found.project', list('valid', 'unknown', unknownProject));
  await exchange('not-found.job', get('valid', 'unknown', unknownJob));
  await exchange('precedence.limit-before-not-found', list('valid', 'unknown', unknownProject, '101'));

  // 5. Each sampled job read back agrees with the listing.
  for (const listed of sampleJobs(baselineJobs, AGREEMENT_SAMPLE)) {
    const fetched = await exchange('get.listed-job', get('valid', 'own', String(listed['id'])));
    const job = fetched.jobs[0];
    if (fetched.response?.status === 200 && job) {
      checkListGetAgreement(record, listed, job, { method: 'GET', path: toRequestPath(get('valid', 'own', String(listed['id']))), credential: 'valid', status: 200 });
    }
  }

  // 6. The optional credentials.
  if (options.noJobsReadToken !== undefined) {
    await exchange('access.missing-scope', list('no-jobs-read', 'own', options.projectId));
    await exchange('access.missing-scope', list('no-jobs-read', 'own', options.projectId, '0'));
    if (knownJob !== undefined) await exchange('access.missing-scope', get('no-jobs-read', 'own', knownJob));
  }
  let scopedJobIds: string[] = [];
  let siblingProjectId: string | undefined;
  let siblingJobIds: string[] = [];
  if (options.scopedToken !== undefined) {
    siblingProjectId = options.siblingProjectId ?? (options.scopedProjectId === options.projectId ? undefined : options.projectId);
    if (siblingProjectId === options.projectId) siblingJobIds = baselineIds;
    else if (siblingProjectId !== undefined) siblingJobIds = (await exchange('list.sibling-project', list('valid', 'sibling', siblingProjectId, BASELINE_LIMIT))).jobs.map((job) => String(job['id']));
    if (siblingProjectId !== undefined) {
      await exchange('access.sibling-project', list('scoped', 'sibling', siblingProjectId));
      const siblingJob = siblingJobIds[0];
      if (siblingJob !== undefined) await exchange('access.sibling-project', get('scoped', 'sibling', siblingJob));
    }
    await exchange('access.scoped-unknown-project', list('scoped', 'unknown', unknownProject));
    if (options.scopedProjectId !== undefined) {
      const own = await exchange('access.scoped-own-project', list('scoped', 'scoped-own', options.scopedProjectId));
      scopedJobIds = own.jobs.map((job) => String(job['id']));
      const first = scopedJobIds[0];
      if (first !== undefined) await exchange('access.scoped-own-project', get('scoped', 'scoped-own', first));
    }
  }
  if (options.foreignProjectId !== undefined) {
    await exchange('access.foreign-project', list('valid', 'foreign', options.foreignProjectId));
    if (options.scopedToken !== undefined) await exchange('access.foreign-project', list('scoped', 'foreign', options.foreignProjectId));
  }
  if (options.foreignJobId !== undefined) await exchange('access.foreign-job', get('valid', 'foreign', options.foreignJobId));

  // 7. Generated requests, with whatever budget is left.
  const cases = generateCases(
    {
      token: options.token,
      projectId: options.projectId,
      knownJobIds: baselineIds,
      hasScopedToken: options.scopedToken !== undefined,
      hasNoJobsReadToken: options.noJobsReadToken !== undefined,
      scopedProjectId: options.scopedProjectId,
      scopedJobIds,
      siblingProjectId,
      siblingJobIds,
      foreignProjectId: options.foreignProjectId,
      foreignJobId: options.foreignJobId,
    },
    seed,
    Math.max(0, http.budgetLeft),
  );
  const baselineById = new Map(baselineJobs.map((job) => [String(job['id']), job]));
  for (const c of cases) {
    const expected = expectedOutcome(c);
    const ownPage = c.op === 'list' && c.target === 'own' && baseline.response?.status === 200;
    const result = await exchange(`precedence.${expected.rule}`, c, ownPage ? baselineIds : undefined);
    const listed = c.op === 'get' ? baselineById.get(c.id) : undefined;
    const job = result.jobs[0];
    if (listed && job && result.response?.status === 200) checkListGetAgreement(record, listed, job, { method: 'GET', path: toRequestPath(c), credential: c.credential, status: 200 });
  }
  if (stopped !== undefined) record({ name: 'run.budget', outcome: 'warn', message: `${stopped}; later checks were skipped` });
  return summarize({ options, seed, strict, started, checks, requests: http.requestsSent });
}
