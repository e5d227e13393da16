import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from '../spec/package-root.js';

export { findPackageRoot };

/**
 * The pact files the kit ships (`contracts/pacts/*.json`), sorted by name.
 * @example
 * defaultPactPaths(); // ['/…/contracts/pacts/capydb-jobs-kit-client-capydb-jobs-api.json']
 */
export function defaultPactPaths(root: string | undefined = findPackageRoot()): string[] {
  if (root === undefined) return [];
  const dir = join(root, 'contracts', 'pacts');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));
}
