import { describe, expect, it } from 'vitest';
import { expectedOutcome, isValidLimit, toRequestPath, type RequestCase } from '../../../src/conformance/index.js';

const list = (over: Partial<RequestCase>): RequestCase => ({ op: 'list', credential: 'valid', target: 'own', id: 'prj_1', ...over });
const get = (over: Partial<RequestCase>): RequestCase => ({ op: 'get', credential: 'valid', target: 'own', id: 'job_1', ...over });

describe('expectedOutcome: the precedence table, first match wins', () => {
  it.each([
    ['no credentials beat everything', list({ credential: 'none', target: 'foreign', limit: '0' }), 401],
    ['an unknown token', get({ credential: 'unknown-token' }), 401],
    ['a malformed header', list({ credential: 'malformed' }), 401],
    ['a bad JWT', get({ credential: 'invalid-jwt', target: 'unknown' }), 401],
    ['a missing scope beats a bad limit', list({ credential: 'no-jobs-read', limit: 'abc' }), 403],
    ['a missing scope beats an unknown job', get({ credential: 'no-jobs-read', target: 'unknown' }), 403],
    ['a bad limit beats an unknown project', list({ target: 'unknown', limit: '101' }), 400],
    ['a bad limit with a scoped key on a sibling', list({ credential: 'scoped', limit: '0' }), 400],
    ['an unknown project beats the sibling rule', list({ credential: 'scoped', target: 'unknown' }), 404],
    ['a foreign job', get({ target: 'foreign' }), 404],
    ['a weird id', list({ target: 'weird' }), 404],
    ['a scoped key on a sibling project', list({ credential: 'scoped' }), 403],
    ['a scoped key on a sibling job', get({ credential: 'scoped' }), 403],
    ['a scoped key on the named sibling', list({ credential: 'scoped', target: 'sibling' }), 403],
    ['an org key on the named sibling', list({ target: 'sibling' }), 200],
    ['a scoped key on its own project', list({ credential: 'scoped', target: 'scoped-own' }), 200],
    ['an org key on the scoped project', list({ target: 'scoped-own', limit: '100' }), 200],
    ['an org key, no limit', list({}), 200],
    ['get ignores limit', get({ limit: 'abc' }), 200],
  ])('%s', (_name, c, status) => {
    expect(expectedOutcome(c).status).toBe(status);
  });

  it('names the table message for errors and none for 200', () => {
    expect(expectedOutcome(get({ target: 'unknown' }))).toEqual({ status: 404, rule: '404-not-found', error: 'job not found' });
    expect(expectedOutcome(list({ target: 'unknown' })).error).toBe('project not found');
    expect(expectedOutcome(list({})).error).toBeUndefined();
  });
});

describe('isValidLimit', () => {
  it.each([[undefined], ['1'], ['25'], ['99'], ['100']])('accepts %s', (raw) => expect(isValidLimit(raw)).toBe(true));
  it.each([['0'], ['-1'], ['101'], ['1.5'], ['abc'], [''], ['007'], [' 5'], ['1e2'], ['99999999999999999999']])('rejects %j', (raw) => expect(isValidLimit(raw)).toBe(false));
});

describe('toRequestPath', () => {
  it.each([
    [list({ limit: '5' }), '/v1/projects/prj_1/jobs?limit=5'],
    [list({ limit: '' }), '/v1/projects/prj_1/jobs?limit='],
    [list({ limit: undefined }), '/v1/projects/prj_1/jobs'],
    [list({ id: 'x a/é', limit: '1.5' }), '/v1/projects/x%20a%2F%C3%A9/jobs?limit=1.5'],
    [get({ id: 'job_1?x' }), '/v1/jobs/job_1%3Fx'],
  ])('%j → %s', (c, path) => expect(toRequestPath(c)).toBe(path));
});
