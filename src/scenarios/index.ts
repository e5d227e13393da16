export * from './apply-scenario.js';
export * from './build-scenario-job.js';
export * from './huge-log.js';
export * from './parse-scenario.js';
export * from './scenario-job-id.js';
export * from './scenario-types.js';
