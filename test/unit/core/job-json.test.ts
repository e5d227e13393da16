import { describe, expect, it } from 'vitest';
import { getBody, listBody } from '../../../src/core/index.js';
import { MAIN_PROJECT_ID, createDataset } from '../../../src/data/index.js';
import type { Job } from '../../../src/api/types.js';

const dataset = createDataset();
const main = dataset.findProject(MAIN_PROJECT_ID);
if (!main) throw new Error('no main project');
const jobs = dataset.listJobs(main, 100);

describe('job JSON bodies', () => {
  it.each([0, 1, 25, 100])('list of %i jobs is JSON.stringify({ jobs }) byte for byte', (n) => {
    const page = jobs.slice(0, n);
    expect(listBody(page)).toBe(JSON.stringify({ jobs: page }));
    expect(listBody(page)).toBe(JSON.stringify({ jobs: page })); // again, from the kept JSON
  });

  it('a get is JSON.stringify({ job }) for frozen, unfrozen and null-carrying jobs', () => {
    const frozen = jobs[3] as Job;
    const copy: Job = { ...frozen, state: 'failed', error: 'disk full', last_stderr: null };
    expect(getBody(frozen)).toBe(JSON.stringify({ job: frozen }));
    expect(getBody(copy)).toBe(JSON.stringify({ job: copy }));
    expect(JSON.parse(getBody(copy)).job.last_stderr).toBeNull();
  });

  it('never serves stale JSON for an unfrozen job that changed', () => {
    const live: { -readonly [K in keyof Job]: Job[K] } = { ...(jobs[0] as Job) };
    const before = getBody(live);
    live.state = 'running';
    expect(getBody(live)).not.toBe(before);
    expect(JSON.parse(getBody(live)).job.state).toBe('running');
  });
});
