import { describe, expect, it } from 'vitest';
import type { Job } from '../../../src/api/types.js';
import { FAILURE_MODES, JOB_TYPE_DURATIONS, JOB_TYPE_PROFILES, createDataset, type JobFamily } from '../../../src/data/index.js';
import { formatGoDuration } from '../../../src/domain/index.js';
import { parseTimestamp } from '../../../src/domain/index.js';
import { KNOWN_JOB_TYPES } from './known-job-types.js';

/** A sample of every project: the head and a stretch of older history, for a few seeds. */
const sample: { readonly job: Job; readonly index: number; readonly project: ReturnType<typeof createDataset>['projects'][number] }[] = [];
for (const seed of [42, 7, 2026]) {
  const d = createDataset({ seed });
  for (const project of d.projects) {
    for (let index = 0; index < Math.min(project.jobCount, 400); index++) sample.push({ job: d.jobAt(project, index), index, project });
  }
}
const jobs = sample.map((s) => s.job);

describe('realistic jobs', () => {
  it('use only the real job types, never host-level ones in a project list', () => {
    for (const job of jobs) expect(KNOWN_JOB_TYPES).toContain(job.type);
    expect(jobs.filter((j) => j.type === 'host.health_probe')).toEqual([]);
    expect(new Set(jobs.map((j) => j.type)).size).toBeGreaterThan(30);
  });

  it('belong to their project, organization and cluster; preview jobs name a preview of theirs', () => {
    for (const { job, project } of sample) {
      expect([job.project_id, job.organization_id, job.cluster_id]).toEqual([project.id, project.organizationId, project.clusterId]);
      if (job.preview_database_id != null) expect(project.previewDatabases.map((p) => p.id)).toContain(job.preview_database_id);
    }
    expect(jobs.filter((j) => j.type === 'branch.create').every((j) => j.preview_database_id != null)).toBe(true);
  });

  it('lock their preview or project while running', () => {
    const running = jobs.filter((j) => j.state === 'running');
    expect(running.length).toBeGreaterThan(0);
    for (const job of running) {
      expect(job.locked_resource).toBe(job.preview_database_id != null ? `preview:${job.preview_database_id}` : `project:${job.project_id}`);
    }
  });

  it('print Go-style microsecond UTC timestamps and omit empty fields', () => {
    for (const job of jobs) {
      for (const field of ['claimed_at', 'started_at', 'completed_at', 'created_at', 'updated_at'] as const) {
        const value = job[field];
        if (value !== undefined) expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
      }
      for (const value of Object.values(job)) expect(value === null || value === '').toBe(false);
    }
  });

  it('are claimed by worker hosts (invented format worker-<host>-<pid>)', () => {
    for (const job of jobs) if (job.claimed_by !== undefined) expect(job.claimed_by).toMatch(/^worker-capydb-db\d+-\d{4,5}$/);
  });

  it('fail mostly on the last attempt or permanently on the first, with real-looking output', () => {
    const failed = jobs.filter((j) => j.state === 'failed');
    expect(failed.length).toBeGreaterThan(50);
    const typical = failed.filter((j) => j.attempts === j.max_attempts || (j.retry_classification === 'permanent' && j.attempts === 1));
    expect(typical.length / failed.length).toBeGreaterThan(0.7);
    const codes = new Set(failed.map((j) => j.last_exit_code));
    for (const code of [1, 124, 137]) expect(codes).toContain(code);
    expect(failed.some((j) => j.last_stderr?.startsWith('pg_restore: error:'))).toBe(true);
    expect(failed.some((j) => j.last_stderr?.includes('psql: error: connection to server'))).toBe(true);
    expect(failed.every((j) => j.retry_classification === 'transient' || j.retry_classification === 'permanent')).toBe(true);
  });

  it('sometimes show a retry waiting in pending with the last error', () => {
    const retrying = jobs.filter((j) => j.state === 'pending' && j.attempts >= 1);
    expect(retrying.length).toBeGreaterThan(0);
    for (const job of retrying) expect(job).toMatchObject({ retry_classification: 'transient', error: expect.any(String) });
  });

  it('are young when pending or running, and older jobs have ended', () => {
    for (const { job, index } of sample) if (index >= 3) expect(['completed', 'failed']).toContain(job.state);
  });

  it('run as long as their type takes (single successful attempts of older jobs)', () => {
    let checked = 0;
    for (const { job, index } of sample) {
      if (index < 3 || job.state !== 'completed' || job.attempts !== 1) continue;
      const d = JOB_TYPE_DURATIONS[job.type]!;
      const seconds = ((parseTimestamp(job.completed_at!) ?? 0) - (parseTimestamp(job.started_at!) ?? 0)) / 1e6;
      expect(seconds).toBeGreaterThanOrEqual(d.minSeconds);
      expect(seconds).toBeLessThanOrEqual(d.maxSeconds);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(1000);
    expect(JOB_TYPE_DURATIONS['branch.create']).toMatchObject({ minSeconds: 12, maxSeconds: 14 });
    expect(JOB_TYPE_DURATIONS['instance.create']!.maxSeconds).toBeLessThan(300);
    expect(JOB_TYPE_DURATIONS['instance.sleep']!.maxSeconds).toBeLessThan(60);
    expect(JOB_TYPE_DURATIONS['project.restore']!.maxSeconds).toBeLessThanOrEqual(900);
  });

  it('contain no placeholder text', () => {
    // The prose fields only: random ids may spell anything.
    const text = jobs
      .flatMap((j) => [j.type, j.claimed_by, j.error, j.last_stdout, j.last_stderr, j.retry_classification])
      .filter((v) => v !== undefined)
      .join('\n')
      .toLowerCase();
    expect(text.length).toBeGreaterThan(10_000);
    for (const word of ['lorem', 'ipsum', 'foo', 'example.com', 'undefined', 'null', 'nan']) expect(text).not.toContain(word);
  });
});

describe('the tables behind them', () => {
  it('cover every type of the spec, each with a family and a sane duration', () => {
    expect(JOB_TYPE_PROFILES.map((t) => t.type).sort()).toEqual([...KNOWN_JOB_TYPES].sort());
    for (const t of JOB_TYPE_PROFILES) {
      expect(t.minSeconds).toBeLessThanOrEqual(t.maxSeconds);
      expect(t.maxSeconds).toBeLessThanOrEqual(t.timeoutSeconds);
    }
  });

  it('know a transient and a permanent failure for every family', () => {
    const families = new Set<JobFamily>(JOB_TYPE_PROFILES.map((t) => t.family));
    for (const family of families) {
      for (const classification of ['transient', 'permanent'] as const) {
        const quick = FAILURE_MODES.filter((m) => m.families.includes(family) && m.classification === classification && m.timing !== 'timeout');
        expect(quick.map((m) => m.id), `${family}/${classification}`).not.toEqual([]);
      }
    }
  });

  it.each([
    [900, '15m0s'],
    [300, '5m0s'],
    [45, '45s'],
    [5400, '1h30m0s'],
  ])('prints %i s as the Go duration %s', (seconds, text) => {
    expect(formatGoDuration(seconds * 1000)).toBe(text);
  });
});
