/**
 * Friendly names over the types generated from `openapi.yaml`. Every other module reaches the
 * spec's types through this file, so spec drift becomes a compile error.
 * @packageDocumentation
 */
import type { components, operations, paths } from '../generated/jobs-api.js';

/** The generated `paths` map, for openapi-fetch. */
export type JobsApiPaths = paths;
/** One asynchronous control-plane operation, exactly as the spec defines it. */
export type Job = components['schemas']['Job'];
/** `pending | running | completed | failed`. */
export type JobState = components['schemas']['JobState'];
/** The `{"error": "..."}` body of every error response. */
export type ErrorBody = components['schemas']['Error'];
/** Body of `GET /v1/projects/{projectID}/jobs`. */
export type ListJobsResponse = components['schemas']['ListJobsResponse'];
/** Body of `GET /v1/jobs/{jobID}`. */
export type GetJobResponse = components['schemas']['GetJobResponse'];
/** Query parameters of `listProjectJobs`. */
export type ListProjectJobsQuery = NonNullable<operations['listProjectJobs']['parameters']['query']>;

/** Every job state, in lifecycle order. */
export const JOB_STATES = ['pending', 'running', 'completed', 'failed'] as const satisfies readonly JobState[];
/** States a job never leaves. */
export const TERMINAL_STATES = ['completed', 'failed'] as const satisfies readonly JobState[];

/** Limits of `listProjectJobs`'s `limit` parameter, as the spec states them. */
export const LIST_LIMIT = { default: 25, min: 1, max: 100 } as const;
