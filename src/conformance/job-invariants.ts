import { compareTimestamps } from './timestamps.js';

const CHAIN = ['created_at', 'claimed_at', 'started_at', 'completed_at'] as const;
const TERMINAL = new Set(['completed', 'failed']);

const text = (job: Record<string, unknown>, field: string): string | undefined => {
  const v = job[field];
  return typeof v === 'string' ? v : undefined;
};

/**
 * The domain rules a job must keep, checked independently of the kit's own domain code (a
 * second opinion): ordered timestamps, `updated_at` the latest, terminal jobs (and only they)
 * have `completed_at`, failed jobs have an `error`, `attempts <= max_attempts`. Fields that are
 * missing or malformed are left to the schema check. Returns one message per broken rule.
 * @example
 * findJobInvariantViolations({ state: 'failed', attempts: 1, max_attempts: 3 });
 * // ['failed job without completed_at', 'failed job without error']
 */
export function findJobInvariantViolations(job: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const present = CHAIN.filter((f) => text(job, f) !== undefined);
  for (let i = 1; i < present.length; i++) {
    const earlier = present[i - 1] as (typeof CHAIN)[number];
    const later = present[i] as (typeof CHAIN)[number];
    if (compareTimestamps(text(job, earlier) ?? '', text(job, later) ?? '') === 1) problems.push(`${earlier} is after ${later}`);
  }
  const updated = text(job, 'updated_at');
  if (updated !== undefined) {
    for (const field of present) {
      if (compareTimestamps(text(job, field) ?? '', updated) === 1) problems.push(`${field} is after updated_at`);
    }
  }
  const state = job['state'];
  if (typeof state === 'string') {
    const hasCompletedAt = text(job, 'completed_at') !== undefined;
    if (TERMINAL.has(state) && !hasCompletedAt) problems.push(`${state} job without completed_at`);
    if (!TERMINAL.has(state) && hasCompletedAt) problems.push(`${state} job with completed_at`);
    if (state === 'failed' && !(typeof job['error'] === 'string' && job['error'] !== '')) problems.push('failed job without error');
  }
  const { attempts, max_attempts: maxAttempts } = job;
  if (typeof attempts === 'number' && typeof maxAttempts === 'number' && attempts > maxAttempts) problems.push(`attempts ${attempts} > max_attempts ${maxAttempts}`);
  return problems;
}
