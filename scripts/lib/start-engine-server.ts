import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { dieWithParent } from '../../lib/store/die-with-parent';
import { killGroup, stopProcess } from './run-process';

export interface EngineServer {
  name: string;
  child: ChildProcess;
  /** milliseconds from spawn until the readiness probe succeeded */
  startedMs: number;
  output: () => string;
  stop: () => Promise<void>;
  /** SIGKILL to its group, for a stop that ran out of time */
  kill: () => void;
}

export interface StartEngineServerOptions {
  name: string;
  cmd: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** resolves true once the server serves; polled every 100 ms */
  ready: () => Promise<boolean>;
  timeoutMs?: number;
}

/** True when a TCP connection to the port is accepted. */
export function portAccepts(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/**
 * Starts a real server binary (for a test file or the demo lab) in its own process group, under setpriv --pdeathsig so it dies
 * with its parent even on SIGKILL, and waits until `ready`. Output is kept for failure messages.
 */
export async function startEngineServer(opts: StartEngineServerOptions): Promise<EngineServer> {
  const started = Date.now();
  const [cmd, args] = dieWithParent(opts.cmd, opts.args, 'SIGKILL');
  const child = spawn(cmd, args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const server: EngineServer = { name: opts.name, child, startedMs: 0, output: () => out, stop: () => stopProcess(child, 5_000), kill: () => killGroup(child, 'SIGKILL') };
  const deadline = started + (opts.timeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${opts.name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${out}`);
    if (await opts.ready()) {
      server.startedMs = Date.now() - started;
      return server;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await server.stop();
  throw new Error(`${opts.name} was not ready within ${(opts.timeoutMs ?? 30_000) / 1000} s:\n${out}`);
}
