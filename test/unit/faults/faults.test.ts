import { describe, expect, it } from 'vitest';
import { parsePrefer } from '../../../src/core/prefer-header.js';
import { jsonResponse } from '../../../src/core/json-response.js';
import { applyFault, BAD_GATEWAY_HTML, createFaultRules, FAULT_HEADER, FAULT_KINDS, parseFault, sampleLatency } from '../../../src/faults/index.js';

const fault = (header: string) => {
  const preference = parsePrefer(header).get('fault');
  if (!preference) throw new Error('no fault preference');
  return parseFault(preference);
};

describe('parseFault', () => {
  it.each([
    ['fault=reset', { kind: 'reset' }],
    ['fault=latency', { kind: 'latency', latency: { distribution: 'fixed', ms: 500 } }],
    ['fault=latency; ms=250', { kind: 'latency', latency: { distribution: 'fixed', ms: 250 } }],
    ['fault=latency; min=100; max=900', { kind: 'latency', latency: { distribution: 'uniform', minMs: 100, maxMs: 900 } }],
    ['fault=latency; median=200; sigma=0.8', { kind: 'latency', latency: { distribution: 'lognormal', medianMs: 200, sigma: 0.8 } }],
    ['fault=rate-limit; retry-after=3', { kind: 'rate-limit', retryAfterSeconds: 3 }],
    ['fault=unavailable', { kind: 'unavailable' }],
  ])('%s is read', (header, expected) => {
    expect(fault(header)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['fault=explode', /unknown fault "explode"/],
    ['fault=latency; ms=-5', /latency parameters/],
    ['fault=latency; ms=999999', /latency parameters/],
    ['fault=latency; min=900; max=100', /latency parameters/],
    ['fault=rate-limit; retry-after=soon', /retry-after must be/],
  ])('%s is refused with a reason', (header, reason) => {
    const parsed = fault(header);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(reason);
  });
});

describe('applyFault', () => {
  const normal = jsonResponse(200, { jobs: [{ id: 'job_x' }] }, { 'access-control-allow-origin': '*' });
  const random = () => 0.5;

  it('marks every kind with the fault header', () => {
    for (const kind of FAULT_KINDS) {
      const out = applyFault({ kind }, normal, 'listProjectJobs', random);
      expect(out.headers[FAULT_HEADER], kind).toBe(kind);
    }
  });

  it.each([
    ['rate-limit', 429, '{"error":"rate limit exceeded"}'],
    ['server-error', 500, '{"error":"internal server error"}'],
    ['unavailable', 503, '{"error":"service unavailable"}'],
    ['bad-gateway', 502, BAD_GATEWAY_HTML],
    ['null-jobs', 200, '{"jobs":null}'],
  ] as const)('%s answers %i with its body', (kind, status, body) => {
    const out = applyFault({ kind }, normal, 'listProjectJobs', random);
    expect(out.status).toBe(status);
    expect(out.body).toBe(body);
  });

  it('keeps CORS on injected errors so browsers can read them', () => {
    expect(applyFault({ kind: 'server-error' }, normal, 'getJob', random).headers['access-control-allow-origin']).toBe('*');
  });

  it('sends Retry-After with rate limits and unavailability', () => {
    expect(applyFault({ kind: 'rate-limit', retryAfterSeconds: 7 }, normal, 'getJob', random).headers['retry-after']).toBe('7');
    expect(applyFault({ kind: 'unavailable' }, normal, 'getJob', random).headers['retry-after']).toBe('1');
  });

  it('leaves a get alone for null-jobs (only the list had that legacy shape)', () => {
    expect(applyFault({ kind: 'null-jobs' }, normal, 'getJob', random)).toBe(normal);
  });

  it('asks the transport to reset or truncate, keeping the normal answer otherwise', () => {
    expect(applyFault({ kind: 'reset' }, normal, 'getJob', random).fault).toEqual({ kind: 'reset' });
    expect(applyFault({ kind: 'truncate' }, normal, 'getJob', random).fault).toEqual({ kind: 'truncate', bytes: Math.floor(normal.body.length / 2) });
  });

  it('draws latency from each law within its bounds', () => {
    expect(sampleLatency({ distribution: 'fixed', ms: 40 }, random)).toBe(40);
    expect(sampleLatency({ distribution: 'uniform', minMs: 100, maxMs: 200 }, () => 0.25)).toBe(125);
    const draws = Array.from({ length: 200 }, (_, i) => sampleLatency({ distribution: 'lognormal', medianMs: 100, sigma: 0.5 }, () => ((i * 37) % 200) / 200));
    expect(Math.min(...draws)).toBeGreaterThan(0);
    expect(Math.max(...draws)).toBeLessThanOrEqual(60_000);
  });
});

describe('fault rules', () => {
  it('fire for their operation and session only, and count down', () => {
    const rules = createFaultRules(42);
    rules.add({ fault: { kind: 'server-error' }, probability: 1, operation: 'getJob', session: 'a', remaining: 2 });
    expect(rules.pick('listProjectJobs', 'a')).toBeUndefined();
    expect(rules.pick('getJob', 'b')).toBeUndefined();
    expect(rules.pick('getJob', 'a')).toEqual({ kind: 'server-error' });
    expect(rules.pick('getJob', 'a')).toEqual({ kind: 'server-error' });
    expect(rules.pick('getJob', 'a')).toBeUndefined();
  });

  it('fire with their probability, the same way for the same seed', () => {
    const draw = (seed: number) => {
      const rules = createFaultRules(seed);
      rules.add({ fault: { kind: 'reset' }, probability: 0.3, operation: 'any' });
      return Array.from({ length: 1000 }, () => rules.pick('getJob', undefined) !== undefined);
    };
    const fired = draw(7).filter(Boolean).length;
    expect(fired).toBeGreaterThan(230);
    expect(fired).toBeLessThan(370);
    expect(draw(7)).toEqual(draw(7));
    expect(draw(8)).not.toEqual(draw(7));
  });

  it('are removed one by one or all at once', () => {
    const rules = createFaultRules(1);
    const a = rules.add({ fault: { kind: 'reset' }, probability: 1, operation: 'any' });
    rules.add({ fault: { kind: 'truncate' }, probability: 1, operation: 'any' });
    expect(rules.remove(a.id)).toBe(true);
    expect(rules.remove(a.id)).toBe(false);
    expect(rules.list().map((r) => r.fault.kind)).toEqual(['truncate']);
    rules.clear();
    expect(rules.list()).toEqual([]);
  });
});
