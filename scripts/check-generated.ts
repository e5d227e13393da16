/**
 * Drift check for the types generated from the OpenAPI documents: regenerates each pair in memory
 * with openapi-typescript (the same bytes as `openapi-typescript <spec> -o <file>`) and compares.
 *
 * CLI: `tsx scripts/check-generated.ts [<spec> <generated>]` checks the given pair (default: every
 * pair of {@link GENERATED_PAIRS} whose spec exists) and exits 1 with one line per stale file;
 * `--write` regenerates instead.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

/** A spec and the committed file generated from it. */
export interface GeneratedPair {
  readonly specPath: string;
  readonly generatedPath: string;
}

/** Outcome of {@link checkGeneratedTypes}. */
export type GeneratedCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly error: { readonly kind: 'stale' | 'missing'; readonly message: string; readonly line?: number } };

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The kit's pairs; the admin spec is checked once it exists. */
export const GENERATED_PAIRS: readonly GeneratedPair[] = [
  { specPath: resolve(ROOT, 'openapi.yaml'), generatedPath: resolve(ROOT, 'src/generated/jobs-api.ts') },
  { specPath: resolve(ROOT, 'mocks/admin-openapi.yaml'), generatedPath: resolve(ROOT, 'src/generated/admin-api.ts') },
];

/**
 * The TypeScript openapi-typescript generates for a spec, header included.
 * @example
 * writeFileSync('src/generated/jobs-api.ts', await generateTypes('openapi.yaml'));
 */
export async function generateTypes(specPath: string): Promise<string> {
  const ast = await openapiTS(pathToFileURL(resolve(specPath)), { silent: true });
  return COMMENT_HEADER + astToString(ast);
}

/**
 * Compare a committed generated file with what the current spec generates, byte for byte.
 * @example
 * const check = await checkGeneratedTypes('openapi.yaml', 'src/generated/jobs-api.ts');
 * if (!check.ok) console.error(check.error.message);
 */
export async function checkGeneratedTypes(specPath: string, generatedPath: string): Promise<GeneratedCheck> {
  const shown = relative(process.cwd(), generatedPath) || generatedPath;
  const fix = `regenerate it from ${relative(process.cwd(), specPath) || specPath} (npm run generate)`;
  if (!existsSync(generatedPath)) return { ok: false, error: { kind: 'missing', message: `${shown} is missing: ${fix}` } };
  const expected = await generateTypes(specPath);
  const actual = readFileSync(generatedPath, 'utf8');
  if (expected === actual) return { ok: true };
  const line = firstDifferentLine(expected, actual);
  return { ok: false, error: { kind: 'stale', line, message: `${shown} is stale (first difference at line ${line}): ${fix}` } };
}

function firstDifferentLine(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  let i = 0;
  while (i < left.length && i < right.length && left[i] === right[i]) i += 1;
  return i + 1;
}

async function main(args: readonly string[]): Promise<number> {
  const [specPath, generatedPath] = args.filter((a) => !a.startsWith('--'));
  const pairs = specPath && generatedPath ? [{ specPath, generatedPath }] : GENERATED_PAIRS.filter((p) => existsSync(p.specPath));
  if (args.includes('--write')) {
    for (const p of pairs) writeFileSync(p.generatedPath, await generateTypes(p.specPath));
    return 0;
  }
  let failed = 0;
  for (const p of pairs) {
    const check = await checkGeneratedTypes(p.specPath, p.generatedPath);
    if (!check.ok) {
      console.error(check.error.message);
      failed += 1;
    }
  }
  return failed === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
