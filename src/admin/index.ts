export * from './handle-admin-request.js';
