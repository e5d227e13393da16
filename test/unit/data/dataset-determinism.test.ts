import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../src/api/types.js';
import { DEFAULT_NOW, createDataset, type Dataset } from '../../../src/data/index.js';
import { parseTimestamp } from '../../../src/domain/index.js';

type Ask = { readonly kind: 'list'; readonly project: number; readonly limit: number } | { readonly kind: 'get'; readonly project: number; readonly index: number };

const ASKS: readonly Ask[] = [
  { kind: 'list', project: 0, limit: 25 },
  { kind: 'list', project: 1, limit: 100 },
  { kind: 'list', project: 3, limit: 10 },
  { kind: 'list', project: 4, limit: 31 },
  { kind: 'get', project: 0, index: 239 },
  { kind: 'get', project: 1, index: 999_999 },
  { kind: 'get', project: 1, index: 123_456 },
  { kind: 'get', project: 3, index: 56 },
];

/** Every job the asks touch, as JSON by id, asked in the given order (by index or by id). */
function answer(d: Dataset, order: readonly Ask[], byId: boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (const ask of order) {
    const project = d.projects[ask.project];
    if (!project) throw new Error('no such project');
    const jobs: Job[] = ask.kind === 'list' ? d.listJobs(project, ask.limit) : [d.jobAt(project, ask.index)];
    for (const job of jobs) {
      const again = byId ? d.findJob(job.id) : job;
      out.set(job.id, JSON.stringify(again));
    }
  }
  return out;
}

const sorted = (m: Map<string, string>): [string, string][] => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
const TIMESTAMPS = ['claimed_at', 'started_at', 'completed_at', 'created_at', 'updated_at'] as const;

describe('determinism', () => {
  const baseline = sorted(answer(createDataset(), ASKS, false));

  it('gives byte-identical JSON whatever the order of asking, and through ids', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...ASKS], { minLength: ASKS.length }), fc.boolean(), (order, byId) => {
        // A fresh dataset per order, and one reused across orders: neither may matter.
        expect(sorted(answer(createDataset(), order, byId))).toEqual(baseline);
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same jobs from a dataset that has already served others', () => {
    const warm = createDataset();
    answer(warm, [...ASKS].reverse(), true);
    expect(sorted(answer(warm, ASKS, false))).toEqual(baseline);
  });

  it('gives other data for another seed (ids and contents)', () => {
    const other = sorted(answer(createDataset({ seed: 43 }), ASKS, false));
    const ids = new Set(baseline.map(([id]) => id));
    expect(other.filter(([id]) => ids.has(id))).toEqual([]);
    const types = (rows: [string, string][]) => rows.map(([, json]) => (JSON.parse(json) as Job).type).join();
    expect(types(other)).not.toBe(types(baseline));
  });

  it('shifts every timestamp, and nothing else, for another now', () => {
    const shiftMs = 86_400_000 * 37 + 4_321;
    const a = createDataset();
    const b = createDataset({ now: new Date(DEFAULT_NOW.getTime() + shiftMs) });
    for (const project of a.projects) {
      const moved = b.listJobs(b.projects[project.index]!, 40);
      a.listJobs(project, 40).forEach((job, i) => {
        const other = moved[i] as Job;
        for (const field of TIMESTAMPS) {
          const t = job[field];
          const u = other[field];
          if (t == null || u == null) expect(u).toBe(t);
          else expect((parseTimestamp(u) ?? 0) - (parseTimestamp(t) ?? 0)).toBe(shiftMs * 1000);
        }
        const rest = (j: Job) => JSON.stringify({ ...j, claimed_at: 0, started_at: 0, completed_at: 0, created_at: 0, updated_at: 0 });
        expect(rest(other)).toBe(rest(job));
      });
    }
  });

  it('keeps now and the seed it was given', () => {
    const now = new Date('2030-05-05T05:05:05.505Z');
    const d = createDataset({ seed: 7, now });
    now.setTime(0);
    expect([d.seed, d.now.toISOString()]).toEqual([7, '2030-05-05T05:05:05.505Z']);
  });

  it.each([[{ seed: 1.5 }], [{ seed: Number.NaN }], [{ now: new Date('nope') }]])('refuses bad options %j', (options) => {
    expect(() => createDataset(options)).toThrow();
  });
});
