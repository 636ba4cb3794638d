import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import path from 'node:path';

/** Runs a command to completion with inherited output; rejects with its exit code. */
export function run(cmd: string, args: string[], opts: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', ...opts });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal}`)),
    );
  });
}

const killGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
};

/** Starts a long-running child in its own process group, which is killed whenever this process exits. */
export function startService(cmd: string, args: string[], opts: SpawnOptions = {}): ChildProcess {
  const env = { ...(opts.env ?? process.env) };
  env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${path.join(import.meta.dirname, 'exit-with-parent.cjs')}`.trim();
  const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts, env, detached: true });
  process.once('exit', () => killGroup(child, 'SIGTERM'));
  return child;
}

/** Stops a child (and its group) and waits for it, escalating to SIGKILL after a grace period. */
export function stopProcess(child: ChildProcess | undefined, graceMs = 10_000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    killGroup(child, 'SIGTERM');
  });
}

/**
 * Posture's web server (scripts/web.ts) in place of `next start`, run by node directly with tsx as its loader, so
 * signals reach the server rather than a wrapper. `host` is `-H`; without it the server listens on every interface.
 */
export function webServerCommand(root: string, opts: { port: number | string; host?: string }): [string, string[]] {
  const host = opts.host === undefined ? [] : ['-H', opts.host];
  return [process.execPath, ['--import', 'tsx', path.join(root, 'scripts/web.ts'), ...host, '-p', String(opts.port)]];
}

/** Polls a URL until it answers 2xx, or fails after the deadline. */
export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not come up within ${timeoutMs / 1000}s`);
}
