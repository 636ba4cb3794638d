import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import type { Socket } from 'node:net';
import path from 'node:path';
import { repoRoot } from './paths';

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

/** Signals a child's whole process group (startService puts each in its own); quiet when it is gone already. */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

const lifelineFd = 3;

/**
 * Starts a long-running Node child in its own process group, which is killed whenever this process exits. It also
 * gets a lifeline: a pipe on fd 3 that exit-with-parent.cjs watches, so it ends with its group as soon as this
 * process is gone, however it died (SIGKILL included: the kernel closes the pipe).
 */
export function startService(cmd: string, args: string[], opts: SpawnOptions = {}): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...(opts.env ?? process.env), POSTURE_LIFELINE_FD: String(lifelineFd) };
  env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(path.join(repoRoot, 'scripts/lib/exit-with-parent.cjs'))}`.trim();
  const given = opts.stdio ?? ['ignore', 'inherit', 'inherit'];
  const stdio = typeof given === 'string' ? [given, given, given] : [...given.slice(0, lifelineFd)];
  while (stdio.length < lifelineFd) stdio.push('inherit');
  const child = spawn(cmd, args, { ...opts, stdio: [...stdio, 'pipe'], env, detached: true });
  const lifeline = child.stdio[lifelineFd] as Socket | null;
  lifeline?.on('error', () => {});
  lifeline?.unref(); // held, never read: it must not keep this process alive
  const onExit = () => killGroup(child, 'SIGTERM');
  process.once('exit', onExit);
  child.once('exit', () => process.removeListener('exit', onExit)); // its pid, and so its group id, may be reused
  return child;
}

/** Runs a Node command to completion like run(), but as a startService child: it ends when this process ends. */
export function runTied(cmd: string, args: string[], opts: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = startService(cmd, args, { stdio: 'inherit', ...opts });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${path.basename(args[0] ?? cmd)} exited with ${code ?? signal}`))));
  });
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
 * Posture's web server (scripts/web.ts, bundled to dist/web.mjs) in place of `next start`, run by node directly, so
 * signals reach the server rather than a wrapper. `host` is `-H`; without it the server listens on every interface.
 */
export function webServerCommand(root: string, opts: { port: number | string; host?: string }): [string, string[]] {
  const host = opts.host === undefined ? [] : ['-H', opts.host];
  return [process.execPath, [path.join(root, 'dist/web.mjs'), ...host, '-p', String(opts.port)]];
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
