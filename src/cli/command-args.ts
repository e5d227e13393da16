import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, type CommandIO } from './command-io.js';

/** The option table of a command, as `parseArgs` takes it. */
export type CommandOptions = NonNullable<ParseArgsConfig['options']>;
/** The values `parseArgs` gives for an option table. */
export type ParsedValues<O extends CommandOptions> = ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: false }>>['values'];

/**
 * `parseArgs` in strict mode, with a mistake turned into a one-line `UsageError`.
 * @example const values = parseCommandArgs(['--port', '0'], { port: { type: 'string' } });
 */
export function parseCommandArgs<O extends CommandOptions>(argv: readonly string[], options: O): ParsedValues<O> {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // parseArgs explains at length how to pass a positional starting with '-'; the first sentence is the problem.
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError((message.split(/\.\s/, 1)[0] ?? message).replace(/\.$/, ''));
  }
}

/**
 * Write a report file (`--junit PATH`), creating its folder; says so in one line when it cannot.
 * @example if (!(await writeReportFile('out/junit.xml', xml, io, 'conform'))) return 1;
 */
export async function writeReportFile(path: string, text: string, io: CommandIO, command: string): Promise<boolean> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    return true;
  } catch (error) {
    io.stderr(`capydb-jobs ${command}: cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
