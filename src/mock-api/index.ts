export * from './create-mock-api.js';
export * from './mock-control.js';
