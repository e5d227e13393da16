import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'capydb-jobs-kit';

/**
 * The root of the capydb-jobs-kit package, found by walking up from this module, so it works from
 * `src/` (tsx), from `dist/src/` and from an installed copy in `node_modules`.
 * @example
 * findPackageRoot(); // '/home/me/app/node_modules/capydb-jobs-kit'
 */
export function findPackageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readName(manifest) === PACKAGE_NAME) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

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

function readName(manifest: string): unknown {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
  } catch {
    return undefined;
  }
}
