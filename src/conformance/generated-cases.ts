import fc from 'fast-check';
import type { RequestCase, TargetKind } from './request-case.js';
import type { CredentialKind } from './types.js';

/** What the generator may point requests at. */
export interface CaseUniverse {
  readonly token: string;
  readonly projectId: string;
  /** Jobs listed in `projectId`. */
  readonly knownJobIds: readonly string[];
  readonly hasScopedToken: boolean;
  readonly hasNoJobsReadToken: boolean;
  readonly scopedProjectId?: string | undefined;
  /** Jobs listed in `scopedProjectId`. */
  readonly scopedJobIds: readonly string[];
  /** A project the scoped credential is not scoped to (may be `projectId`). */
  readonly siblingProjectId?: string | undefined;
  /** Jobs listed in `siblingProjectId`. */
  readonly siblingJobIds?: readonly string[] | undefined;
  readonly foreignProjectId?: string | undefined;
  readonly foreignJobId?: string | undefined;
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('');
// Unusual but URL-safe once percent-encoded; never `/`, and ids start with a letter so that no
// id is a dot segment.
const WEIRD = [...ALNUM, ...'-._~!$&\'()*+,;=:@ '.split(''), 'é', 'ß', '中', 'Ω'];

const chars = (alphabet: readonly string[], minLength: number, maxLength: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength, maxLength }).map((a) => a.join(''));

/** Limits the spec rejects: the classic ones and out-of-range integers. */
export const INVALID_LIMITS = ['0', '-1', '101', '1.5', 'abc', '', '99999999999999999999'] as const;

const invalidLimit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INVALID_LIMITS) },
  { weight: 1, arbitrary: fc.integer({ min: 101, max: 1_000_000 }).map(String) },
  { weight: 1, arbitrary: fc.integer({ min: -1_000_000, max: 0 }).map(String) },
);
const validLimit = fc.integer({ min: 1, max: 100 }).map(String);
const limitArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: validLimit },
  { weight: 3, arbitrary: invalidLimit },
);

const weighted = <T>(entries: readonly (readonly [number, T | false])[]) =>
  fc.oneof(...entries.filter((e): e is readonly [number, T] => e[1] !== false).map(([weight, value]) => ({ weight, arbitrary: fc.constant(value) })));

function authorizationFor(credential: CredentialKind, token: string): fc.Arbitrary<string | undefined> {
  switch (credential) {
    case 'unknown-token':
      return chars(ALNUM, 24, 24).map((s) => `Bearer capy_live_${s}`);
    case 'malformed':
      return fc.constantFrom('Basic dXNlcjpwYXNzd29yZA==', 'Bearer', 'Bearer ', token, `Token ${token}`);
    case 'invalid-jwt':
      return chars(ALNUM, 43, 43).map(
        (sig) => `Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImNvbmZvcm0iLCJ0eXAiOiJKV1QifQ.eyJzdWIiOiJ1c2VyXzJjb25mb3JtIiwibyI6eyJpZCI6Im9yZ19jb25mb3JtIn0sImV4cCI6MTc4MTc3NjAwMH0.${sig}`,
      );
    default:
      return fc.constant(undefined);
  }
}

function idFor(op: RequestCase['op'], target: TargetKind, u: CaseUniverse): fc.Arbitrary<string> {
  const prefix = op === 'list' ? 'prj_' : 'job_';
  switch (target) {
    case 'own':
      return op === 'list' ? fc.constant(u.projectId) : fc.constantFrom(...u.knownJobIds);
    case 'scoped-own':
      return op === 'list' ? fc.constant(u.scopedProjectId ?? '') : fc.constantFrom(...u.scopedJobIds);
    case 'sibling':
      return op === 'list' ? fc.constant(u.siblingProjectId ?? '') : fc.constantFrom(...(u.siblingJobIds ?? []));
    case 'foreign':
      return fc.constant((op === 'list' ? u.foreignProjectId : u.foreignJobId) ?? '');
    case 'unknown':
      return chars(ALNUM, 20, 26).map((s) => `${prefix}${s}`);
    case 'weird':
      return fc.tuple(fc.constantFrom('x', 'q', 'z'), chars(WEIRD, 0, 40)).map(([head, tail]) => `${head}${tail}`);
  }
}

/**
 * `count` requests drawn from the spec's parameters with fast-check: valid and invalid limits,
 * unknown and unusual ids, every kind of credential. The same seed gives the same requests.
 * @example
 * generateCases(universe, 1, 50).length; // 50
 */
export function generateCases(u: CaseUniverse, seed: number, count: number): RequestCase[] {
  if (count <= 0) return [];
  const credential = weighted<CredentialKind>([
    [6, 'valid'],
    [1, 'none'],
    [1, 'unknown-token'],
    [1, 'malformed'],
    [1, 'invalid-jwt'],
    [1, u.hasNoJobsReadToken && 'no-jobs-read'],
    [2, u.hasScopedToken && 'scoped'],
  ]);
  // The scoped credential's relation to `projectId` is only known through 'sibling' and
  // 'scoped-own', so it never targets 'own' directly.
  const listTarget = (scoped: boolean) =>
    weighted<TargetKind>([
      [4, !scoped && 'own'],
      [2, 'unknown'],
      [2, 'weird'],
      [1, u.foreignProjectId !== undefined && 'foreign'],
      [scoped ? 3 : 1, u.scopedProjectId !== undefined && 'scoped-own'],
      [scoped ? 3 : 1, u.siblingProjectId !== undefined && 'sibling'],
    ]);
  const getTarget = (scoped: boolean) =>
    weighted<TargetKind>([
      [3, !scoped && u.knownJobIds.length > 0 && 'own'],
      [2, 'unknown'],
      [2, 'weird'],
      [1, u.foreignJobId !== undefined && 'foreign'],
      [scoped ? 3 : 1, u.scopedJobIds.length > 0 && 'scoped-own'],
      [scoped ? 3 : 1, (u.siblingJobIds ?? []).length > 0 && 'sibling'],
    ]);
  const arb = fc
    .record({ op: fc.constantFrom<RequestCase['op']>('list', 'list', 'list', 'get', 'get'), credential })
    .chain(({ op, credential: cred }) =>
      (op === 'list' ? listTarget(cred === 'scoped') : getTarget(cred === 'scoped')).chain((target) =>
        fc.record({
          id: idFor(op, target, u),
          limit: op === 'list' ? limitArb : fc.constant(undefined),
          rawAuthorization: authorizationFor(cred, u.token),
        }).map(({ id, limit, rawAuthorization }): RequestCase => ({ op, credential: cred, target, id, limit, rawAuthorization })),
      ),
    );
  return fc.sample(arb, { seed, numRuns: count });
}
