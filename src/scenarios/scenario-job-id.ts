import { Rng, hashWords, seedKey } from '../data/prng.js';
import { hashString } from '../data/workers.js';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * The id of a job a scenario (or the admin API) creates: opaque like the dataset's
 * (`job_` + 22 base-36 characters) and deterministic in (seed, project, scenario, ref).
 * @example scenarioJobId(42, 'prj_x', 'retrying', 'retrying') // the same id every time
 */
export function scenarioJobId(seed: number, projectId: string, scenario: string, ref: string): string {
  const rng = new Rng(hashWords(seedKey(seed), hashString(projectId), hashString(scenario), hashString(ref)));
  let body = '';
  for (let i = 0; i < 22; i += 1) body += ALPHABET[Math.floor(rng.next() * 36)] ?? '0';
  return `job_${body}`;
}
