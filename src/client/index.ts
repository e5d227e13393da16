/**
 * The typed client of the CapyDB Jobs API and the CLI-style `waitForJob` poller. Browser-safe.
 * @example
 * import { createJobsClient, waitForJob } from 'capydb-jobs-kit/client';
 * const client = createJobsClient({ baseUrl: 'http://127.0.0.1:4010', token: 'capy_live_...' });
 * const result = await waitForJob(client, 'job_7f3k9q2m4x8t1w6z5b0n3c');
 * @packageDocumentation
 */
export { createJobsClient } from './create-jobs-client.js';
export type { JobsCallOptions, JobsClient, JobsClientOptions, ListProjectJobsOptions } from './create-jobs-client.js';
export type { JobsClientError, JobsClientResult, JobsDecodeError, JobsHttpError, JobsNetworkError } from './jobs-client-result.js';
export { InvalidWaitOptionsError, waitForJob } from './wait-for-job.js';
export type { WaitForJobError, WaitForJobOptions, WaitForJobProgress, WaitForJobResult } from './wait-for-job.js';
export { formatGoDuration } from '../domain/go-duration.js';
export { isTransientPollError } from './poll-failure.js';
export type { ErrorBody, Job, JobState } from '../api/types.js';
