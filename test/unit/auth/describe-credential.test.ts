import { describe, expect, it } from 'vitest';
import { describeCredential, type Principal } from '../../../src/auth/index.js';

describe('describeCredential', () => {
  const cases: readonly [Principal, string][] = [
    [{ kind: 'org-key', credentialId: 'key_a', organizationId: 'org_a', scopes: [] }, 'org-key key_a'],
    [{ kind: 'project-key', credentialId: 'key_p', organizationId: 'org_a', projectId: 'prj_p', scopes: [] }, 'project-key key_p (prj_p)'],
    [{ kind: 'clerk-session', credentialId: 'sess_2x', organizationId: 'org_a', scopes: [], userId: 'user_2x' }, 'clerk-session sess_2x'],
  ];
  it.each(cases)('labels %j as %s', (principal, label) => {
    expect(describeCredential(principal)).toBe(label);
  });
});
