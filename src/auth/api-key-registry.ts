import type { Principal } from './types.js';

/** The prefix of every CapyDB API key. */
export const API_KEY_PREFIX = 'capy_live_';

/** An API key the mock accepts (or, when `revoked`, refuses with 401). */
export interface ApiKeyRecord {
  /** A stable, non-secret label for the request journal, e.g. `key_acme_jobs_read`. */
  readonly credentialId: string;
  readonly kind: 'org-key' | 'project-key';
  /** The secret, `capy_live_...`. */
  readonly token: string;
  readonly organizationId: string;
  /** Required for a `project-key`, absent for an `org-key`. */
  readonly projectId?: string;
  readonly scopes: readonly string[];
  readonly revoked?: boolean;
}

/** Thrown when the configured API keys cannot work (a programming error, not a request error). */
export class InvalidApiKeyRecordError extends Error {
  override readonly name = 'InvalidApiKeyRecordError';
}

/** Looks API keys up by their secret in constant time. */
export interface ApiKeyRegistry {
  find(token: string): ApiKeyRecord | undefined;
}

function check(record: ApiKeyRecord): void {
  const problem = !record.token.startsWith(API_KEY_PREFIX)
    ? `its token must start with ${API_KEY_PREFIX}`
    : record.kind === 'project-key' && record.projectId === undefined
      ? 'a project-key needs a projectId'
      : record.kind === 'org-key' && record.projectId !== undefined
        ? 'an org-key cannot have a projectId'
        : undefined;
  if (problem !== undefined) {
    throw new InvalidApiKeyRecordError(`API key ${record.credentialId}: ${problem}`);
  }
}

/**
 * Indexes API keys by token; throws `InvalidApiKeyRecordError` on a malformed or duplicate record.
 *
 * @example
 * const registry = createApiKeyRegistry(DEV_API_KEYS);
 * registry.find(README_API_KEY)?.credentialId; // 'key_acme_jobs_read'
 */
export function createApiKeyRegistry(records: readonly ApiKeyRecord[]): ApiKeyRegistry {
  const byToken = new Map<string, ApiKeyRecord>();
  const ids = new Set<string>();
  for (const record of records) {
    check(record);
    if (byToken.has(record.token) || ids.has(record.credentialId)) {
      throw new InvalidApiKeyRecordError(`API key ${record.credentialId} is listed twice`);
    }
    byToken.set(record.token, record);
    ids.add(record.credentialId);
  }
  return { find: (token) => byToken.get(token) };
}

/**
 * The principal an API key stands for.
 *
 * @example
 * toKeyPrincipal(record).kind; // 'org-key'
 */
export function toKeyPrincipal(record: ApiKeyRecord): Principal {
  const base = {
    kind: record.kind,
    credentialId: record.credentialId,
    organizationId: record.organizationId,
    scopes: record.scopes,
  };
  return record.projectId === undefined ? base : { ...base, projectId: record.projectId };
}
