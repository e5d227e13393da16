import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JOB_STATES } from '../../../src/api/types.js';
import { DEFAULT_NOW, DEFAULT_SEED, MAIN_PROJECT_ID, SIBLING_PROJECT_ID, createDataset } from '../../../src/data/index.js';

const firstPageStates = (seed: number, now: Date, projectId = MAIN_PROJECT_ID): string[] => {
  const d = createDataset({ seed, now });
  const project = d.findProject(projectId);
  if (!project) throw new Error(`no project ${projectId}`);
  return [...new Set(d.listJobs(project, 25).map((j) => j.state))].sort();
};

describe('the first page of the main project shows every state', () => {
  it.each([DEFAULT_NOW, new Date('2026-01-01T00:00:00Z'), new Date('2031-12-31T23:59:59.999Z'), new Date('2024-02-29T12:00:00.001Z')])(
    'with the default seed at %s',
    (now) => {
      expect(firstPageStates(DEFAULT_SEED, now)).toEqual([...JOB_STATES].sort());
    },
  );

  it('with the default seed at any now', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(firstPageStates(DEFAULT_SEED, new Date(ms))).toEqual([...JOB_STATES].sort());
      }),
      { numRuns: 50 },
    );
  });

  it('with any seed (the states are reserved, not lucky)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(firstPageStates(seed, DEFAULT_NOW)).toEqual([...JOB_STATES].sort());
      }),
      { numRuns: 100 },
    );
  });

  it('is newest first with the young jobs on top', () => {
    const d = createDataset();
    const jobs = d.listJobs(d.findProject(MAIN_PROJECT_ID)!, 25);
    expect(jobs[0]?.state).toBe('pending');
    expect(jobs[1]?.state).toBe('running');
    const firstEnded = jobs.findIndex((j) => j.state === 'completed' || j.state === 'failed');
    expect(jobs.slice(firstEnded + 1).every((j) => j.state === 'completed' || j.state === 'failed')).toBe(true);
  });

  it('other projects are not forced to show every state', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 40; seed++) seen.add(firstPageStates(seed, DEFAULT_NOW, SIBLING_PROJECT_ID).join(','));
    expect(seen.size).toBeGreaterThan(1);
  });
});
