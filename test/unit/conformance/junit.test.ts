import { describe, expect, it } from 'vitest';
import { formatReport, toJUnitXml, type ConformanceCheck } from '../../../src/conformance/index.js';
import { summarize } from '../../../src/conformance/summarize.js';

const request = { method: 'GET', path: '/v1/jobs/x<&>"', credential: 'valid', status: 500 } as const;
const report = (checks: ConformanceCheck[]) => summarize({ options: { baseUrl: 'http://127.0.0.1:1' }, seed: 1, strict: false, started: Date.now(), checks, requests: checks.length });

describe('toJUnitXml', () => {
  it('writes one suite per check name with failures and warnings', () => {
    const xml = toJUnitXml(
      report([
        { name: 'not-found.job', outcome: 'fail', message: 'expected 404 (404-not-found), got 500 <html>', request },
        { name: 'not-found.job', outcome: 'pass', message: 'ok', request },
        { name: 'response.unknown-fields', outcome: 'warn', message: 'fields: host_id', request },
      ]),
    );
    expect(xml).toContain('<testsuites name="capydb-jobs conform" tests="3" failures="1"');
    expect(xml).toContain('<testsuite name="not-found.job" tests="2" failures="1"');
    expect(xml).toContain('<failure message="expected 404 (404-not-found), got 500 &lt;html&gt;">');
    expect(xml).toContain('/v1/jobs/x&lt;&amp;&gt;&quot;');
    expect(xml).toContain('<system-out>warning: fields: host_id</system-out>');
    expect(xml.match(/<testcase /g)).toHaveLength(3);
  });

  it('writes a clean run without failures, dropping characters XML cannot carry', () => {
    const xml = toJUnitXml(report([{ name: 'response.schema', outcome: 'pass', message: 'ok', request: { ...request, path: '/v1/jobs/a\u0001b' } }]));
    expect(xml).toContain('failures="0"');
    expect(xml).not.toContain('<failure');
    expect(xml).not.toContain('\u0001');
  });
});

describe('summary and formatReport', () => {
  it.each([
    [[{ name: 'a', outcome: 'pass', message: '' }, { name: 'b', outcome: 'warn', message: 'w' }] as ConformanceCheck[], true, [], 'PASS: 1 passed, 0 failed, 1 warnings'],
    [[{ name: 'b', outcome: 'fail', message: 'bad' }, { name: 'a', outcome: 'fail', message: 'worse' }] as ConformanceCheck[], false, ['a', 'b'], 'FAIL: 0 passed, 2 failed, 0 warnings'],
  ])('counts %j', (checks, ok, failedNames, last) => {
    const r = report(checks);
    expect(r.ok).toBe(ok);
    expect(r.summary.failedNames).toEqual(failedNames);
    expect(formatReport(r).split('\n').at(-1)).toBe(last);
  });
});
