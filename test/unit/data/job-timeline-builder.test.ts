import { describe, expect, it } from 'vitest';
import { JOB_TYPE_PROFILES, createDataset, seedKey, type PlannedState, type ProjectPlan } from '../../../src/data/index.js';
import { buildJobTimeline } from '../../../src/data/job-timeline-builder.js';
import { weightedTable } from '../../../src/data/prng.js';
import { clusterHosts } from '../../../src/data/workers.js';
import { checkJobInvariants, instantOf, jobAtTime, nextChangeAt } from '../../../src/domain/index.js';

const type = (name: string) => JOB_TYPE_PROFILES.find((t) => t.type === name)!;
const planWith = (reserved: ReadonlyMap<number, PlannedState>): ProjectPlan => ({
  index: 0,
  id: 'prj_k3v9q2m7x4t8w1z6b5n0',
  organizationId: 'org_2xk9m4q7w1t8z5b3n6v0',
  clusterId: 'cls_h4t8w2z6b1n5q9m3x7k0',
  previewIds: ['pvw_q7x2m9k4t1w8z3b6n5v0'],
  hosts: clusterHosts('cls_h4t8w2z6b1n5q9m3x7k0'),
  types: weightedTable(JOB_TYPE_PROFILES.filter((t) => t.weight > 0).map((t) => [t, t.weight] as const)),
  longType: type('project.relocate'),
  quickType: type('instance.wake'),
  gapUs: 1200 * 1_000_000,
  reserved,
});
const NOW = instantOf(new Date('2026-06-18T09:15:00Z'));
const reached = (planned: PlannedState, state: string, attempts: number): boolean =>
  planned === 'retrying' ? state === 'pending' && attempts >= 1 : planned === 'pending' ? state === 'pending' && attempts === 0 : state === planned;

describe('buildJobTimeline', () => {
  const STATES: readonly PlannedState[] = ['pending', 'retrying', 'running', 'completed', 'failed'];
  const table = STATES.flatMap((state) => [0, 1, 2, 3, 24, 5000].map((index) => [state, index] as const));

  it.each(table)('puts a job planned %s at index %i in that state at now', (state, index) => {
    for (const seed of [42, 1, 7, 99, 2026]) {
      const { timeline, planned } = buildJobTimeline(planWith(new Map([[index, state]])), seedKey(seed), index, NOW, 'job_qmjdr4btxhh9za5fwpm4vs');
      expect(planned).toBe(state);
      const job = jobAtTime(timeline, NOW);
      expect(reached(state, job.state, job.attempts)).toBe(true);
      expect(checkJobInvariants(job)).toEqual([]);
    }
  });

  it('plans unreserved young jobs as they come and older ones as ended', () => {
    const plan = planWith(new Map());
    const seen = new Set<PlannedState>();
    for (let seed = 0; seed < 200; seed++) {
      for (const index of [0, 1, 2, 3, 40]) {
        const { timeline, planned } = buildJobTimeline(plan, seedKey(seed), index, NOW, 'job_qmjdr4btxhh9za5fwpm4vs');
        const job = jobAtTime(timeline, NOW);
        expect(reached(planned, job.state, job.attempts)).toBe(true);
        if (index >= 3) expect(['completed', 'failed']).toContain(planned);
        seen.add(planned);
      }
    }
    expect([...seen].sort()).toEqual([...STATES].sort());
  });

  it('lets young dataset jobs move on with the clock until they end', () => {
    const d = createDataset();
    const nowUs = instantOf(d.now);
    for (const project of d.projects) {
      for (let index = 0; index < Math.min(project.jobCount, 3); index++) {
        const timeline = d.timelineAt(project, index);
        expect(jobAtTime(timeline, nowUs)).toEqual(d.jobAt(project, index));
        let last = jobAtTime(timeline, nowUs);
        for (let t: number | undefined = nowUs; t !== undefined; t = nextChangeAt(timeline, t)) {
          last = jobAtTime(timeline, t);
          expect(checkJobInvariants(last)).toEqual([]);
        }
        expect(['completed', 'failed']).toContain(last.state);
      }
    }
  });
});
