/**
 * Child processes of the bench: spawn on 127.0.0.1, wait for the first 200, always killed on exit.
 * @packageDocumentation
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

const live = new Set<ChildProcess>();

/** Kill every child still running (SIGKILL: the bench never needs a graceful stop). */
export function killAllChildren(): void {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  live.clear();
}

process.once('exit', killAllChildren);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killAllChildren();
    process.exit(130);
  });
}

/** A free loopback port (bound on port 0, then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** A started child and what it took to answer. */
export interface StartedChild {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  /** Spawn to the first 200 on the probe path, in ms. */
  readonly coldStartMs: number;
  stop(): Promise<void>;
}

/** How to start one server: the command, given its port, and a path that answers 200 once ready. */
export interface ServerRecipe {
  readonly command: string;
  readonly args: (port: number) => readonly string[];
  readonly probePath: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Spawn a server and poll its probe path until it answers 200 (or `timeoutMs` passes).
 * @example
 * const s = await startChild({ command: process.execPath, args: (p) => ['server.js', String(p)], probePath: '/' });
 * await s.stop();
 */
export async function startChild(recipe: ServerRecipe, timeoutMs = 60_000): Promise<StartedChild> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(recipe.command, [...recipe.args(port)], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } });
  live.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const stop = async (): Promise<void> => {
    live.delete(child);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = started + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${recipe.command} exited with ${child.exitCode}: ${stderr}`);
    try {
      const response = await fetch(`${baseUrl}${recipe.probePath}`, { headers: recipe.headers ?? {}, signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return { child, baseUrl, coldStartMs: performance.now() - started, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await stop();
  throw new Error(`${recipe.command} did not answer 200 on ${recipe.probePath} within ${timeoutMs} ms: ${stderr}`);
}

/**
 * Run a command to completion and return its stdout (killed after `timeoutMs`).
 * @example
 * const out = await runToEnd(process.execPath, ['-e', 'console.log(1)'], 5000);
 */
export async function runToEnd(command: string, args: readonly string[], timeoutMs: number): Promise<string> {
  const child = spawn(command, [...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  live.delete(child);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr}`);
  return stdout;
}
