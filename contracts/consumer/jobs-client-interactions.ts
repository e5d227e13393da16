import { MatchersV3, type PactV4 } from '@pact-foundation/pact';
import { expect } from 'vitest';
import { JOB_STATES, type JobState } from '../../src/api/types.js';
import { createJobsClient, type JobsClientResult } from '../../src/client/index.js';
import {
  EXAMPLE_BAD_LIMIT,
  EXAMPLE_JOBS,
  EXAMPLE_LIMIT,
  EXAMPLE_PROJECT_ID,
  EXAMPLE_TOKEN,
  EXAMPLE_UNKNOWN_JOB_ID,
  EXAMPLE_UNKNOWN_PROJECT_ID,
} from './example-values.js';
import { JSON_CONTENT_TYPE, jobBody } from './job-matchers.js';
import { PROVIDER_STATES, jobInStateExists } from './provider-states.js';

const { constrainedArrayLike, fromProviderState } = MatchersV3;

/** The part of a Pact mock server a test uses. */
interface MockServer {
  readonly url: string;
  readonly port: number;
}
/** A fully described interaction, ready to run against its mock server. */
interface RunnableInteraction {
  executeTest<T>(testFn: (server: MockServer) => Promise<T>): Promise<T | undefined>;
}

/** One interaction of the consumer contract: how to declare it and how the real client exercises it. */
export interface JobsClientInteraction {
  /** The interaction's description in the pact (unique together with its provider state). */
  readonly description: string;
  /** The provider state it needs. */
  readonly state: string;
  /** Declares the interaction on a pact. */
  readonly declare: (pact: PactV4) => RunnableInteraction;
  /** Drives the typed client against the mock server and asserts what its users rely on. */
  readonly exercise: (baseUrl: string) => Promise<void>;
}

const listPath = (projectId: string) => fromProviderState('/v1/projects/${projectId}/jobs', `/v1/projects/${projectId}/jobs`);
const jobPath = (jobId: string) => fromProviderState('/v1/jobs/${jobId}', `/v1/jobs/${jobId}`);
const bearer = { Authorization: fromProviderState('Bearer ${token}', `Bearer ${EXAMPLE_TOKEN}`) };
const client = (baseUrl: string, withToken = true) =>
  createJobsClient(withToken ? { baseUrl, token: EXAMPLE_TOKEN } : { baseUrl });

function expectHttpError(result: JobsClientResult<unknown>, status: number, message: string): void {
  expect(result.ok).toBe(false);
  expect(result.status).toBe(status);
  if (!result.ok) expect(result.error.kind === 'http' ? result.error.body?.error : result.error).toBe(message);
}

function expectJobs(result: JobsClientResult<readonly { id: string; state: JobState }[]>, count: number): void {
  expect(result.ok).toBe(true);
  if (result.ok) {
    expect(result.data).toHaveLength(count);
    for (const job of result.data) expect(JOB_STATES).toContain(job.state);
  }
}

function listInteraction(
  description: string,
  options: { readonly limit?: number; readonly max: number },
): JobsClientInteraction {
  const example = EXAMPLE_JOBS.running;
  return {
    description,
    state: PROVIDER_STATES.projectWithJobs,
    declare: (pact) =>
      pact
        .addInteraction()
        .given(PROVIDER_STATES.projectWithJobs)
        .uponReceiving(description)
        .withRequest('GET', listPath(EXAMPLE_PROJECT_ID), (request) => {
          request.headers(bearer);
          if (options.limit !== undefined) request.query({ limit: String(options.limit) });
        })
        .willRespondWith(200, (response) =>
          response
            .headers({ 'Content-Type': JSON_CONTENT_TYPE })
            .jsonBody({ jobs: constrainedArrayLike(jobBody(example, { exactState: false }), 1, options.max, 1) }),
        ),
    exercise: async (baseUrl) => {
      const result = await client(baseUrl).listProjectJobs(EXAMPLE_PROJECT_ID, options.limit === undefined ? {} : { limit: options.limit });
      expectJobs(result, 1);
      if (result.ok) expect(result.data[0]).toMatchObject({ id: example.id, type: example.type, attempts: example.attempts });
    },
  };
}

function getInState(state: JobState): JobsClientInteraction {
  const description = `a request for a ${state} job`;
  const example = EXAMPLE_JOBS[state];
  return {
    description,
    state: jobInStateExists(state),
    declare: (pact) =>
      pact
        .addInteraction()
        .given(jobInStateExists(state), { state })
        .uponReceiving(description)
        .withRequest('GET', jobPath(example.id), (request) => request.headers(bearer))
        .willRespondWith(200, (response) =>
          response.headers({ 'Content-Type': JSON_CONTENT_TYPE }).jsonBody({ job: jobBody(example, { exactState: true }) }),
        ),
    exercise: async (baseUrl) => {
      const result = await client(baseUrl).getJob(example.id);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.data).toEqual(example);
    },
  };
}

