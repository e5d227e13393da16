import { copyFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
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
  await interaction.declare(pact).executeTest((server) => interaction.exercise(server.url));
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
