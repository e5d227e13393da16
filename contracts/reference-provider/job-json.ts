import type { Job } from '../../src/api/types.js';
import type { BreakageName } from './breakages.js';
import { JOB_COLUMNS } from './schema.js';
import type { JobRow } from './store.js';

/**
 * The JSON form of a stored job: empty columns are omitted, like the Go backend does. A breakage
 * may deform it.
 * @example
 * toJobJson(row).id; // 'job_ref_alpha_app_000'
 */
export function toJobJson(row: JobRow, breakage?: BreakageName): Job {
  const out: Record<string, string | number> = {};
  for (const column of JOB_COLUMNS) {
    const value = row[column];
    if (value !== null) out[column] = value;
  }
  switch (breakage) {
    case 'misspelled-field':
      if ('created_at' in out) {
        out['create_at'] = out['created_at'] as string;
        delete out['created_at'];
      }
      break;
    case 'state-outside-enum':
      if (out['state'] === 'completed') out['state'] = 'done';
      break;
    case 'missing-required-field':
      delete out['max_attempts'];
      break;
    case 'completed-without-completed-at':
      if (out['state'] === 'completed') delete out['completed_at'];
      break;
    default:
      break;
  }
  return out as unknown as Job;
}
