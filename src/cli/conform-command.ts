import { formatReport, runConformance, toJUnitXml, type ConformanceOptions } from '../conformance/index.js';
import { parseCommandArgs, writeReportFile } from './command-args.js';
import { UsageError, type CommandIO } from './command-io.js';

/** `capydb-jobs conform --help`. */
export const CONFORM_HELP = `Usage: capydb-jobs conform --base-url URL --token T --project ID [options]

Check that a running implementation of the CapyDB Jobs API (the real control plane, the mock, the
reference provider) behaves as openapi.yaml says: the error precedence table (401, 403, 400, 404,
403), response bodies against the schemas, the JSON content type, limit (default 25, at most 100),
newest-first order, list/get agreement and the job invariants. After a set of fixed checks it sends
requests generated from the spec's parameters (valid and invalid limits, unknown and unusual ids,
bad credentials), the same ones for the same seed. A 429 is honoured by waiting Retry-After.

Options:
  --base-url URL              Root URL of the API under test (required), e.g. http://127.0.0.1:4010
  --token T                   Organization-wide credential with jobs:read (required)
  --project ID                A project of that organization, ideally with 26 jobs or more (required)
  --scoped-token T            A project-scoped credential of the same organization
  --scoped-project ID         The project --scoped-token is scoped to (expects 200 there)
  --sibling-project ID        A project --scoped-token is not scoped to (expects 403 there;
                              default --project, unless --scoped-project is --project)
  --no-jobs-read-token T      A credential without the jobs:read scope (expects 403)
  --foreign-project ID        A project of another organization (expects 404)
  --foreign-job ID            A job of another organization (expects 404)
  --max-requests N            Upper bound of HTTP requests, retries included (default 200)
  --seed N                    Seed of the generated requests (default 1)
  --strict                    Unknown response fields and unexpected error wording fail instead of
                              warning (today's CapyDB adds host_id, instance_id and result)
  --junit PATH                Also write the results as JUnit XML to PATH
  -h, --help                  Show this help

Exit codes: 0 no violation, 1 a violation (or the API could not be reached), 2 usage error.`;

const OPTIONS = {
  'base-url': { type: 'string' },
  token: { type: 'string' },
  project: { type: 'string' },
  'scoped-token': { type: 'string' },
  'scoped-project': { type: 'string' },
  'sibling-project': { type: 'string' },
  'no-jobs-read-token': { type: 'string' },
  'foreign-project': { type: 'string' },
  'foreign-job': { type: 'string' },
  'max-requests': { type: 'string' },
  seed: { type: 'string' },
  strict: { type: 'boolean' },
  junit: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface ConformCommandOptions {
  readonly conform: ConformanceOptions;
  readonly junit: string | undefined;
}

/**
 * `capydb-jobs conform`: run the conformance checks against a live API, print a summary,
 * optionally write JUnit XML. Resolves with the exit code.
 * @example
 * const code = await runConformCommand(['--base-url', 'http://127.0.0.1:4010', '--token', 'capy_live_...', '--project', 'prj_...'], PROCESS_IO);
 */
export async function runConformCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  let parsed: ConformCommandOptions | 'help';
  try {
    parsed = parseConformArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`capydb-jobs conform: ${error.message} (see --help)`);
    return 2;
  }
  if (parsed === 'help') {
    io.stdout(CONFORM_HELP);
    return 0;
  }

  const report = await runConformance(parsed.conform);
  io.stdout(formatReport(report));
  if (parsed.junit !== undefined && !(await writeReportFile(parsed.junit, toJUnitXml(report), io, 'conform'))) return 1;
  return report.ok ? 0 : 1;
}

function parseConformArgs(argv: readonly string[]): ConformCommandOptions | 'help' {
  const values = parseCommandArgs(argv, OPTIONS);
  if (values.help === true) return 'help';

  const required = (flag: 'base-url' | 'token' | 'project'): string => {
    const value = values[flag];
    if (value === undefined) throw new UsageError(`--${flag} is required`);
    if (value.trim() === '') throw new UsageError(`--${flag} must not be empty`);
    return value;
  };
  const optional = (flag: 'scoped-token' | 'scoped-project' | 'sibling-project' | 'no-jobs-read-token' | 'foreign-project' | 'foreign-job'): string | undefined => {
    const value = values[flag];
    if (value !== undefined && value.trim() === '') throw new UsageError(`--${flag} must not be empty`);
    return value;
  };
  const baseUrl = httpUrl(required('base-url'));
  const token = required('token');
  const projectId = required('project');
  for (const flag of ['scoped-project', 'sibling-project'] as const) {
    if (values[flag] !== undefined && values['scoped-token'] === undefined) throw new UsageError(`--${flag} needs --scoped-token`);
  }
  if (values.junit !== undefined && values.junit.trim() === '') throw new UsageError('--junit needs a file path');

  return {
    conform: {
      baseUrl,
      token,
      projectId,
      scopedToken: optional('scoped-token'),
      scopedProjectId: optional('scoped-project'),
      siblingProjectId: optional('sibling-project'),
      noJobsReadToken: optional('no-jobs-read-token'),
      foreignProjectId: optional('foreign-project'),
      foreignJobId: optional('foreign-job'),
      maxRequests: integer('--max-requests', values['max-requests'], 1),
      seed: integer('--seed', values.seed, 0),
      strict: values.strict === true,
    },
    junit: values.junit,
  };
}

function integer(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)) || Number(value) < min) throw new UsageError(`${flag} must be an integer of at least ${min}, got ${JSON.stringify(value)}`);
  return Number(value);
}

function httpUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--base-url is not a URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--base-url must be an http(s) URL: ${JSON.stringify(value)}`);
  return value;
}
