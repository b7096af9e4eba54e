/**
 * Child processes for the benchmark: each runs in its own process group (so `npm`/`tsx` wrappers and
 * their node children die together), is killed on exit, failure or signal, and can be waited on
 * with a deadline.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface Child {
  name: string;
  proc: ChildProcess;
  /** Last lines of stdout+stderr, for error messages. */
  output(): string;
  /** Resolves with the exit code (or signal name) when the process exits. */
  exited: Promise<number | string>;
  /** SIGTERM to the group, SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const children = new Set<Child>();

function killGroup(proc: ChildProcess, signal: NodeJS.Signals): void {
  if (proc.pid === undefined) return;
  try {
    process.kill(-proc.pid, signal); // the whole process group (detached: true made it a leader)
  } catch {
    try {
      proc.kill(signal);
    } catch {
      // already gone
    }
  }
}

export function startChild(name: string, command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Child {
  const proc = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter((l) => l.trim() !== ''));
    if (lines.length > 60) lines.splice(0, lines.length - 60);
  };
  proc.stdout?.on('data', collect);
  proc.stderr?.on('data', collect);
  let done = false;
  const exited = new Promise<number | string>((resolve) => {
    proc.once('exit', (code, signal) => {
      done = true;
      children.delete(child);
      resolve(code ?? signal ?? 'unknown');
    });
    proc.once('error', (error) => {
      done = true;
      children.delete(child);
      lines.push(`spawn error: ${error.message}`);
      resolve('spawn-error');
    });
  });
  const child: Child = {
    name,
    proc,
    output: () => lines.join('\n'),
    exited,
    async stop(graceMs = 3000) {
      if (done) return;
      killGroup(proc, 'SIGTERM');
      const timer = setTimeout(() => killGroup(proc, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      killGroup(proc, 'SIGKILL'); // grandchildren that ignored SIGTERM
    },
  };
  children.add(child);
  return child;
}

/** Stops every child still running (graceful, then SIGKILL). */
export async function stopAll(): Promise<void> {
  await Promise.all([...children].map((c) => c.stop()));
}

/** Synchronous last resort (process 'exit' handler): SIGKILL every group still alive. */
export function killAllNow(): void {
  for (const child of children) killGroup(child.proc, 'SIGKILL');
}

/** Resolves with the first match of `pattern` in the child's output, or rejects (exit or timeout). */
export function waitForOutput(child: Child, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let settled = false;
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const match = buffer.match(pattern);
      if (match) finish(() => resolve(match));
    };
    const timer = setTimeout(
      () => finish(() => reject(new Error(`${child.name}: no ${pattern} in its output within ${timeoutMs / 1000} s.\n--- output ---\n${child.output()}`))),
      timeoutMs,
    );
    const finish = (then: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.proc.stdout?.off('data', onData);
      child.proc.stderr?.off('data', onData);
      then();
    };
    child.proc.stdout?.on('data', onData);
    child.proc.stderr?.on('data', onData);
    onData(Buffer.from(child.output())); // anything printed before we listened
    void child.exited.then((code) => finish(() => reject(new Error(`${child.name} exited (${code}) before it was ready.\n--- output ---\n${child.output()}`))));
  });
}

/** Runs a command to completion within `timeoutMs`; rejects with its output on failure. */
export async function runToCompletion(name: string, command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<void> {
  const child = startChild(name, command, args, options);
  const timer = setTimeout(() => void child.stop(1000), options.timeoutMs);
  const code = await child.exited;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`${name} failed (${code}${code === 'SIGTERM' ? `, timed out after ${options.timeoutMs / 1000} s` : ''}).\n--- output ---\n${child.output()}`);
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not get a free port'))));
    });
  });
}

/** Polls `url` until `accept(status, body)` or the deadline. */
export async function waitForHttp(
  url: string,
  timeoutMs: number,
  options: { headers?: Record<string, string>; accept?: (status: number, body: string) => boolean; child?: Child } = {},
): Promise<string> {
  const accept = options.accept ?? ((status) => status === 200);
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    let answer: { status: number; body: string } | undefined;
    try {
      const response = await fetch(url, { headers: options.headers, signal: AbortSignal.timeout(10_000) });
      answer = { status: response.status, body: await response.text() };
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    // `accept` may throw to stop waiting (a wrong answer that will not change).
    if (answer && accept(answer.status, answer.body)) return answer.body;
    if (answer) last = `HTTP ${answer.status}: ${answer.body.slice(0, 200)}`;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not ready within ${timeoutMs / 1000} s (last: ${last})${options.child ? `\n--- ${options.child.name} output ---\n${options.child.output()}` : ''}`);
}
