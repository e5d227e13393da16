#!/usr/bin/env node
// The one test command (`npm test`): every check CI runs, each step and each vitest test
// counted, and a last line `N passed, N failed` whatever happens.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const npx = (args) => ['npx', ['--no-install', ...args]];
const STEPS = [
  ['spec lint (spectral + redocly)', 'npm', ['run', '-s', 'lint:spec']],
  ['generated types are current', 'npm', ['run', '-s', 'generate:check']],
  ['typecheck (strict tsc)', ...npx(['tsc', '--noEmit', '-p', 'tsconfig.json'])],
  ['build (dist/)', 'npm', ['run', '-s', 'build']],
];

let passed = 0;
let failed = 0;
const failures = [];
const run = (name, cmd, args, env = {}) => {
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`${ok ? 'PASS' : 'FAIL'} step: ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (ok) passed += 1;
  else {
    failed += 1;
    failures.push(`step: ${name}`);
  }
  return ok;
};

try {
  for (const [name, cmd, args] of STEPS) run(name, cmd, args);

  const dir = mkdtempSync(join(tmpdir(), 'capydb-vitest-'));
  const report = join(dir, 'report.json');
  const vitestOk = run('vitest', ...npx(['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]), { PACT_DO_NOT_TRACK: 'true' });
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    let testsPassed = 0;
    for (const file of json.testResults ?? []) {
      for (const test of file.assertionResults ?? []) {
        if (test.status === 'passed') testsPassed += 1;
        else if (test.status === 'failed') {
          failed += 1;
          failures.push(`test: ${test.fullName ?? test.title}`);
        }
      }
      if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) {
        failed += 1;
        failures.push(`test file: ${file.name} (${(file.message ?? '').split('\n')[0]})`);
      }
    }
    passed += testsPassed;
    if (testsPassed === 0) {
      failed += 1;
      failures.push('vitest ran no test');
    }
  } else if (vitestOk) {
    failed += 1;
    failures.push('vitest wrote no report');
  }
  rmSync(dir, { recursive: true, force: true });
} catch (error) {
  failed += 1;
  failures.push(`runner: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  if (failures.length > 0) console.log(`\nFailed:\n  ${failures.join('\n  ')}`);
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}
