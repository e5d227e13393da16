// The browser demo: the typed client against MSW's service worker, no server behind it.
import { setupWorker } from 'msw/browser';
import { README_API_KEY } from '../../src/auth/dev-credentials.js';
import { createJobsClient, waitForJob, type Job, type JobsClient } from '../../src/client/index.js';
import { MAIN_PROJECT_ID } from '../../src/data/topology.js';
import { createHandlers, type MockApi } from '../msw/index.js';
import { badge, renderError, renderJobDetails, renderJobRow } from './render.js';

/** What the page exposes as `window.__demo` (for the browser test and the curious). */
export interface DemoHandle {
  readonly api: MockApi;
  readonly ready: Promise<void>;
  /** Start a live job and wait for it; resolves with its last state. */
  runLiveJob(): Promise<Job | undefined>;
}

declare global {
  interface Window {
    __demo?: DemoHandle;
  }
}

// Frozen: the same seed and instant as `createMockApi({ frozen: true })` in Node, so the same jobs.
const { handlers, api } = createHandlers({ frozen: true });
const worker = setupWorker(...handlers);

const $ = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`demo page has no #${id}`);
  return element as T;
};

function client(): JobsClient {
  const noToken = $<HTMLInputElement>('no-token').checked;
  return createJobsClient({ baseUrl: location.origin, ...(noToken ? {} : { token: README_API_KEY }) });
}

async function loadJobs(): Promise<void> {
  const list = $('jobs');
  const errorBox = $('list-error');
  list.replaceChildren();
  errorBox.replaceChildren();
  const result = await client().listProjectJobs(MAIN_PROJECT_ID, { limit: 100 });
  if (!result.ok) {
    errorBox.append(renderError(result.error));
    return;
  }
  for (const job of result.data) {
    const row = renderJobRow(job);
    row.addEventListener('click', () => void showJob(job.id));
    list.append(row);
  }
}

async function showJob(jobId: string): Promise<void> {
  const details = $('details');
  const result = await client().getJob(jobId);
  details.replaceChildren(result.ok ? renderJobDetails(result.data) : renderError(result.error));
}

async function runLiveJob(): Promise<Job | undefined> {
  const state = $('live-state');
  const log = $('live-log');
  log.replaceChildren();
  const started = api.startLiveJob({ type: 'instance.create' });
  if (!started.ok) {
    state.textContent = `could not start a live job: ${started.error}`;
    return undefined;
  }
  const jobId = started.value.id;
  state.dataset['jobId'] = jobId;
  state.replaceChildren(`${jobId}: `, badge(started.value.state));
  // The mock's clock is frozen: each poll's wait moves it forward, so minutes of job time pass in a second.
  const result = await waitForJob(createJobsClient({ baseUrl: location.origin, token: README_API_KEY }), jobId, {
    now: () => api.clock.now().getTime(),
    sleep: async (ms) => {
      api.clock.advance(ms);
      await new Promise((resolve) => setTimeout(resolve, 50));
    },
    onProgress: ({ job, attempt, elapsedMs }) => {
      const line = document.createElement('li');
      line.textContent = `attempt ${attempt}, ${Math.round(elapsedMs / 1000)} s: ${job.state} (attempts ${job.attempts}/${job.max_attempts})`;
      log.append(line);
      state.replaceChildren(`${jobId}: `, badge(job.state));
    },
  });
  const last = result.ok ? result.job : 'job' in result.error ? result.error.job : undefined;
  state.dataset['terminal'] = last?.state ?? 'unknown';
  if (!result.ok) state.append(` — ${result.error.message}`);
  return last;
}

async function start(): Promise<void> {
  await worker.start({ onUnhandledRequest: 'error', quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
  $('project-id').textContent = MAIN_PROJECT_ID;
  $('reload').addEventListener('click', () => void loadJobs());
  $('no-token').addEventListener('change', () => void loadJobs());
  $('unknown-job').addEventListener('click', () => void showJob('job_0000000000000000000000'));
  $('start-live').addEventListener('click', () => void runLiveJob());
  await loadJobs();
  $('status').textContent = 'mock service worker running — every API call below is answered in the browser';
  $('status').dataset['ready'] = 'true';
}

const ready = start();
ready.catch((error: unknown) => {
  $('status').textContent = `the mock did not start: ${error instanceof Error ? error.message : String(error)}`;
});
window.__demo = { api, ready, runLiveJob };
