export * from './apply-fault.js';
export * from './fault-rules.js';
export * from './fault-spec.js';
export * from './parse-fault.js';
