import { describe, expect, it } from 'vitest';
import { generateCases, type CaseUniverse } from '../../../src/conformance/generated-cases.js';
import { expectedOutcome } from '../../../src/conformance/index.js';

const full: CaseUniverse = {
  token: 'capy_live_secret',
  projectId: 'prj_own',
  knownJobIds: ['job_a', 'job_b'],
  hasScopedToken: true,
  hasNoJobsReadToken: true,
  scopedProjectId: 'prj_scoped',
  scopedJobIds: ['job_s'],
  siblingProjectId: 'prj_sibling',
  siblingJobIds: ['job_sib'],
  foreignProjectId: 'prj_foreign',
  foreignJobId: 'job_foreign',
};
const bare: CaseUniverse = { token: 'capy_live_secret', projectId: 'prj_own', knownJobIds: [], hasScopedToken: false, hasNoJobsReadToken: false, scopedJobIds: [] };

describe('generateCases', () => {
  it('is deterministic per seed', () => {
    expect(generateCases(full, 3, 50)).toEqual(generateCases(full, 3, 50));
    expect(generateCases(full, 3, 50)).not.toEqual(generateCases(full, 4, 50));
  });

  it.each([[0], [1], [150]])('draws exactly %i cases', (n) => expect(generateCases(full, 1, n)).toHaveLength(n));

  it('reaches every row of the precedence table when every credential is given', () => {
    const rules = new Set(generateCases(full, 1, 300).map((c) => expectedOutcome(c).rule));
    expect([...rules].sort()).toEqual(['200-ok', '400-invalid-limit', '401-unauthorized', '403-missing-scope', '403-sibling-project', '404-not-found']);
  });

  it('never points the scoped credential at the main project, whose relation to it is unknown', () => {
    const scoped = generateCases(full, 5, 300).filter((c) => c.credential === 'scoped');
    expect(scoped.length).toBeGreaterThan(0);
    expect(scoped.some((c) => c.target === 'own')).toBe(false);
    expect(new Set(scoped.map((c) => c.target))).toEqual(new Set(['unknown', 'weird', 'foreign', 'scoped-own', 'sibling']));
  });

  it('uses only what it was given', () => {
    const cases = generateCases(bare, 1, 300);
    const credentials = new Set(cases.map((c) => c.credential));
    expect(credentials.has('scoped')).toBe(false);
    expect(credentials.has('no-jobs-read')).toBe(false);
    expect(cases.some((c) => c.target === 'foreign' || c.target === 'scoped-own' || c.target === 'sibling')).toBe(false);
    expect(cases.some((c) => c.op === 'get' && c.target === 'own')).toBe(false);
  });

  it('keeps ids within the spec (1 to 64 characters, no slash, no dot segment)', () => {
    for (const c of generateCases(full, 9, 400)) {
      expect([...c.id].length).toBeGreaterThanOrEqual(1);
      expect([...c.id].length).toBeLessThanOrEqual(64);
      expect(c.id).not.toContain('/');
      expect(c.id).not.toMatch(/^\.+$/);
    }
  });

  it('sends limits only on lists, and both valid and invalid ones', () => {
    const cases = generateCases(full, 2, 300);
    expect(cases.filter((c) => c.op === 'get').every((c) => c.limit === undefined)).toBe(true);
    const lists = cases.filter((c) => c.op === 'list');
    expect(lists.some((c) => c.limit === undefined)).toBe(true);
    expect(lists.some((c) => expectedOutcome({ ...c, credential: 'valid' }).rule === '400-invalid-limit')).toBe(true);
    expect(lists.some((c) => c.limit !== undefined && expectedOutcome({ ...c, credential: 'valid', target: 'own' }).rule === '200-ok')).toBe(true);
  });
});
