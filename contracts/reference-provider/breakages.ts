/**
 * Deliberate contract violations the reference provider can be started with, to prove that
 * verification (Pact, `conform`) catches them. Name → what goes wrong.
 * @example
 * Object.keys(BREAKAGES).includes('oldest-first'); // true
 */
export const BREAKAGES = {
  'misspelled-field': 'every job carries `create_at` instead of `created_at`',
  'state-outside-enum': 'completed jobs report the state `done`, which the enum does not have',
  'limit-ignored': 'the list returns every job of the project whatever `limit` says',
  'oldest-first': 'the list is sorted oldest first',
  'no-auth-required': 'a request without credentials is served (200) instead of 401',
  'foreign-job-served': "another organization's project and jobs are served instead of 404",
  '500-instead-of-404': 'unknown projects and jobs answer 500 instead of 404',
  'wrong-content-type': 'responses are labelled text/plain',
  'missing-required-field': 'jobs lack the required `max_attempts`',
  'completed-without-completed-at': 'completed jobs lack `completed_at`',
} as const satisfies Record<string, string>;

/** One breakage's name. */
export type BreakageName = keyof typeof BREAKAGES;

/**
 * Whether `name` is one of `BREAKAGES`.
 * @example
 * isBreakageName('oldest-first'); // true
 */
export function isBreakageName(name: string): name is BreakageName {
  return Object.hasOwn(BREAKAGES, name);
}
