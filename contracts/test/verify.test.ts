import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runVerifyCommand } from '../../src/cli/verify-command.js';
import { verifyProvider, type VerificationReport } from '../../src/verification/index.js';
import {
  BREAKAGES,
  PROVIDER_STATES_PATH,
  startReferenceProvider,
  type BreakageName,
} from '../reference-provider/index.js';

/** Run verify (library) against a fresh reference provider, optionally broken. */
async function verifyReference(breakage?: BreakageName): Promise<VerificationReport> {
  const provider = await startReferenceProvider(breakage === undefined ? {} : { breakage });
  try {
    const result = await verifyProvider({ providerBaseUrl: provider.url, providerStatesSetupUrl: `${provider.url}${PROVIDER_STATES_PATH}` });
    if (!result.ok) throw new Error(`verification did not run: ${result.error.message}`);
    return result.value;
  } finally {
    await provider.close();
  }
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) }, out, err };
}

// For each breakage the pacts can see: an interaction that must catch it, and a fragment of the mismatch.
const CAUGHT: Partial<Record<BreakageName, { readonly interaction: string; readonly mismatch: string }>> = {
  'misspelled-field': { interaction: 'a request for a running job', mismatch: 'missing the following keys: created_at' },
  'state-outside-enum': { interaction: 'a request for a completed job', mismatch: "Expected 'done'" },
  'limit-ignored': { interaction: "a request for a project's 5 most recent jobs", mismatch: 'body $.jobs' },
  'no-auth-required': { interaction: "a request for a project's jobs without credentials", mismatch: 'expected 401 but was 200' },
  '500-instead-of-404': { interaction: 'a request for an unknown job', mismatch: 'expected 404 but was 500' },
  'wrong-content-type': { interaction: 'a request for a pending job', mismatch: 'text/plain' },
  'missing-required-field': { interaction: 'a request for a pending job', mismatch: 'missing the following keys: max_attempts' },
  'completed-without-completed-at': { interaction: 'a request for a completed job', mismatch: 'missing the following keys: completed_at' },
};
// Pact cannot see these; `conform` checks them: order is not expressible with Pact matchers, and
// no shared provider state hands out another organization's project or job.
const UNSEEN: readonly BreakageName[] = ['oldest-first', 'foreign-job-served'];

describe('verify against the reference provider', () => {
  it('every breakage is either caught by a named interaction or known to be out of reach', () => {
    const classified = [...Object.keys(CAUGHT), ...UNSEEN].sort();
    expect(classified).toEqual(Object.keys(BREAKAGES).sort());
  });

  it('passes on the unbroken provider, every interaction of the pact verified', async () => {
    const report = await verifyReference();
    expect(report.interactions.filter((v) => !v.ok).map((v) => [v.description, v.failures])).toEqual([]);
    expect(report.interactions.length).toBeGreaterThanOrEqual(13);
    expect(report.ok).toBe(true);
  });

  it.each(Object.entries(CAUGHT))('fails on %s, caught by the interaction named', async (breakage, expected) => {
    const report = await verifyReference(breakage as BreakageName);
    expect(report.ok).toBe(false);
    const catcher = report.interactions.find((v) => v.description === expected?.interaction);
    expect(catcher?.ok).toBe(false);
    expect(catcher?.failures.join('\n')).toContain(expected?.mismatch);
  });

  it.each(UNSEEN)('cannot see %s (left to conform)', async (breakage) => {
    const report = await verifyReference(breakage);
    expect(report.interactions.filter((v) => !v.ok)).toEqual([]);
  });
});

describe('capydb-jobs verify against the reference provider', () => {
  const dir = mkdtempSync(join(tmpdir(), 'capydb-verify-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 with a report naming every interaction, and writes JUnit XML', async () => {
    const provider = await startReferenceProvider();
    const junit = join(dir, 'reports', 'pact.xml');
    const { io, out, err } = capture();
    try {
      const code = await runVerifyCommand(
        ['--provider-base-url', provider.url, '--provider-states-setup-url', `${provider.url}${PROVIDER_STATES_PATH}`, '--junit', junit],
        io,
      );
      expect(err).toEqual([]);
      expect(code).toBe(0);
    } finally {
      await provider.close();
    }
    const report = out.join('\n');
    expect(report).toContain('✓ a request for a failed job (given a job in state failed exists)');
    expect(report).not.toContain('✗');
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuites name="capydb-jobs verify" tests="1\d" failures="0">/);
    expect(xml).not.toContain('<failure');
  });

  it('exits 1 on a broken provider and reports the failing interaction with its mismatch, in JUnit too', async () => {
    const provider = await startReferenceProvider({ breakage: '500-instead-of-404' });
    const junit = join(dir, 'broken.xml');
    const { io, out } = capture();
    try {
      const code = await runVerifyCommand(
        ['--provider-base-url', provider.url, '--provider-states-setup-url', `${provider.url}${PROVIDER_STATES_PATH}`, '--junit', junit],
        io,
      );
      expect(code).toBe(1);
    } finally {
      await provider.close();
    }
    expect(out.join('\n')).toMatch(/✗ a request for an unknown job \(given no job with this id exists\)\n\s+status: expected 404 but was 500/);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('failures="2"');
    expect(xml).toMatch(/name="a request for an unknown job \(given no job with this id exists\)">\s*<failure message="status: expected 404 but was 500"/);
  });

  it('--token replaces the token of authorized requests only: the anonymous interaction still passes', async () => {
    const provider = await startReferenceProvider();
    const { io, out } = capture();
    try {
      const code = await runVerifyCommand(
        ['--provider-base-url', provider.url, '--provider-states-setup-url', `${provider.url}${PROVIDER_STATES_PATH}`, '--token', 'capy_live_not_a_key_of_this_provider'],
        io,
      );
      expect(code).toBe(1);
    } finally {
      await provider.close();
    }
    const report = out.join('\n');
    expect(report).toContain("✓ a request for a project's jobs without credentials");
    expect(report).toMatch(/✗ a request for a running job .*\n\s+status: expected 200 but was 401/);
    expect(report).toMatch(/1 passed, \d+ failed/);
  });
});
