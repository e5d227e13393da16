import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JOBS_CLIENT_INTERACTIONS } from '../consumer/jobs-client-interactions.js';
import {
  COMMITTED_PACTS_DIR,
  JOBS_CLIENT_PACT_FILE,
  createJobsClientPact,
  runJobsClientInteraction,
} from '../consumer/jobs-client-pact.js';

const outDir = mkdtempSync(join(tmpdir(), 'capydb-pact-regen-'));

describe('the committed pact is current', () => {
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it(`regenerating ${JOBS_CLIENT_PACT_FILE} gives the committed bytes`, async () => {
    const pact = createJobsClientPact(outDir);
    for (const interaction of JOBS_CLIENT_INTERACTIONS) await runJobsClientInteraction(pact, interaction);

    const regenerated = readFileSync(join(outDir, JOBS_CLIENT_PACT_FILE), 'utf8');
    const committed = readFileSync(join(COMMITTED_PACTS_DIR, JOBS_CLIENT_PACT_FILE), 'utf8');
    // A plain equality keeps the failure readable; the hint says how to refresh the file.
    expect(
      regenerated === committed,
      `contracts/pacts/${JOBS_CLIENT_PACT_FILE} is stale: run PACT_UPDATE=true npx vitest run contracts/consumer and commit it`,
    ).toBe(true);
    expect(JSON.parse(regenerated)).toEqual(JSON.parse(committed));
  });
});
