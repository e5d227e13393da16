import { compareTimestamps } from './timestamps.js';
import type { CheckedRequest, ConformanceCheck } from './types.js';

/** The fields of a job that cannot change between two calls. */
export const STABLE_JOB_FIELDS = ['id', 'type', 'organization_id', 'project_id', 'created_at', 'max_attempts', 'preview_database_id', 'cluster_id'] as const;

const DEFAULT_LIMIT = 25;

/** What the list checks need to know about one list response. */
export interface ListedPage {
  readonly projectId: string;
  /** Raw `limit` sent (a valid one), or undefined for none. */
  readonly limit: string | undefined;
  readonly jobs: readonly Record<string, unknown>[];
  /** Ids of the same project listed with `limit=100`, when known: the page must be its prefix. */
  readonly baselineIds?: readonly string[] | undefined;
}

/**
 * The checks of a 200 list: bounded by `limit` (25 by default), newest first, only the
 * project's jobs, and consistent with a `limit=100` listing of the same project.
 * @example
 * checkListPage(record, { projectId: 'prj_1', limit: '1', jobs }, request);
 */
export function checkListPage(record: (check: ConformanceCheck) => void, page: ListedPage, request: CheckedRequest): void {
  const emit = (name: string, ok: boolean, message: string) => record({ name, outcome: ok ? 'pass' : 'fail', message, request });
  const limit = page.limit === undefined ? DEFAULT_LIMIT : Number(page.limit);
  emit('list.limit-honoured', page.jobs.length <= limit, `${page.jobs.length} jobs for limit ${page.limit ?? `(default ${DEFAULT_LIMIT})`}`);

  const disorder = page.jobs.findIndex((job, i) => {
    const next = page.jobs[i + 1];
    return next !== undefined && compareTimestamps(String(job['created_at']), String(next['created_at'])) === -1;
  });
  emit(
    'list.newest-first',
    disorder === -1,
    disorder === -1 ? `${page.jobs.length} jobs sorted by created_at, newest first` : `job ${disorder} (${String(page.jobs[disorder]?.['created_at'])}) is older than job ${disorder + 1} (${String(page.jobs[disorder + 1]?.['created_at'])})`,
  );

  const strangers = page.jobs.filter((job) => job['project_id'] !== page.projectId).map((job) => String(job['id']));
  emit('list.project-match', strangers.length === 0, strangers.length === 0 ? `every job belongs to ${page.projectId}` : `jobs of another project: ${strangers.slice(0, 5).join(', ')}`);

  if (page.baselineIds !== undefined) {
    const expected = page.baselineIds.slice(0, limit);
    const actual = page.jobs.map((job) => String(job['id']));
    const same = expected.length === actual.length && expected.every((id, i) => id === actual[i]);
    const name = page.limit === undefined ? 'list.default-limit' : 'list.prefix-consistent';
    emit(name, same, same ? `the first ${expected.length} jobs of the limit=100 listing` : `expected the first ${expected.length} jobs of the limit=100 listing, got ${actual.length} jobs (${actual.slice(0, 3).join(', ')}${actual.length > 3 ? ', ...' : ''})`);
  }
}

const comparable = (v: unknown) => (v === undefined ? null : v);

/**
 * A job listed and the same job fetched must agree on the fields that cannot change.
 * @example
 * checkListGetAgreement(record, listedJob, fetchedJob, request);
 */
export function checkListGetAgreement(record: (check: ConformanceCheck) => void, listed: Record<string, unknown>, fetched: Record<string, unknown>, request: CheckedRequest): void {
  const differing = STABLE_JOB_FIELDS.filter((f) => JSON.stringify(comparable(listed[f])) !== JSON.stringify(comparable(fetched[f])));
  record({
    name: 'list.get-agreement',
    outcome: differing.length === 0 ? 'pass' : 'fail',
    message:
      differing.length === 0
        ? `${String(listed['id'])}: list and get agree on ${STABLE_JOB_FIELDS.join(', ')}`
        : `${String(listed['id'])}: list and get differ on ${differing.map((f) => `${f} (${JSON.stringify(listed[f])} vs ${JSON.stringify(fetched[f])})`).join(', ')}`,
    request,
  });
}
