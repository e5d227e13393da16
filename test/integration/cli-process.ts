import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The package root (where `npm start` runs). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

/** A CLI process started like `npm start` (`tsx src/cli/main.ts ...`), with its output so far. */
export interface CliProcess {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal name) once the process ends. */
  readonly exited: Promise<number | string>;
}

/** Spawn `tsx src/cli/main.ts <args>` from the package root. */
export function spawnCli(args: readonly string[]): CliProcess {
  const child = spawn(TSX, ['src/cli/main.ts', ...args], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  return { child, stdout: () => out, stderr: () => err, exited };
}

const BANNER = /CapyDB Jobs API mock listening on (http:\/\/\S+)/;

/** Wait for the serve banner and return the bound URL (rejects if the process ends first). */
export async function waitForBanner(cli: CliProcess, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = BANNER.exec(cli.stdout());
    if (match?.[1]) return match[1];
    if (cli.child.exitCode !== null) throw new Error(`serve exited ${cli.child.exitCode}: ${cli.stderr()}`);
    if (Date.now() > deadline) throw new Error(`no banner within ${timeoutMs} ms: ${cli.stdout()} ${cli.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
