import { describe, expect, it } from 'vitest';
import {
  DEV_API_KEYS,
  InvalidApiKeyRecordError,
  README_API_KEY,
  createApiKeyRegistry,
  toKeyPrincipal,
  type ApiKeyRecord,
} from '../../../src/auth/index.js';

const ORG_KEY: ApiKeyRecord = {
  credentialId: 'key_a',
  kind: 'org-key',
  token: 'capy_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  organizationId: 'org_a',
  scopes: ['jobs:read'],
};

describe('createApiKeyRegistry', () => {
  it('finds a key by its exact token only', () => {
    const registry = createApiKeyRegistry(DEV_API_KEYS);
    expect(registry.find(README_API_KEY)?.credentialId).toBe('key_acme_jobs_read');
    expect(registry.find(README_API_KEY.toUpperCase())).toBeUndefined();
    expect(registry.find(`${README_API_KEY} `)).toBeUndefined();
  });

  const misuse: readonly [string, readonly ApiKeyRecord[], RegExp][] = [
    ['a token without capy_live_', [{ ...ORG_KEY, token: 'sk_live_abc' }], /must start with capy_live_/],
    ['a project-key without projectId', [{ ...ORG_KEY, kind: 'project-key' }], /needs a projectId/],
    ['an org-key with a projectId', [{ ...ORG_KEY, projectId: 'prj_a' }], /cannot have a projectId/],
    ['a duplicate token', [ORG_KEY, { ...ORG_KEY, credentialId: 'key_b' }], /listed twice/],
    ['a duplicate credentialId', [ORG_KEY, { ...ORG_KEY, token: 'capy_live_bbbb' }], /listed twice/],
  ];
  it.each(misuse)('throws InvalidApiKeyRecordError on %s', (_name, records, message) => {
    expect(() => createApiKeyRegistry(records)).toThrow(InvalidApiKeyRecordError);
    expect(() => createApiKeyRegistry(records)).toThrow(message);
  });
});

describe('toKeyPrincipal', () => {
  it('carries the project of a project-key and none for an org-key', () => {
    const project = toKeyPrincipal({ ...ORG_KEY, kind: 'project-key', projectId: 'prj_a' });
    expect(project).toEqual({ kind: 'project-key', credentialId: 'key_a', organizationId: 'org_a', projectId: 'prj_a', scopes: ['jobs:read'] });
    expect('projectId' in toKeyPrincipal(ORG_KEY)).toBe(false);
  });
});
