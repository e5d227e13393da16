#!/usr/bin/env node
import { PROCESS_IO, UsageError, type CommandIO, type CommandRunner } from './command-io.js';

/** `capydb-jobs --help`. */
export const MAIN_HELP = `Usage: capydb-jobs <command> [options]

Commands:
  serve     run the CapyDB Jobs API mock server (default port 4010)
  verify    verify a Jobs API implementation against the committed Pact contracts
  conform   check a live Jobs API implementation against openapi.yaml and the precedence table
  help      show this help

Run "capydb-jobs <command> --help" for a command's options.
`;

const COMMANDS: Record<string, () => Promise<CommandRunner>> = {
  serve: async () => (await import('./serve-command.js')).runServeCommand,
  verify: async () => (await import('./verify-command.js')).runVerifyCommand,
  conform: async () => (await import('./conform-command.js')).runConformCommand,
};

/**
 * Run the CLI: dispatch to a command; a usage mistake prints one line and exits 2, an
 * unexpected error prints one line and exits 1 (never a stack trace).
 * @example process.exitCode = await runCli(['serve', '--port', '0'])
 */
export async function runCli(argv: readonly string[], io: CommandIO = PROCESS_IO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(MAIN_HELP);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`capydb-jobs: unknown command "${name}" (try: capydb-jobs --help)`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`capydb-jobs ${name}: ${message.split('\n')[0] ?? message}`);
    return error instanceof UsageError ? 2 : 1;
  }
}

const isMain = process.argv[1] !== undefined && /(?:main\.[jt]s|capydb-jobs)$/.test(process.argv[1]);
if (isMain) {
  process.exitCode = await runCli(process.argv.slice(2));
}
