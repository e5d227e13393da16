import { describe, expect, it } from 'vitest';
import { EMPTY_PROJECT_ID, HUGE_PROJECT_ID, JOB_CACHE_SIZE, MAIN_PROJECT_ID, createDataset } from '../../../src/data/index.js';
import { parseTimestamp } from '../../../src/domain/index.js';

const setup = () => {
  const d = createDataset();
  const huge = d.findProject(HUGE_PROJECT_ID);
  if (!huge) throw new Error('no huge project');
  return { d, huge };
};

describe('jobs cost nothing until asked for', () => {
  it('creates a dataset with a 1,000,000-job project without generating a job', () => {
    const { d, huge } = setup();
    expect(huge.jobCount).toBe(1_000_000);
    expect(d.stats.generated).toBe(0);
  });

  it.each([1, 25, 100])('lists %i jobs of the huge project with at most that many generations', (limit) => {
    const { d, huge } = setup();
    const jobs = d.listJobs(huge, limit);
    expect(jobs).toHaveLength(limit);
    expect(d.stats.generated).toBeLessThanOrEqual(limit);
  });

  it('gets one job by id with exactly one generation, and none when asked again', () => {
    const { d, huge } = setup();
    const id = setup().d.jobAt(huge, 765_432).id; // from another instance: d has generated nothing
    expect(d.findJob(id)?.id).toBe(id);
    expect(d.stats.generated).toBe(1);
    expect(d.findJob(id)).toBe(d.findJob(id));
    expect(d.stats.generated).toBe(1);
  });

  it('keeps a bounded cache: a job pushed out is generated again, identical', () => {
    const { d, huge } = setup();
    const first = JSON.stringify(d.jobAt(huge, 0));
    for (let i = 1; i <= JOB_CACHE_SIZE; i += 1) d.jobAt(huge, i);
    expect(d.stats.generated).toBe(JOB_CACHE_SIZE + 1);
    expect(JSON.stringify(d.jobAt(huge, 0))).toBe(first);
    expect(d.stats.generated).toBe(JOB_CACHE_SIZE + 2);
  });

  it('hands out frozen jobs, so no caller can change what others will read', () => {
    const { d, huge } = setup();
    expect(Object.isFrozen(d.jobAt(huge, 3))).toBe(true);
  });

  it('spends no generation on an id that is not ours', () => {
    const { d } = setup();
    expect(d.findJob('job_zzzzzzzzzzzzzzzzzzzzzz')).toBeUndefined();
    expect(d.locateJob('job_1')).toBeUndefined();
    expect(d.stats.generated).toBe(0);
  });

  it('lists newest first: created_at strictly decreases down the list', () => {
    const { d, huge } = setup();
    for (const project of [huge, d.findProject(MAIN_PROJECT_ID)!]) {
      const created = d.listJobs(project, 100).map((j) => parseTimestamp(j.created_at) ?? Number.NaN);
      for (let i = 1; i < created.length; i++) expect(created[i]).toBeLessThan(created[i - 1] ?? 0);
    }
    // Far down the huge list too: consecutive jobs, strictly older.
    for (const i of [999_998, 500_000, 3, 2]) {
      expect(parseTimestamp(d.jobAt(huge, i + 1).created_at)).toBeLessThan(parseTimestamp(d.jobAt(huge, i).created_at) ?? 0);
    }
  });

  it('lists no more jobs than a project has', () => {
    const { d } = setup();
    expect(d.listJobs(d.findProject(EMPTY_PROJECT_ID)!, 25)).toEqual([]);
    expect(d.listJobs(d.findProject(MAIN_PROJECT_ID)!, 1000)).toHaveLength(240);
    expect(d.listJobs(d.findProject(MAIN_PROJECT_ID)!, 0)).toEqual([]);
  });

  it.each([-1, 1_000_000, 1.5, Number.NaN])('refuses job index %s of the huge project', (index) => {
    const { d, huge } = setup();
    expect(() => d.jobAt(huge, index)).toThrow(RangeError);
  });

  it('refuses a negative limit and a project of another dataset', () => {
    const { d, huge } = setup();
    expect(() => d.listJobs(huge, -1)).toThrow(RangeError);
    expect(() => d.jobAt({ ...huge, id: 'prj_not_ours' }, 0)).toThrow(TypeError);
  });

  it('accepts a copy of a project with another job count (scenarios)', () => {
    const { d, huge } = setup();
    const small = { ...huge, jobCount: 3 };
    expect(d.listJobs(small, 25).map((j) => j.id)).toEqual(d.listJobs(huge, 3).map((j) => j.id));
    expect(() => d.jobAt(small, 3)).toThrow(RangeError);
  });
});
