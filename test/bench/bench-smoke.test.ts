import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TABLE_HEADER } from '../../bench/report.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

describe('bench/run-bench.ts', () => {
  it('--smoke exits 0 and prints the table header', () => {
    const run = spawnSync(TSX, ['bench/run-bench.ts', '--smoke'], { cwd: ROOT, encoding: 'utf8', timeout: 170_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(TABLE_HEADER);
  }, 180_000);

  it('rejects an unknown flag with exit 1 and no table', () => {
    const run = spawnSync(TSX, ['bench/run-bench.ts', '--no-such-flag'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('unknown or incomplete flag --no-such-flag');
    expect(run.stdout).not.toContain(TABLE_HEADER);
  }, 70_000);
});
