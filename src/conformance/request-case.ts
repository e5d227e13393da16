import type { CredentialKind } from './types.js';

/** What the id of a request refers to. */
export type TargetKind =
  /** `projectId`, or a job listed in it */
  | 'own'
  /** a plausible id nobody has */
  | 'unknown'
  /** an unusual but URL-safe id nobody has */
  | 'weird'
  /** another organization's project or job */
  | 'foreign'
  /** the scoped credential's own project, or a job listed in it */
  | 'scoped-own'
  /** a project of the organization the scoped credential is not scoped to, or a job of it */
  | 'sibling';

/** One request `conform` sends, described well enough to know the answer the spec demands. */
export interface RequestCase {
  readonly op: 'list' | 'get';
  readonly credential: CredentialKind;
  readonly target: TargetKind;
  /** Project id (list) or job id (get), not yet percent-encoded. */
  readonly id: string;
  /** Raw `limit` query value (list only); undefined sends no `limit`. */
  readonly limit?: string | undefined;
  /** The `Authorization` value for `malformed`, `unknown-token` and `invalid-jwt` credentials. */
  readonly rawAuthorization?: string | undefined;
}

/** Which row of the precedence table decides a request. */
export type PrecedenceRule = '401-unauthorized' | '403-missing-scope' | '400-invalid-limit' | '404-not-found' | '403-sibling-project' | '200-ok';

/** The response the spec demands. */
export interface ExpectedOutcome {
  readonly status: number;
  readonly rule: PrecedenceRule;
  /** The precedence table's message, for error statuses. */
  readonly error?: string;
}

const INTEGER_1_TO_100 = /^(100|[1-9][0-9]?)$/;

/**
 * Whether a raw `limit` value is one the spec accepts (absent counts as valid: default 25).
 * @example
 * isValidLimit('25'); // true
 * isValidLimit('1.5'); // false
 */
export function isValidLimit(raw: string | undefined): boolean {
  return raw === undefined || INTEGER_1_TO_100.test(raw);
}

/**
 * The precedence table of openapi.yaml, as an oracle: the first matching row decides.
 * @example
 * expectedOutcome({ op: 'list', credential: 'no-jobs-read', target: 'unknown', id: 'prj_x', limit: '0' }).status; // 403
 */
export function expectedOutcome(c: RequestCase): ExpectedOutcome {
  switch (c.credential) {
    case 'none':
    case 'unknown-token':
    case 'malformed':
    case 'invalid-jwt':
      return { status: 401, rule: '401-unauthorized', error: 'unauthorized' };
    case 'no-jobs-read':
      return { status: 403, rule: '403-missing-scope', error: 'forbidden: missing scope jobs:read' };
    default:
      break;
  }
  if (c.op === 'list' && !isValidLimit(c.limit)) return { status: 400, rule: '400-invalid-limit', error: 'limit must be an integer from 1 to 100' };
  if (c.target === 'unknown' || c.target === 'weird' || c.target === 'foreign') {
    return { status: 404, rule: '404-not-found', error: c.op === 'list' ? 'project not found' : 'job not found' };
  }
  // 'own' counts as a sibling for the scoped credential: unless told otherwise, it is scoped elsewhere.
  if (c.credential === 'scoped' && (c.target === 'own' || c.target === 'sibling')) return { status: 403, rule: '403-sibling-project', error: 'forbidden: key is scoped to another project' };
  return { status: 200, rule: '200-ok' };
}

/**
 * The path and query of a case, ids percent-encoded.
 * @example
 * toRequestPath({ op: 'list', credential: 'valid', target: 'own', id: 'prj_1', limit: '5' }); // '/v1/projects/prj_1/jobs?limit=5'
 */
export function toRequestPath(c: RequestCase): string {
  const id = encodeURIComponent(c.id);
  if (c.op === 'get') return `/v1/jobs/${id}`;
  return `/v1/projects/${id}/jobs${c.limit === undefined ? '' : `?limit=${encodeURIComponent(c.limit)}`}`;
}
