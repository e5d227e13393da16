import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HUGE_PROJECT_ID, MAIN_PROJECT_ID, createDataset, createJobIdCodec } from '../../../src/data/index.js';

const codec = createJobIdCodec(42);
const address = fc.record({ projectIndex: fc.integer({ min: 0, max: 2 ** 31 - 1 }), index: fc.integer({ min: 0, max: 2 ** 31 - 1 }) });
const ID = /^job_[0-9a-z]{22}$/;

describe('job ids', () => {
  it('round-trip any (project, index)', () => {
    fc.assert(
      fc.property(address, fc.integer(), ({ projectIndex, index }, seed) => {
        const keyed = createJobIdCodec(seed);
        const id = keyed.encode(projectIndex, index);
        expect(id).toMatch(ID);
        expect(keyed.decode(id)).toEqual({ projectIndex, index });
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trip through the dataset for random jobs', () => {
    const d = createDataset();
    fc.assert(
      fc.property(fc.constantFrom(0, 1, 3, 4), fc.nat(), (p, n) => {
        const project = d.projects[p]!;
        const job = d.jobAt(project, n % project.jobCount);
        expect(d.findJob(job.id)).toEqual(job);
        expect(d.locateJob(job.id)).toEqual({ project, index: n % project.jobCount });
      }),
      { numRuns: 300 },
    );
  });

  it('look opaque: consecutive jobs share no visible pattern', () => {
    const ids = Array.from({ length: 200 }, (_, i) => codec.encode(0, i));
    expect(new Set(ids).size).toBe(200);
    expect(new Set(ids.map((id) => id.slice(4, 7))).size).toBeGreaterThan(150);
    expect(new Set(ids.map((id) => id.slice(-3))).size).toBeGreaterThan(150);
    expect([...ids].sort()).not.toEqual(ids);
  });

  it('reject random ids of the right shape', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^job_[0-9a-z]{22}$/), (id) => {
        expect(codec.decode(id)).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it('reject an id with any one character changed', () => {
    const id = codec.encode(1, 424_242);
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 25 }), fc.integer({ min: 1, max: 35 }), (position, shift) => {
        const digit = (parseInt(id[position]!, 36) + shift) % 36;
        const forged = id.slice(0, position) + digit.toString(36) + id.slice(position + 1);
        expect(codec.decode(forged)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['another seed', () => createJobIdCodec(43).encode(0, 0)],
    ['upper case', () => codec.encode(0, 0).toUpperCase()],
    ['a counter id', () => 'job_1'],
    ['a longer id', () => `${codec.encode(0, 0)}0`],
    ['a uuid', () => 'job_6f1c2d1e-8d4b-4a8e-9e53-0c6f1f5b2a11'],
    ['an empty string', () => ''],
  ])('reject %s', (_why, make) => {
    expect(codec.decode(make())).toBeUndefined();
    expect(createDataset().findJob(make())).toBeUndefined();
  });

  it('reject ids of jobs a project does not have', () => {
    const d = createDataset();
    const main = d.findProject(MAIN_PROJECT_ID)!;
    expect(d.findJob(codec.encode(main.index, main.jobCount))).toBeUndefined();
    expect(d.findJob(codec.encode(d.projects.length, 0))).toBeUndefined();
    expect(d.findJob(codec.encode(d.findProject(HUGE_PROJECT_ID)!.index, 999_999))).toBeDefined();
  });

  it('refuses to encode what cannot be an address', () => {
    expect(() => codec.encode(-1, 0)).toThrow(RangeError);
    expect(() => codec.encode(0, 2 ** 31)).toThrow(RangeError);
  });
});
