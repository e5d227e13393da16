import { describe, expect, it } from 'vitest';
import { createMockApi } from '../../../src/mock-api/index.js';
import { parseRequestUrl } from '../../../src/core/index.js';

describe('parseRequestUrl', () => {
  it.each([
    ['/v1/jobs/job_x?limit=2', '/v1/jobs/job_x', '?limit=2'],
    ['//%zz', '//%zz', ''],
    ['//evil.example/v1/jobs/x', '//evil.example/v1/jobs/x', ''],
    ['http://api.capydb.test/v1/jobs/x?a=1', '/v1/jobs/x', '?a=1'],
    ['http://%zz/', '/', ''],
  ])('reads %s as path %s', (url, pathname, search) => {
    const parsed = parseRequestUrl(url);
    expect(parsed.pathname).toBe(pathname);
    expect(parsed.search).toBe(search);
  });

  it.each(['//%zz', '//evil.example/v1/jobs/x', 'http://%zz/'])('lets the mock answer %s with 404, not throw', async (url) => {
    const res = await createMockApi({ frozen: true }).handle({ method: 'GET', url, headers: {} });
    expect(res.status).toBe(404);
    expect(Object.keys(JSON.parse(res.body) as object)).toEqual(['error']);
  });
});
