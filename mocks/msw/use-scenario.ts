import type { MockApi } from '../../src/mock-api/index.js';
import type { AppliedScenario } from '../../src/mock-api/index.js';

/** Thrown when a test asks for a scenario the mock cannot apply. */
export class ScenarioNotAppliedError extends Error {
  override readonly name = 'ScenarioNotAppliedError';
}

/**
 * Apply a catalog scenario to the mock behind MSW handlers, for one test. Returns the seeded
 * jobs' ids by their refs; call `api.reset()` (e.g. in `afterEach`) to go back.
 * @example
 * const { api } = createHandlers({ scenarios: loadCatalogOrThrow() });
 * const applied = useScenario(api, 'retrying');
 * await client.getJob(applied.jobs['retrying']!);
 */
export function useScenario(api: MockApi, name: string, options: { readonly projectId?: string } = {}): AppliedScenario {
  const applied = api.applyScenario(name, options);
  if (!applied.ok) throw new ScenarioNotAppliedError(applied.error);
  return applied.value;
}
