import { describe, expect, it } from 'vitest';
import { ClockError, createClock, createRequestJournal, parseLimit, parsePrefer, routeRequest } from '../../../src/core/index.js';

describe('parseLimit', () => {
  it.each([
    [[], 25],
    [['1'], 1],
    [['25'], 25],
    [['100'], 100],
  ])('%j gives %i', (values, expected) => {
    expect(parseLimit(values)).toEqual({ ok: true, value: expected });
  });
  it.each([[['0']], [['101']], [['-1']], [['1.5']], [['abc']], [['']], [['1e2']], [[' 5']], [['0005']], [['10', '20']]])('%j is refused', (values) => {
    expect(parseLimit(values)).toEqual({ ok: false });
  });
});

describe('routeRequest', () => {
  it('routes the two operations, decoding their ids', () => {
    expect(routeRequest('/v1/projects/prj_a/jobs')).toEqual({ operation: 'listProjectJobs', projectId: 'prj_a' });
    expect(routeRequest('/v1/jobs/job%5Fx')).toEqual({ operation: 'getJob', jobId: 'job_x' });
  });
  it.each(['/v1/jobs', '/v1/jobs/', '/v1/jobs/a/b', '/v1/projects//jobs', '/v2/jobs/job_x', '/v1/jobs/%zz', '/'])('%s is no route', (path) => {
    expect(routeRequest(path)).toBeUndefined();
  });
});

describe('parsePrefer', () => {
  it('reads names, values and parameters; the first of a name wins', () => {
    const prefs = parsePrefer('scenario="retrying", fault=latency; ms=250, scenario=other, respond-async');
    expect(prefs.get('scenario')).toEqual({ value: 'retrying', params: {} });
    expect(prefs.get('fault')).toEqual({ value: 'latency', params: { ms: '250' } });
    expect(prefs.get('respond-async')).toEqual({ value: '', params: {} });
  });
  it('reads nothing from no header', () => {
    expect(parsePrefer(undefined).size).toBe(0);
  });
});

describe('createClock', () => {
  const start = new Date('2026-06-18T09:15:00.000Z');

  it('runs at its speed, and stands still when frozen', () => {
    let real = 1_000;
    const clock = createClock({ start, speed: 60, realNow: () => real });
    real += 1_000;
    expect(clock.now().toISOString()).toBe('2026-06-18T09:16:00.000Z');
    clock.freeze();
    real += 5_000;
    expect(clock.now().toISOString()).toBe('2026-06-18T09:16:00.000Z');
    clock.advance(30_000);
    expect(clock.now().toISOString()).toBe('2026-06-18T09:16:30.000Z');
    clock.resume();
    clock.setSpeed(1);
    real += 2_000;
    expect(clock.now().toISOString()).toBe('2026-06-18T09:16:32.000Z');
    clock.set(start);
    expect(clock.now()).toEqual(start);
  });

  it.each([
    ['a negative advance', (c: ReturnType<typeof createClock>) => c.advance(-1)],
    ['a zero speed', (c: ReturnType<typeof createClock>) => c.setSpeed(0)],
    ['an absurd speed', (c: ReturnType<typeof createClock>) => c.setSpeed(1e9)],
    ['an invalid date', (c: ReturnType<typeof createClock>) => c.set(new Date('nope'))],
  ])('refuses %s', (_, misuse) => {
    const clock = createClock({ start, frozen: true });
    expect(() => misuse(clock)).toThrow(ClockError);
    expect(clock.now()).toEqual(start);
  });
});

describe('createRequestJournal', () => {
  const entry = (path: string) => ({ at: '2026-06-18T09:15:00.000Z', method: 'GET', path, credential: 'org-key', status: 200, latencyMs: 0.1 });

  it('keeps the newest entries first, numbered', () => {
    const journal = createRequestJournal(10);
    journal.record(entry('/a'));
    journal.record(entry('/b'));
    expect(journal.entries().map((e) => [e.seq, e.path])).toEqual([[2, '/b'], [1, '/a']]);
    expect(journal.entries(1).map((e) => e.path)).toEqual(['/b']);
  });

  it('stays bounded however many requests come', () => {
    const journal = createRequestJournal(3);
    for (let i = 0; i < 10; i += 1) journal.record(entry(`/${i}`));
    expect(journal.entries().map((e) => e.path)).toEqual(['/9', '/8', '/7']);
    journal.clear();
    expect(journal.entries()).toEqual([]);
  });
});
