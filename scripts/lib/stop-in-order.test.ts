import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stopInOrder, type StoppablePart } from './stop-in-order';

const children: ChildProcess[] = [];
afterEach(() => {
  children.splice(0).forEach((c) => c.kill('SIGKILL'));
  vi.restoreAllMocks();
});

/** A real process that exits on SIGTERM after `exitAfterMs`, or ignores SIGTERM when that is null. */
async function processPart(name: string, exitAfterMs: number | null, log: string[]): Promise<StoppablePart> {
  const onTerm = exitAfterMs === null ? '() => {}' : `() => setTimeout(() => process.exit(0), ${exitAfterMs})`;
  const child = spawn(process.execPath, ['-e', `process.on('SIGTERM', ${onTerm}); console.log('up'); setInterval(() => {}, 1000)`], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise((r) => child.stdout!.once('data', r));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    name,
    stop: async () => {
      log.push(`stop ${name}`);
      child.kill('SIGTERM');
      await exited;
      log.push(`stopped ${name}`);
    },
    kill: () => child.kill('SIGKILL'),
  };
}

describe('stopInOrder', () => {
  it('stops stage by stage, names what is slow, kills what outlives its share, and keeps to the budget', async () => {
    const order: string[] = [];
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    const web = await processPart('the web server', 100, order);
    const stuck = await processPart('the stuck worker', null, order);
    const lab = await processPart('the lab', 2_500, order);
    const store = await processPart('the store', 0, order);
    const started = Date.now();
    await stopInOrder('demo', [[web, stuck], [lab, undefined], [store]], 9_000);
    const took = Date.now() - started;

    expect(took).toBeLessThan(9_000);
    expect(order.indexOf('stopped the web server')).toBeLessThan(order.indexOf('stop the lab'));
    expect(order.indexOf('stopped the lab')).toBeLessThan(order.indexOf('stop the store'));
    expect(order).toContain('stopped the stuck worker'); // killed, so its stop() returned
    expect(lines).toContain('[demo] still stopping: the stuck worker (up to 1 s more)');
    expect(lines).toContain('[demo] the stuck worker did not stop in time; killing it');
    expect(lines.some((l) => l.startsWith('[demo] still stopping: the lab'))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/web server|the store/);
    expect(children.every((c) => c.exitCode !== null || c.signalCode !== null)).toBe(true);
  });

  it('goes on without a part that has no kill, within the budget', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    const started = Date.now();
    await stopInOrder('worker', [[{ name: 'pg-boss', stop: () => new Promise<void>(() => {}) }]], 1_000);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(lines).toEqual(['[worker] pg-boss did not stop in time; going on without it']);
  });
});
