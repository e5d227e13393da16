import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conformanceOptionsFromProviderStates, runConformance } from '../../src/conformance/index.js';
import { FOREIGN_PROJECT_ID, createDataset } from '../../src/data/index.js';
import { startMockServer, type RunningMockServer } from '../../mocks/server/index.js';

describe('conform against the standalone mock', () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await startMockServer({ port: 0, frozen: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it('passes every check, with options taken from the mock’s own provider states', async () => {
    const options = await conformanceOptionsFromProviderStates({
      baseUrl: server.url,
      providerStatesUrl: `${server.url}/__mock/provider-states`,
    });
    if (!options.ok) throw new Error(options.error);
    const dataset = createDataset();
    const foreign = dataset.findProject(FOREIGN_PROJECT_ID);
    const foreignJob = foreign && dataset.listJobs(foreign, 1)[0];
    const report = await runConformance({
      ...options.value,
      foreignProjectId: FOREIGN_PROJECT_ID,
      ...(foreignJob ? { foreignJobId: foreignJob.id } : {}),
      maxRequests: 150,
      seed: 7,
    });
    const failures = report.checks.filter((c) => c.outcome === 'fail').map((c) => `${c.name}: ${c.message}`);
    expect(failures).toEqual([]);
    expect(report.ok).toBe(true);
    // The optional credentials were really exercised, not skipped.
    const names = new Set(report.checks.map((c) => c.name));
    expect(options.value.scopedToken).toBeDefined();
    expect(options.value.noJobsReadToken).toBeDefined();
    expect([...names].some((n) => n.startsWith('access.'))).toBe(true);
  });
});
