import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import schema from '../../mocks/scenarios/scenario.schema.json' with { type: 'json' };
import type { Scenario } from './scenario-types.js';

/** Why a scenario file was refused: the file, the path inside it and what is wrong. */
export interface ScenarioProblem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

/** A parsed scenario, or every problem found in it. */
export type ScenarioParse =
  | { readonly ok: true; readonly value: Scenario }
  | { readonly ok: false; readonly problems: readonly ScenarioProblem[] };

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile<Scenario>(schema);

/** One line for a person: `file: /jobs/0/state: must be one of ...`. */
export function formatScenarioProblem(problem: ScenarioProblem): string {
  return `${problem.file}: ${problem.path}: ${problem.message}`;
}

/**
 * Parse and validate one scenario file (YAML or JSON text): the schema first, then the rules a
 * schema cannot say (unique refs, references that exist).
 * @example parseScenario('name: empty\ndescription: No jobs\njobs: []\n', 'empty.yaml')
 */
export function parseScenario(text: string, file: string): ScenarioParse {
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    const message = error instanceof YAMLParseError ? error.message.split('\n')[0] ?? error.message : String(error);
    return { ok: false, problems: [{ file, path: '/', message: `not valid YAML: ${message}` }] };
  }
  if (!validate(data)) {
    const problems = (validate.errors ?? []).map((e) => ({
      file,
      path: e.instancePath || '/',
      message: `${e.message ?? 'invalid'}${describeParams(e.params)}`,
    }));
    return { ok: false, problems };
  }
  const problems = checkReferences(data, file);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: data };
}

function describeParams(params: Record<string, unknown>): string {
  if ('allowedValues' in params) return ` (${(params['allowedValues'] as unknown[]).join(', ')})`;
  if ('additionalProperty' in params) return ` ("${String(params['additionalProperty'])}")`;
  return '';
}

function checkReferences(scenario: Scenario, file: string): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const refs = new Set<string>();
  const seed = [...(scenario.jobs ?? []).map((j, i) => ({ ref: j.ref, path: `/jobs/${i}/ref` })), ...(scenario.live ?? []).map((j, i) => ({ ref: j.ref, path: `/live/${i}/ref` }))];
  for (const { ref, path } of seed) {
    if (refs.has(ref)) problems.push({ file, path, message: `ref "${ref}" is used twice` });
    refs.add(ref);
  }
  const mustExist = (ref: string, path: string): void => {
    if (!refs.has(ref)) problems.push({ file, path, message: `no job has ref "${ref}"` });
  };
  scenario.providerStates?.forEach((state, i) => {
    for (const [key, value] of Object.entries(state.values ?? {})) {
      if (value.startsWith('job:')) mustExist(value.slice(4), `/providerStates/${i}/values/${key}`);
    }
  });
  scenario.expect?.jobs?.forEach((job, i) => mustExist(job.ref, `/expect/jobs/${i}/ref`));
  scenario.expect?.timeline?.forEach((step, i) => mustExist(step.ref, `/expect/timeline/${i}/ref`));
  return problems;
}
