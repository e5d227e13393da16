import { copyFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { PactV4 } from '@pact-foundation/pact';
import type { JobsClientInteraction } from './jobs-client-interactions.js';

/** The two parties of the contract, as the pact file names them. */
export const JOBS_CLIENT_PACT = { consumer: 'capydb-jobs-kit-client', provider: 'capydb-jobs-api' } as const;
/** The pact file Pact writes: `<consumer>-<provider>.json`. */
export const JOBS_CLIENT_PACT_FILE = `${JOBS_CLIENT_PACT.consumer}-${JOBS_CLIENT_PACT.provider}.json`;
/** Where the committed pacts live (`contracts/pacts/`). */
export const COMMITTED_PACTS_DIR = fileURLToPath(new URL('../pacts/', import.meta.url));

/**
 * A V4 pact of the jobs client that writes into `dir`.
 * @example
 * const pact = createJobsClientPact(mkdtempSync(join(tmpdir(), 'pact-')));
 */
export function createJobsClientPact(dir: string): PactV4 {
  return new PactV4({ ...JOBS_CLIENT_PACT, dir, logLevel: 'warn' });
}

/**
 * Declare one interaction, start its mock server, drive the client against it; Pact appends the
 * interaction to the pact file once it matched.
 * @example
 * for (const interaction of JOBS_CLIENT_INTERACTIONS) await runJobsClientInteraction(pact, interaction);
 */
export async function runJobsClientInteraction(pact: PactV4, interaction: JobsClientInteraction): Promise<void> {
  await interaction.declare(pact).executeTest(async (server) => {
    await interaction.exercise(server.url);
    await untilMockServerRecorded(pact, server.port);
  });
}

// Pact 16.3+ records a matched request on a background task after answering it, and checks the
// record as soon as the test function returns: under CPU load it then reports the request as
// "expected but not received" (pact-foundation/pact-core-mock-server#13). Wait for the record,
// for a bounded time; a request that really never came still fails once the wait is over.
async function untilMockServerRecorded(pact: PactV4, port: number, limitMs = 2_000): Promise<void> {
  const matched = (pact as unknown as { pact?: { mockServerMatchedSuccessfully?: (port: number) => boolean } }).pact
    ?.mockServerMatchedSuccessfully;
  if (typeof matched !== 'function') return;
  for (let waited = 0; waited < limitMs && !matched(port); waited += 5) await sleep(5);
}

/**
 * Replace the committed pact with a freshly written one. Copy then rename, so a verification
 * reading the committed file at the same moment sees the old or the new file, never half of one.
 * @example
 * publishJobsClientPact(tmpDir);
 */
export function publishJobsClientPact(fromDir: string, toDir: string = COMMITTED_PACTS_DIR): string {
  const target = join(toDir, JOBS_CLIENT_PACT_FILE);
  const staging = `${target}.${process.pid}.tmp`;
  copyFileSync(join(fromDir, JOBS_CLIENT_PACT_FILE), staging);
  renameSync(staging, target);
  return target;
}
