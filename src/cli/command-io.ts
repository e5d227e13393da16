/** Where a command writes; injected so tests can capture output. */
export interface CommandIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** A CLI sub-command: parses its own argv (after the command name) and returns the exit code. */
export type CommandRunner = (argv: readonly string[], io: CommandIO) => Promise<number>;

/** The process's own streams. */
export const PROCESS_IO: CommandIO = {
  stdout: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** A user mistake on the command line: printed as one line, exit code 2, never a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
