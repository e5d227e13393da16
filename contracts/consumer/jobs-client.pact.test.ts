import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { JOBS_CLIENT_INTERACTIONS } from './jobs-client-interactions.js';
import { createJobsClientPact, publishJobsClientPact, runJobsClientInteraction } from './jobs-client-pact.js';

// The pact is written to a fresh directory (no stale interactions merged in) and replaces the
// committed one only on request, so CI never rewrites tracked files and
// contracts/test/pact-regeneration.test.ts can catch a stale pact.
const update = process.env['PACT_UPDATE'] === 'true';
const outDir = mkdtempSync(join(tmpdir(), 'capydb-pact-consumer-'));
const pact = createJobsClientPact(outDir);
let passed = 0;

describe('consumer contract: capydb-jobs-kit-client → capydb-jobs-api', () => {
  afterAll(() => {
    if (update && passed === JOBS_CLIENT_INTERACTIONS.length) publishJobsClientPact(outDir);
    rmSync(outDir, { recursive: true, force: true });
  });

  for (const interaction of JOBS_CLIENT_INTERACTIONS) {
    it(`${interaction.description} (given ${interaction.state})`, async () => {
      await runJobsClientInteraction(pact, interaction);
      passed += 1;
    });
  }
});
