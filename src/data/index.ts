/**
 * The deterministic dataset: organizations, projects and their seeded, lazily generated jobs.
 * @packageDocumentation
 */
export { createDataset, DEFAULT_NOW, DEFAULT_NOW_ISO, DEFAULT_SEED, JOB_CACHE_SIZE } from './dataset.js';
export * from './topology.js';
export type { Dataset, DatasetOptions, DatasetStats, JobLocation, Organization, PreviewDatabase, Project } from './types.js';
export { JOB_TYPE_DURATIONS, JOB_TYPE_PROFILES, type JobFamily, type JobTarget, type JobTypeDuration, type JobTypeProfile } from './job-types.js';
export { FAILURE_MODES, failureText, type FailureFacts, type FailureMode } from './failure-modes.js';
export { createJobIdCodec, type JobAddress, type JobIdCodec } from './job-id.js';
export { MAX_ATTEMPTS, buildJobTimeline, type BuiltTimeline, type PlannedState, type ProjectPlan } from './job-timeline-builder.js';
export { Rng, hashWords, mix32, seedKey } from './prng.js';
