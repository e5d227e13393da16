import type { Job, JobState } from '../../../src/api/types.js';

/** A job as the spec shapes it, in the given state. */
export function makeJob(state: JobState, overrides: Partial<Job> = {}): Job {
  return {
    id: 'job_7f3k9q2m4x8t1w6z5b0n3c',
    type: 'instance.create',
    state,
    attempts: state === 'pending' ? 0 : 1,
    max_attempts: 3,
    organization_id: 'org_m2p8x5k1q9w3t7z4b6v0',
    project_id: 'prj_k3v9q2m7x4t8w1z6b5n0',
    created_at: '2026-06-18T09:12:33.481923Z',
    updated_at: '2026-06-18T09:12:33.481923Z',
    ...(state === 'failed' ? { error: 'disk full', last_exit_code: 1 } : {}),
    ...overrides,
  };
}

/** A canned answer of the fake fetch: a response, or a thrown network error. */
export type Scripted = { status: number; body?: unknown; text?: string; headers?: Record<string, string> } | { networkError: string };

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Scripted => ({ status, body, headers });
export const jobAnswer = (state: JobState, overrides: Partial<Job> = {}): Scripted => json(200, { job: makeJob(state, overrides) });
export const html502: Scripted = { status: 502, text: '<html><body><h1>502 Bad Gateway</h1></body></html>', headers: { 'content-type': 'text/html' } };

/** A fetch that answers from a script, in order, and records every request. Running past the script is a test bug. */
export function scriptedFetch(script: readonly Scripted[]): { fetch: (request: Request) => Promise<Response>; requests: Request[] } {
  const requests: Request[] = [];
  let next = 0;
  const fetch = async (request: Request): Promise<Response> => {
    requests.push(request);
    const answer = script[next++];
    if (!answer) throw new Error(`fake fetch: no scripted answer for request #${next} ${request.url}`);
    if ('networkError' in answer) throw new TypeError(answer.networkError);
    const text = answer.text ?? JSON.stringify(answer.body);
    return new Response(text, { status: answer.status, headers: { 'content-type': 'application/json', ...answer.headers } });
  };
  return { fetch, requests };
}
