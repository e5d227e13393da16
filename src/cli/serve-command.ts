import { README_API_KEY } from '../auth/index.js';
import { MAIN_PROJECT_ID } from '../data/index.js';
import { createMockApi, MockApiOptionsError } from '../mock-api/index.js';
import { formatScenarioProblem } from '../scenarios/index.js';
import { loadScenarioCatalog, loadScenarioFile } from '../scenarios/load-scenario-catalog.js';
import { startMockServer, MockServerOptionsError } from '../../mocks/server/index.js';
import { parseCommandArgs } from './command-args.js';
import { UsageError, type CommandIO } from './command-io.js';

const SERVE_OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  seed: { type: 'string' },
  now: { type: 'string' },
  scenario: { type: 'string' },
  'scenario-file': { type: 'string' },
  speed: { type: 'string' },
  frozen: { type: 'boolean' },
  'admin-token': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `capydb-jobs serve --help`. */
export const SERVE_HELP = `Usage: capydb-jobs serve [options]

Serve the CapyDB Jobs API mock over HTTP (Jobs API, admin API and control panel at /__mock/).

Options:
  --port N              port to listen on (default 4010; 0 picks a free one)      env CAPYDB_MOCK_PORT
  --host HOST           address to bind (default 127.0.0.1)                        env CAPYDB_MOCK_HOST
  --seed N              dataset seed, an integer (default 42)                      env CAPYDB_MOCK_SEED
  --now ISO             the dataset's reference time (default: the current time)   env CAPYDB_MOCK_NOW
  --scenario NAME       apply a catalog scenario at start                          env CAPYDB_MOCK_SCENARIO
  --scenario-file PATH  load a scenario file, add it to the catalog and apply it
  --speed N             clock speed for live jobs (default 1; 60 = a minute per second)
  --frozen              start with the clock frozen (advance it with the admin API)
  --admin-token T       protect the admin API; required to bind a non-loopback host env CAPYDB_MOCK_ADMIN_TOKEN
  --help                show this help
`;

/**
 * `capydb-jobs serve`: start the standalone mock and run until SIGINT/SIGTERM.
 * @example await runServeCommand(['--port', '0'], PROCESS_IO)
 */
export async function runServeCommand(argv: readonly string[], io: CommandIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const values = parseCommandArgs(argv, SERVE_OPTIONS);
  if (values.help) {
    io.stdout(SERVE_HELP);
    return 0;
  }
  const port = integer('--port', values.port ?? env['CAPYDB_MOCK_PORT'] ?? '4010', 0, 65535);
  const seed = integer('--seed', values.seed ?? env['CAPYDB_MOCK_SEED'] ?? '42', -(2 ** 31), 2 ** 31 - 1);
  const nowText = values.now ?? env['CAPYDB_MOCK_NOW'];
  const now = nowText === undefined ? new Date() : new Date(nowText);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now must be an RFC 3339 date, got "${nowText ?? ''}"`);
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  if (!(speed > 0 && speed <= 100_000)) throw new UsageError(`--speed must be a number above 0 and at most 100000, got "${values.speed ?? ''}"`);
  const host = values.host ?? env['CAPYDB_MOCK_HOST'] ?? '127.0.0.1';
  const adminToken = values['admin-token'] ?? env['CAPYDB_MOCK_ADMIN_TOKEN'];

  const catalog = loadScenarioCatalog();
  if (!catalog.ok) throw new UsageError(catalog.problems.map(formatScenarioProblem).join('; '));
  const scenarios = [...catalog.value];
  let scenario = values.scenario ?? env['CAPYDB_MOCK_SCENARIO'];
  if (values['scenario-file'] !== undefined) {
    const file = loadScenarioFile(values['scenario-file']);
    if (!file.ok) throw new UsageError(file.problems.map(formatScenarioProblem).join('; '));
    const index = scenarios.findIndex((s) => s.name === file.value.name);
    if (index >= 0) scenarios.splice(index, 1);
    scenarios.push(file.value);
    scenario ??= file.value.name;
  }

  let api;
  try {
    api = createMockApi({ seed, now, speed, frozen: values.frozen ?? false, scenarios, ...(scenario === undefined ? {} : { scenario }) });
  } catch (error) {
    if (error instanceof MockApiOptionsError) throw new UsageError(error.message);
    throw error;
  }
  let server;
  try {
    server = await startMockServer({ api, port, host, ...(adminToken === undefined ? {} : { adminToken }) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${port} on ${host} is already in use (try --port 0 or another port)`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EACCES') throw new UsageError(`cannot listen on ${host}:${port} (${code})`);
    if (error instanceof MockServerOptionsError) throw new UsageError(error.message);
    throw error;
  }
  io.stdout(banner(server.url, seed, now, scenario));
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.stdout('capydb-jobs: shutting down');
      void server.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

function integer(flag: string, text: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(text)) throw new UsageError(`${flag} must be an integer, got "${text}"`);
  const value = Number(text);
  if (value < min || value > max) throw new UsageError(`${flag} must be from ${min} to ${max}, got ${value}`);
  return value;
}

function banner(url: string, seed: number, now: Date, scenario: string | undefined): string {
  return `CapyDB Jobs API mock listening on ${url}
  seed ${seed}, now ${now.toISOString()}${scenario ? `, scenario ${scenario}` : ''}
  API key (organization, jobs:read): ${README_API_KEY}
  main project: ${MAIN_PROJECT_ID}
  control panel: ${url}/__mock/

  curl -H "Authorization: Bearer ${README_API_KEY}" ${url}/v1/projects/${MAIN_PROJECT_ID}/jobs?limit=5
  curl -H "Authorization: Bearer ${README_API_KEY}" -H "Prefer: scenario=one-job-per-state" ${url}/v1/projects/${MAIN_PROJECT_ID}/jobs

Press Ctrl+C to stop.`;
}
