import {
  MOCK_PROVIDER_STATES_PATH,
  formatVerificationReport,
  toJUnitXml,
  verifyProvider,
  type VerifyProviderOptions,
} from '../verification/index.js';
import { parseCommandArgs, writeReportFile } from './command-args.js';
import { UsageError, type CommandIO } from './command-io.js';

/** `capydb-jobs verify --help`. */
export const VERIFY_HELP = `Usage: capydb-jobs verify --provider-base-url URL [options]

Verify a running CapyDB Jobs API against the kit's Pact contracts (the pacts the typed client
needs). For each interaction Pact asks the provider-state endpoint to set up a state, uses the ids
and token it answers, sends the request and compares the response.

Options:
  --provider-base-url URL           Root URL of the API under test (required), e.g. http://127.0.0.1:8080
  --provider-states-setup-url URL   Pact's state-change endpoint: POST {"state", "params", "action"},
                                    answering JSON such as {"projectId", "jobId", "token"}
                                    (default: <provider-base-url>${MOCK_PROVIDER_STATES_PATH})
  --token T                         Bearer token that replaces the one on every request that carries an
                                    Authorization header; requests without one stay anonymous
  --pact PATH                       A pact file to verify; repeat for several
                                    (default: the pacts shipped in contracts/pacts/)
  --junit PATH                      Also write the results as JUnit XML to PATH
  -h, --help                        Show this help

Exit codes: 0 every interaction passed, 1 a failure (or verification could not run), 2 usage error.
Needs the optional peer dependency @pact-foundation/pact 16.`;

const OPTIONS = {
  'provider-base-url': { type: 'string' },
  'provider-states-setup-url': { type: 'string' },
  token: { type: 'string' },
  pact: { type: 'string', multiple: true },
  junit: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface VerifyCommandOptions {
  readonly verify: Omit<VerifyProviderOptions, 'verifier'>;
  readonly junit: string | undefined;
}

/**
 * `capydb-jobs verify`: verify a provider against the pacts, print a report, optionally write
 * JUnit XML. Resolves with the exit code.
 * @example
 * const code = await runVerifyCommand(['--provider-base-url', 'http://127.0.0.1:4010'], PROCESS_IO);
 */
export async function runVerifyCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  let parsed: VerifyCommandOptions | 'help';
  try {
    parsed = parseVerifyArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`capydb-jobs verify: ${error.message} (see --help)`);
    return 2;
  }
  if (parsed === 'help') {
    io.stdout(VERIFY_HELP);
    return 0;
  }

  const result = await verifyProvider(parsed.verify);
  if (!result.ok) {
    io.stderr(`capydb-jobs verify: ${result.error.message}`);
    return result.error.kind === 'pact-unreadable' && parsed.verify.pactPaths !== undefined ? 2 : 1;
  }
  io.stdout(formatVerificationReport(result.value));
  if (parsed.junit !== undefined && !(await writeReportFile(parsed.junit, toJUnitXml(result.value), io, 'verify'))) return 1;
  return result.value.ok ? 0 : 1;
}

function parseVerifyArgs(argv: readonly string[]): VerifyCommandOptions | 'help' {
  const values = parseCommandArgs(argv, OPTIONS);
  if (values.help === true) return 'help';

  const baseUrl = values['provider-base-url'];
  if (baseUrl === undefined) throw new UsageError('--provider-base-url is required');
  const statesUrl = values['provider-states-setup-url'];
  const token = values.token;
  if (token !== undefined && token.trim() === '') throw new UsageError('--token must not be empty');
  if (values.junit !== undefined && values.junit.trim() === '') throw new UsageError('--junit needs a file path');

  return {
    verify: {
      providerBaseUrl: httpUrl('--provider-base-url', baseUrl),
      ...(statesUrl === undefined ? {} : { providerStatesSetupUrl: httpUrl('--provider-states-setup-url', statesUrl) }),
      ...(token === undefined ? {} : { token }),
      ...(values.pact === undefined ? {} : { pactPaths: values.pact }),
    },
    junit: values.junit,
  };
}

function httpUrl(flag: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${flag} is not a URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${flag} must be an http(s) URL: ${JSON.stringify(value)}`);
  return value;
}