interface ErrorCase {
  readonly description: string;
  readonly state: string;
  readonly target: { readonly project: string } | { readonly job: string };
  readonly limit?: number;
  readonly authorized: boolean;
  readonly status: number;
  readonly message: string;
}

function errorInteraction(errorCase: ErrorCase): JobsClientInteraction {
  const { description, state, target, limit, authorized, status, message } = errorCase;
  const path = 'project' in target ? listPath(target.project) : jobPath(target.job);
  return {
    description,
    state,
    declare: (pact) =>
      pact
        .addInteraction()
        .given(state)
        .uponReceiving(description)
        .withRequest('GET', path, (request) => {
          if (authorized) request.headers(bearer);
          if (limit !== undefined) request.query({ limit: String(limit) });
        })
        .willRespondWith(status, (response) =>
          response.headers({ 'Content-Type': JSON_CONTENT_TYPE }).jsonBody({ error: message }),
        ),
    exercise: async (baseUrl) => {
      const jobs = client(baseUrl, authorized);
      const result: JobsClientResult<unknown> =
        'project' in target
          ? await jobs.listProjectJobs(target.project, limit === undefined ? {} : { limit })
          : await jobs.getJob(target.job);
      expectHttpError(result, status, message);
    },
  };
}

const emptyProject: JobsClientInteraction = {
  description: 'a request for the jobs of a project without jobs',
  state: PROVIDER_STATES.projectWithoutJobs,
  declare: (pact) =>
    pact
      .addInteraction()
      .given(PROVIDER_STATES.projectWithoutJobs)
      .uponReceiving('a request for the jobs of a project without jobs')
      .withRequest('GET', listPath(EXAMPLE_PROJECT_ID), (request) => request.headers(bearer))
      .willRespondWith(200, (response) => response.headers({ 'Content-Type': JSON_CONTENT_TYPE }).jsonBody({ jobs: [] })),
  exercise: async (baseUrl) => expectJobs(await client(baseUrl).listProjectJobs(EXAMPLE_PROJECT_ID), 0),
};

/**
 * Every interaction of the `capydb-jobs-kit-client` ↔ `capydb-jobs-api` contract, in the order the
 * pact file lists them.
 */
export const JOBS_CLIENT_INTERACTIONS: readonly JobsClientInteraction[] = [
  listInteraction("a request for a project's jobs", { max: 25 }),
  listInteraction(`a request for a project's ${EXAMPLE_LIMIT} most recent jobs`, { limit: EXAMPLE_LIMIT, max: EXAMPLE_LIMIT }),
  emptyProject,
  ...JOB_STATES.map(getInState),
  errorInteraction({
    description: `a request for a project's jobs with limit ${EXAMPLE_BAD_LIMIT}`,
    state: PROVIDER_STATES.projectWithJobs,
    target: { project: EXAMPLE_PROJECT_ID },
    limit: EXAMPLE_BAD_LIMIT,
    authorized: true,
    status: 400,
    message: 'limit must be an integer from 1 to 100',
  }),
  errorInteraction({
    description: "a request for a project's jobs without credentials",
    state: PROVIDER_STATES.projectWithJobs,
    target: { project: EXAMPLE_PROJECT_ID },
    authorized: false,
    status: 401,
    message: 'unauthorized',
  }),
  errorInteraction({
    description: "a request for a project's jobs with a credential lacking jobs:read",
    state: PROVIDER_STATES.credentialWithoutJobsRead,
    target: { project: EXAMPLE_PROJECT_ID },
    authorized: true,
    status: 403,
    message: 'forbidden: missing scope jobs:read',
  }),
  errorInteraction({
    description: 'a request for the jobs of an unknown project',
    state: PROVIDER_STATES.noSuchProject,
    target: { project: EXAMPLE_UNKNOWN_PROJECT_ID },
    authorized: true,
    status: 404,
    message: 'project not found',
  }),
  errorInteraction({
    description: 'a request for an unknown job',
    state: PROVIDER_STATES.noSuchJob,
    target: { job: EXAMPLE_UNKNOWN_JOB_ID },
    authorized: true,
    status: 404,
    message: 'job not found',
  }),
  errorInteraction({
    description: "a request for a project's jobs with a key scoped to another project",
    state: PROVIDER_STATES.credentialForAnotherProject,
    target: { project: EXAMPLE_PROJECT_ID },
    authorized: true,
    status: 403,
    message: 'forbidden: key is scoped to another project',
  }),
];
