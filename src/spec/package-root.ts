import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'capydb-jobs-kit';

/**
 * The root of the capydb-jobs-kit package: the nearest folder up whose package.json names it, so
 * it works from `src/` (tsx, vitest), from `dist/src/` and from an installed copy, and a
 * same-named file the build copied into `dist/` is never mistaken for the real one.
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
 * A file at the package root (throws a named error when the package ships without it).
 * @example findPackageFile('openapi.yaml')
 */
export function findPackageFile(name: string): string {
  const root = findPackageRoot();
  const file = root === undefined ? undefined : join(root, name);
  if (file === undefined || !existsSync(file)) throw new PackageFileNotFoundError(`${name} not found at the root of ${PACKAGE_NAME}`);
  return file;
}

/** A file the package should ship is missing (a broken install or build). */
export class PackageFileNotFoundError extends Error {
  override readonly name = 'PackageFileNotFoundError';
}

function readName(manifest: string): unknown {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
  } catch {
    return undefined;
  }
}
