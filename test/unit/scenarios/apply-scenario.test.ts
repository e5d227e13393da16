import { describe, expect, it } from 'vitest';
import { createDataset, DEFAULT_NOW, MAIN_PROJECT_ID } from '../../../src/data/index.js';
import { applyScenario, parseScenario, type Scenario } from '../../../src/scenarios/index.js';
import { EMPTY_STORE } from '../../../src/store/mock-store.js';
import { createStoreRepository } from '../../../src/store/store-repository.js';
import { createOpenApiValidator } from '../../../src/spec/openapi-validator.js';

const dataset = createDataset();
const spec = createOpenApiValidator();
const apply = (scenario: Scenario) => applyScenario(scenario, { dataset, store: EMPTY_STORE, at: DEFAULT_NOW, runSecondsFor: () => 30 });

describe('applyScenario', () => {
  it.each([
    ['pending', {}, 0],
    ['pending', { attempts: 2, failure: 'transient' }, 2],
    ['running', {}, 1],
    ['running', { attempts: 3 }, 3],
    ['completed', { attempts: 2 }, 2],
    ['failed', {}, 3],
    ['failed', { attempts: 1, failure: 'permanent' }, 1],
    ['failed', { attempts: 2, failure: 'permanent', exitCode: 137 }, 2],
  ] as const)('builds a valid %s job from %j (attempts %i)', (state, extra, attempts) => {
    const applied = apply({ name: 't', description: 't', jobs: [{ ref: 'j', state, ...extra }] });
    if (!applied.ok) throw new Error(applied.problems.map((p) => p.message).join('; '));
    const job = createStoreRepository(dataset, applied.value.store).findJob(applied.value.jobs['j'] ?? '', DEFAULT_NOW);
    expect(job?.state).toBe(state);
    expect(job?.attempts).toBe(attempts);
    expect(spec.validateSchema('Job', job)).toEqual({ ok: true });
  });

  it.each([
    ['running with no attempt', { state: 'running', attempts: 0 }],
    ['failed transiently with attempts left', { state: 'failed', attempts: 1, failure: 'transient' }],
    ['more attempts than allowed', { state: 'failed', attempts: 5, maxAttempts: 3 }],
  ] as const)('refuses a job %s, and changes nothing', (_, job) => {
    const applied = apply({ name: 't', description: 't', jobs: [{ ref: 'ok', state: 'completed' }, { ref: 'bad', ...job }] });
    expect(applied.ok).toBe(false);
    if (!applied.ok) expect(applied.problems[0]?.path).toBe('/jobs/1');
    expect(createStoreRepository(dataset, EMPTY_STORE).listJobs(MAIN_PROJECT_ID, 25, DEFAULT_NOW)).toHaveLength(25);
  });

  it('refuses an unknown project and more generated jobs than the project has', () => {
    expect(apply({ name: 't', description: 't', project: 'prj_nowhere', jobs: [] }).ok).toBe(false);
    expect(apply({ name: 't', description: 't', generate: 1000 }).ok).toBe(false);
  });

  it('gives the same ids for the same seed, scenario and ref', () => {
    const scenario: Scenario = { name: 'same', description: 'd', jobs: [{ ref: 'a', state: 'pending' }] };
    const first = apply(scenario);
    const second = apply(scenario);
    expect(first.ok && first.value.jobs).toEqual(second.ok && second.value.jobs);
  });
});

describe('parseScenario', () => {
  it('accepts a minimal file', () => {
    expect(parseScenario('name: tiny\ndescription: nothing\n', 'tiny.yaml').ok).toBe(true);
  });

  it.each([
    ['name: [unclosed', '/', /not valid YAML/],
    ['name: Bad Name\ndescription: x\n', '/name', /pattern/],
    ['name: x\ndescription: x\njobs:\n  - { ref: a, state: done }\n', '/jobs/0/state', /allowed values/],
    ['name: x\ndescription: x\njobs:\n  - { ref: a, state: pending }\n  - { ref: a, state: running }\n', '/jobs/1/ref', /used twice/],
    ['name: x\ndescription: x\nexpect:\n  jobs:\n    - { ref: ghost }\n', '/expect/jobs/0/ref', /no job has ref "ghost"/],
    ['name: x\ndescription: x\ncolour: blue\n', '/', /additional properties \("colour"\)/],
  ])('names the path and the problem of %j', (text, path, message) => {
    const parsed = parseScenario(text, 'bad.yaml');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problems.some((p) => p.file === 'bad.yaml' && p.path === path && message.test(p.message))).toBe(true);
    }
  });
});
