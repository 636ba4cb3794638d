import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';
import { killGroup, startService, stopProcess } from './run-process';
import type { CaughtMessage } from './smtp-catcher-server';

export interface SmtpCatcherProcess {
  port: number;
  dir: string;
  child: ChildProcess;
  stop: () => Promise<void>;
  kill: () => void;
}

/** Starts scripts/smtp-catcher.ts as its own process (a real SMTP server) and resolves once it prints "ready". */
export function spawnSmtpCatcher(opts: { port: number; dir: string; timeoutMs?: number }): Promise<SmtpCatcherProcess> {
  // node --import tsx: one process, so stopping it stops the server (no wrapper in between); it ends with its parent.
  const child = startService(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/smtp-catcher.ts'), '--port', String(opts.port), '--dir', opts.dir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () => stopProcess(child, 5_000);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`SMTP catcher did not start within ${(opts.timeoutMs ?? 20_000) / 1000}s`));
    }, opts.timeoutMs ?? 20_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^ready \S+:(\d+)$/m.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout?.removeAllListeners('data');
      child.stdout?.resume();
      resolve({ port: Number(m[1]), dir: opts.dir, child, stop, kill: () => killGroup(child, 'SIGKILL') });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`SMTP catcher exited with ${code} before it was ready`));
    });
  });
}

/** Every message the catcher stored in dir, oldest first. */
export function readCaughtMessages(dir: string): CaughtMessage[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as CaughtMessage);
}
