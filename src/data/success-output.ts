import type { Rng } from './prng.js';

/** Facts a success message may mention. */
export interface SuccessContext {
  readonly rng: Rng;
  readonly type: string;
  readonly projectId: string;
  readonly previewId: string | undefined;
  readonly runSeconds: number;
}

const TABLES = ['orders', 'order_items', 'customers', 'events', 'sessions', 'invoices'];

/**
 * The tail of stdout a successful attempt of `type` leaves, or undefined for types that print
 * nothing worth keeping (most of them: the field is then omitted). The formats are invented.
 * @example
 * successStdout({ rng, type: 'instance.wake', projectId: 'prj_1', previewId: undefined, runSeconds: 0.3 });
 * // 'capydb-pg@prj_1.service: active (running)'
 */
export function successStdout(c: SuccessContext): string | undefined {
  const target = c.previewId ?? c.projectId;
  switch (c.type) {
    case 'branch.create':
      return `cloned tank/capydb/${c.projectId}@${target} -> tank/capydb/${target}\nready: accepting connections after ${c.runSeconds.toFixed(1)}s`;
    case 'project.backup':
    case 'project.export':
      return `pg_dump: dumping contents of table "public.${c.rng.pick(TABLES)}"\nwrote ${(0.2 + c.rng.next() * 6).toFixed(2)} GiB in ${c.runSeconds.toFixed(0)}s`;
    case 'project.restore':
    case 'instance.pitr_restore':
      return `pg_restore: finished main parallel loop\nrestored ${target} in ${c.runSeconds.toFixed(0)}s`;
    case 'instance.wake':
      return `capydb-pg@${target}.service: active (running)`;
    case 'instance.sleep':
      return `capydb-pg@${target}.service: inactive (dead)`;
    case 'project.upgrade_minor':
      return `PostgreSQL 17.${4 + c.rng.int(0, 1)} -> 17.6: restarted in ${(2 + c.rng.next() * 6).toFixed(1)}s`;
    case 'project.import_follow_status':
      return `{"unit_active":"active","result":"success","lag_bytes":${c.rng.int(0, 4_000_000)}}`;
    default:
      return undefined;
  }
}
