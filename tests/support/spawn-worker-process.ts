import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { serverProcessArgs } from '../../scripts/lib/server-process-args';

export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  /** scan ids this process started a scan job for, in order (a retried job appears again) */
  scansStarted: string[];
  /** runs the scan fan-out for one slot in this process; resolves with the number of scans it queued */
  fanout: (slot: string) => Promise<number>;
  /** process.memoryUsage() of the worker, in bytes */
  memoryUsage: () => Promise<{ rss: number; heapUsed: number; heapTotal: number; external: number }>;
  /** graceful stop; SIGKILL after 15 s */
  stop: () => Promise<void>;
}

const repo = path.resolve(import.meta.dirname, '../..');

/** Spawns tests/support/worker-process-main.ts: a real worker replica, as `npm run worker` would run, for scan jobs only. */
export async function spawnWorkerProcess(env: Record<string, string> = {}): Promise<WorkerProcess> {
  const child = spawn(
    process.execPath,
    ['--require', path.join(repo, 'scripts/lib/exit-with-parent.cjs'), ...serverProcessArgs, '--import', 'tsx', path.join(repo, 'tests/support/worker-process-main.ts')],
    { cwd: repo, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  process.once('exit', () => child.kill('SIGKILL'));
  const scansStarted: string[] = [];
  const waiters = new Map<string, ((n: number) => void)[]>();
  const memWaiters: ((m: { rss: number; heapUsed: number; heapTotal: number; external: number }) => void)[] = [];
  let buffered = '';
  let ready: () => void = () => {};
  const started = new Promise<void>((resolve, reject) => {
    ready = resolve;
    child.once('exit', (code, signal) => reject(new Error(`worker process exited (${code ?? signal}) before it was ready`)));
    setTimeout(() => reject(new Error('worker process not ready within 30 s')), 30_000).unref();
  });
  child.stdout!.on('data', (b: Buffer) => {
    buffered += b.toString();
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const [kind, a, b2, c, d] = buffered.slice(0, nl).split(' ');
      buffered = buffered.slice(nl + 1);
      if (kind === 'ready') ready();
      else if (kind === 'scan' && b2) scansStarted.push(b2);
      else if (kind === 'queued' && a) waiters.get(a)?.shift()?.(Number(b2));
      else if (kind === 'mem') memWaiters.shift()?.({ rss: Number(a), heapUsed: Number(b2), heapTotal: Number(c), external: Number(d) });
    }
  });
  await started;
  return {
    child,
    pid: child.pid!,
    scansStarted,
    fanout: (slot) =>
      new Promise<number>((resolve, reject) => {
        waiters.set(slot, [...(waiters.get(slot) ?? []), resolve]);
        child.stdin!.write(`fanout ${slot}\n`, (e) => e && reject(e));
      }),
    memoryUsage: () =>
      new Promise((resolve) => {
        memWaiters.push(resolve);
        child.stdin!.write('mem\n');
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.stdin!.write('stop\n');
      }),
  };
}
