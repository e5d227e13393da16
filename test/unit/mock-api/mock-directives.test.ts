import { describe, expect, it } from 'vitest';
import { parseRequestUrl } from '../../../src/core/index.js';
import { readDirectives } from '../../../src/mock-api/mock-directives.js';

const read = (url: string, headers: Record<string, string> = {}) => readDirectives({ method: 'GET', url, headers }, parseRequestUrl(url));

describe('readDirectives', () => {
  it('reads nothing from a plain request', () => {
    expect(read('/v1/jobs/job_x')).toEqual({});
  });

  it('reads a scenario from the Prefer header, and from __scenario for UIs without headers', () => {
    expect(read('/v1/jobs/job_x', { prefer: 'scenario=retrying' }).scenario).toBe('retrying');
    expect(read('/v1/jobs/job_x?__scenario=empty-project').scenario).toBe('empty-project');
  });

  it('lets the header win over the query', () => {
    expect(read('/v1/jobs/job_x?__scenario=b', { prefer: 'scenario=a' }).scenario).toBe('a');
  });

  it('reads a fault with its parameters from either door', () => {
    expect(read('/v1/jobs/job_x', { prefer: 'fault=latency; ms=20' }).fault).toEqual({ ok: true, value: { kind: 'latency', latency: { distribution: 'fixed', ms: 20 } } });
    expect(read('/v1/jobs/job_x?__fault=rate-limit;retry-after=2').fault).toEqual({ ok: true, value: { kind: 'rate-limit', retryAfterSeconds: 2 } });
  });

  it('hands a bad fault on as a refusal, not as no fault', () => {
    expect(read('/v1/jobs/job_x?__fault=meltdown').fault?.ok).toBe(false);
  });

  it('reads the session header', () => {
    expect(read('/v1/jobs/job_x', { 'x-mock-session': 'ci-3' }).session).toBe('ci-3');
  });
});
