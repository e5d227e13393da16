import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { checkGeneratedTypes, GENERATED_PAIRS, generateTypes } from '../../scripts/check-generated.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const spec = join(root, 'openapi.yaml');
const generated = join(root, 'src/generated/jobs-api.ts');
const work = mkdtempSync(join(tmpdir(), 'capydb-drift-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of openapi.yaml whose Job schema has one more property. */
function specWithExtraJobField(): string {
  const doc = parseDocument(readFileSync(spec, 'utf8'));
  doc.setIn(['components', 'schemas', 'Job', 'properties', 'host_id'], { type: ['string', 'null'], description: 'Host the job runs on.' });
  const path = join(work, 'openapi-extra-field.yaml');
  writeFileSync(path, doc.toString());
  return path;
}

describe('generated types drift check', () => {
  it('finds src/generated/jobs-api.ts identical to what the current openapi.yaml generates', async () => {
    expect(await checkGeneratedTypes(spec, generated)).toEqual({ ok: true });
  });

  it('reports a spec whose Job gained a field as stale, naming the first differing line', async () => {
    const check = await checkGeneratedTypes(specWithExtraJobField(), generated);
    if (check.ok) throw new Error('expected drift to be reported');
    expect(check.error.kind).toBe('stale');
    expect(check.error.message).toMatch(/jobs-api\.ts is stale \(first difference at line \d+\)/);
    expect(await generateTypes(specWithExtraJobField())).toContain('host_id?: string | null;');
  });

  it('reports a missing generated file', async () => {
    const check = await checkGeneratedTypes(spec, join(work, 'nope.ts'));
    expect(!check.ok && check.error.kind).toBe('missing');
  });

  it('regenerates identically from a copy in another directory (no dependence on the working directory)', async () => {
    const copy = join(work, 'openapi.yaml');
    copyFileSync(spec, copy);
    expect(await generateTypes(copy)).toBe(readFileSync(generated, 'utf8'));
  });

  it('covers the jobs spec and the admin spec', () => {
    expect(GENERATED_PAIRS.map((p) => p.generatedPath.replace(root, ''))).toEqual(['/src/generated/jobs-api.ts', '/src/generated/admin-api.ts']);
  });
});

describe('check-generated CLI', () => {
  const tsx = join(root, 'node_modules/.bin/tsx');
  const script = join(root, 'scripts/check-generated.ts');

  it('exits 0 for the committed pair', async () => {
    await expect(run(tsx, [script, spec, generated], { cwd: root })).resolves.toMatchObject({ stderr: '' });
  });

  it('exits 1 with one line for a stale pair', async () => {
    const failure = await run(tsx, [script, specWithExtraJobField(), generated], { cwd: root }).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr?.trim().split('\n')).toHaveLength(1);
    expect(failure?.stderr).toContain('is stale');
  });
});
