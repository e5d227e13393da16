import { setupWorker } from 'msw/browser';
import { createHandlers } from './msw/index.js';

/** The mock behind `worker` (default dataset; per-request scenarios need a catalog passed to `createHandlers`). */
export const { handlers, api } = createHandlers();

/**
 * An MSW service worker for a browser app (`npx msw init public/` copies the worker script).
 * @example
 * await worker.start({ onUnhandledRequest: 'error' });
 */
export const worker = setupWorker(...handlers);
