import type { Job, JobsClientError } from '../../src/client/index.js';

/** A list row: state badge, id and type; `data-*` attributes let tests read it. */
export function renderJobRow(job: Job): HTMLLIElement {
  const li = document.createElement('li');
  li.dataset['jobId'] = job.id;
  li.dataset['state'] = job.state;
  li.append(badge(job.state), `${job.id} · ${job.type}`);
  return li;
}

/** Every field of a job, in the spec's order, `null` shown as such. */
export function renderJobDetails(job: Job): HTMLElement {
  const dl = document.createElement('dl');
  dl.dataset['jobId'] = job.id;
  for (const [key, value] of Object.entries(job)) {
    const dt = document.createElement('dt');
    dt.textContent = key;
    const dd = document.createElement('dd');
    dd.dataset['field'] = key;
    dd.textContent = value === null ? 'null' : String(value);
    dl.append(dt, dd);
  }
  return dl;
}

/** A readable sentence for a failed call, with the HTTP status when there is one. */
export function describeError(error: JobsClientError): string {
  switch (error.kind) {
    case 'http': {
      const hint = HINTS[error.status] ?? 'the request was refused';
      return `HTTP ${error.status}: ${hint} (server said: "${error.body?.error ?? error.text}")`;
    }
    case 'network':
      return `Network error: ${error.message}`;
    case 'decode':
      return `Unexpected answer (HTTP ${error.status}): ${error.message}`;
  }
}

/** An error box whose `data-status` carries the HTTP status. */
export function renderError(error: JobsClientError): HTMLElement {
  const p = document.createElement('p');
  p.className = 'error';
  p.dataset['status'] = String(error.kind === 'network' ? 0 : error.status);
  p.textContent = describeError(error);
  return p;
}

export function badge(state: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = `badge ${state}`;
  span.textContent = state;
  return span;
}

const HINTS: Readonly<Record<number, string>> = {
  400: 'the request is invalid',
  401: 'not signed in — send an API key or a session token',
  403: 'this credential may not see that',
  404: 'no such job or project (or it belongs to another organization)',
  429: 'rate limited — slow down',
};
