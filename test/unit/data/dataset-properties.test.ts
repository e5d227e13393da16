import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JOB_STATES, type Job } from '../../../src/api/types.js';
import { createDataset, type Dataset } from '../../../src/data/index.js';
import { checkJobInvariants, jobAtTime } from '../../../src/domain/index.js';
import { createOpenApiValidator } from '../../../src/spec/openapi-validator.js';

const spec = createOpenApiValidator();
const datasets = new Map<string, Dataset>();
const datasetFor = (seed: number, nowMs: number): Dataset => {
  const key = `${seed}@${nowMs}`;
  let d = datasets.get(key);
  if (!d) {
    d = createDataset({ seed, now: new Date(nowMs) });
    datasets.set(key, d);
  }
  return d;
};

/** Seeds, projects, indices (biased towards the young head of each list) and reference times. */
const jobArb = fc.record({
  seed: fc.oneof(fc.constant(42), fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.maxSafeInteger()),
  // Every project with jobs (index 2 is the empty sandbox).
  project: fc.constantFrom(0, 1, 3, 4),
  index: fc.oneof(fc.nat(5), fc.nat(40), fc.nat(999_999)),
  nowMs: fc.oneof(fc.constant(Date.UTC(2026, 5, 18, 9, 15)), fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) })),
});

describe('every generated job (fast-check, 12,000 jobs)', () => {
  it('matches the spec schema, breaks no invariant, and every state shows up', () => {
    const states = new Set<string>();
    let checked = 0;
    fc.assert(
      fc.property(jobArb, ({ seed, project, index, nowMs }) => {
        const d = datasetFor(seed % 50, nowMs);
        const p = d.projects[project];
        if (!p || p.jobCount === 0) return;
        const job: Job = d.jobAt(p, index % p.jobCount);
        const schema = spec.validateSchema('Job', job);
        expect(schema.ok ? [] : schema.violations).toEqual([]);
        expect(checkJobInvariants(job)).toEqual([]);
        states.add(job.state);
        checked += 1;
      }),
      { numRuns: 12_000 },
    );
    expect(checked).toBeGreaterThanOrEqual(10_000);
    expect([...states].sort()).toEqual([...JOB_STATES].sort());
  });

  it('stays valid when its timeline is replayed at any later time (live jobs)', () => {
    fc.assert(
      fc.property(jobArb, fc.nat(6 * 3600 * 1_000_000), ({ seed, project, index, nowMs }, later) => {
        const d = datasetFor(seed % 50, nowMs);
        const p = d.projects[project];
        if (!p || p.jobCount === 0) return;
        const timeline = d.timelineAt(p, index % Math.min(p.jobCount, 3));
        const job = jobAtTime(timeline, nowMs * 1000 + later);
        expect(checkJobInvariants(job)).toEqual([]);
        expect(spec.validateSchema('Job', job).ok).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
