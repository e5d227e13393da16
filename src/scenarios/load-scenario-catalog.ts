import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageFile } from '../spec/openapi-validator.js';
import { parseScenario, type ScenarioProblem } from './parse-scenario.js';
import type { Scenario } from './scenario-types.js';

/** The catalog shipped with the kit. */
export const SCENARIO_DIR = findPackageFile('mocks/scenarios');

/** Every scenario of a folder (Node only), or every problem of every bad file. */
export function loadScenarioCatalog(
  dir: string = SCENARIO_DIR,
): { ok: true; value: readonly Scenario[] } | { ok: false; problems: readonly ScenarioProblem[] } {
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  const scenarios: Scenario[] = [];
  const problems: ScenarioProblem[] = [];
  for (const file of files) {
    const parsed = loadScenarioFile(join(dir, file));
    if (parsed.ok) scenarios.push(parsed.value);
    else problems.push(...parsed.problems);
  }
  const seen = new Set<string>();
  for (const s of scenarios) {
    if (seen.has(s.name)) problems.push({ file: dir, path: '/name', message: `two scenarios are named "${s.name}"` });
    seen.add(s.name);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: scenarios };
}

/** One scenario file (Node only). */
export function loadScenarioFile(path: string): { ok: true; value: Scenario } | { ok: false; problems: readonly ScenarioProblem[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return { ok: false, problems: [{ file: path, path: '/', message: `cannot read the file (${code})` }] };
  }
  return parseScenario(text, path);
}
