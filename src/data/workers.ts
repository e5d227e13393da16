import { hashWords } from './prng.js';

/**
 * Worker and host naming. Hosts are named like the public benchmark report's `capydb-db1`; the
 * worker name `worker-<host>-<pid>` (`claimed_by`) is invented: the real format is not public.
 */

/** Database hosts serving one cluster, with their private addresses. */
export interface ClusterHosts {
  readonly hosts: readonly { readonly name: string; readonly ip: string; readonly key: number }[];
}

/**
 * A 32-bit hash of a string (ids), stable across runs.
 * @example
 * hashString('cls_h4t8w2z6b1n5q9m3x7k0'); // the same number every time
 */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return hashWords(h >>> 0, text.length);
}

/**
 * The three database hosts of a cluster (`capydb-db<n>`, 10.0.<k>.<10+n>).
 * @example
 * clusterHosts('cls_h4t8w2z6b1n5q9m3x7k0').hosts[0]?.name; // e.g. 'capydb-db4'
 */
export function clusterHosts(clusterId: string): ClusterHosts {
  const key = hashString(clusterId);
  const first = 1 + (key % 9);
  const subnet = 1 + ((key >>> 8) % 30);
  const hosts = [0, 1, 2].map((i) => ({ name: `capydb-db${first + i}`, ip: `10.0.${subnet}.${10 + first + i}`, key: hashString(`capydb-db${first + i}`) }));
  return { hosts };
}

/** A worker's restart period: its pid changes every few days. */
const WORKER_EPOCH_US = 3 * 86_400 * 1_000_000;

/**
 * The worker process on `host` that claimed a job `ageUs` before the dataset's `now`, e.g.
 * `worker-capydb-db3-4127`. Measured back from `now` (not from the epoch) so that another `now`
 * shifts timestamps and changes nothing else.
 * @example
 * workerName('capydb-db3', hashString('capydb-db3'), 90_000_000); // 'worker-capydb-db3-<pid>'
 */
export function workerName(host: string, hostKey: number, ageUs: number): string {
  const pid = 1000 + (hashWords(hostKey, Math.floor(ageUs / WORKER_EPOCH_US) + 1) % 64000);
  return `worker-${host}-${pid}`;
}
