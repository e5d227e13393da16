import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PROVIDER_DIR = 'contracts/reference-provider';
const ALLOWED_TYPE_SOURCE = 'src/api/types.ts';
const FORBIDDEN_AREAS = ['src/core', 'src/data', 'src/domain', 'src/auth', 'src/scenarios', 'mocks'];
const ALLOWED_PACKAGES = new Set(['better-sqlite3']);

interface ImportRef {
  readonly specifier: string;
  readonly typeOnly: boolean;
}

/** Every module a TypeScript source reaches: static, re-export, bare, dynamic and require-style. */
function importsOf(source: string): ImportRef[] {
  const refs: ImportRef[] = [];
  for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\s+(type\s+)?[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/g)) refs.push({ specifier: m[2] ?? '', typeOnly: m[1] !== undefined });
  for (const m of source.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) refs.push({ specifier: m[1] ?? '', typeOnly: false });
  for (const m of source.matchAll(/\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) refs.push({ specifier: m[1] ?? '', typeOnly: false });
  // createRequire(import.meta.url)('pkg')
  for (const m of source.matchAll(/\)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) refs.push({ specifier: m[1] ?? '', typeOnly: false });
  return refs;
}

/** Walk the import graph from `entry` (repo-relative) and list every import the rules forbid. */
function findForbiddenImports(entry: string, read: (path: string) => string | undefined): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = read(file);
    if (source === undefined) return void problems.push(`${file}: cannot read`);
    for (const { specifier, typeOnly } of importsOf(source)) {
      if (specifier.startsWith('node:') || ALLOWED_PACKAGES.has(specifier)) continue;
      if (!specifier.startsWith('.')) {
        problems.push(`${file}: imports package ${specifier}`);
        continue;
      }
      const target = relative(ROOT, resolve(ROOT, dirname(file), specifier)).replace(/\.js$/, '.ts');
      if (target.startsWith(`${PROVIDER_DIR}/`)) visit(target);
      else if (target === ALLOWED_TYPE_SOURCE && typeOnly) continue;
      else {
        const area = FORBIDDEN_AREAS.find((a) => target === a || target.startsWith(`${a}/`));
        problems.push(`${file}: imports ${target}${area ? ` (${area} is the mock's own code)` : ''}${target === ALLOWED_TYPE_SOURCE ? ' without `import type`' : ''}`);
      }
    }
  };
  visit(entry);
  return problems;
}

const readRepoFile = (path: string) => {
  const full = resolve(ROOT, path);
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
};

describe('reference provider independence', () => {
  it('imports only node builtins, better-sqlite3 and spec types', () => {
    expect(findForbiddenImports(`${PROVIDER_DIR}/index.ts`, readRepoFile)).toEqual([]);
  });

  it('walks the whole provider folder (the scan is not vacuous)', () => {
    const visited: string[] = [];
    findForbiddenImports(`${PROVIDER_DIR}/index.ts`, (path) => {
      visited.push(path);
      return readRepoFile(path);
    });
    expect(visited).toEqual(expect.arrayContaining([`${PROVIDER_DIR}/index.ts`, `${PROVIDER_DIR}/server.ts`, `${PROVIDER_DIR}/jobs-api.ts`, `${PROVIDER_DIR}/store.ts`]));
  });

  const fixture = (files: Record<string, string>) => (path: string) => files[path];
  const entry = `${PROVIDER_DIR}/index.ts`;
  it.each([
    ['a value import of the mock core, one module deep', { [entry]: "import { a } from './x.js';", [`${PROVIDER_DIR}/x.ts`]: "import { handle } from '../../src/core/handle.js';" }, 'src/core'],
    ['a type import of the dataset', { [entry]: "import type { Dataset } from '../../src/data/types.js';" }, 'src/data'],
    ['a multi-line import of the domain', { [entry]: "import {\n  a,\n  b,\n} from '../../src/domain/index.js';" }, 'src/domain'],
    ['a re-export of the scenarios', { [entry]: "export { x } from '../../src/scenarios/index.js';" }, 'src/scenarios'],
    ['a dynamic import of the mocks', { [entry]: "const m = await import('../../mocks/server/index.js');" }, 'mocks'],
    ['a value import of the spec types', { [entry]: "import { JOB_STATES } from '../../src/api/types.js';" }, 'without `import type`'],
    ['another package', { [entry]: "import fc from 'fast-check';" }, 'package fast-check'],
  ])('flags %s', (_name, files, expected) => {
    const problems = findForbiddenImports(entry, fixture(files));
    expect(problems.join('\n')).toContain(expected);
  });

  it('accepts builtins, better-sqlite3 and type-only spec imports', () => {
    const files = {
      [entry]: "import { createServer } from 'node:http';\nimport type { Job } from '../../src/api/types.js';\nimport { x } from './y.js';",
      [`${PROVIDER_DIR}/y.ts`]: "const D = createRequire(import.meta.url)('better-sqlite3');",
    };
    expect(findForbiddenImports(entry, fixture(files))).toEqual([]);
  });
});
